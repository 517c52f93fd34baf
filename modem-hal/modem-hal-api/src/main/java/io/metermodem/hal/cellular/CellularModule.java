package io.metermodem.hal.cellular;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The modem's cellular module (HAL-7). Implemented by the AT drivers in modem-cellular (Quectel, Telit)
 * over the module UART, and by the scriptable network of modem-hal-mock.
 *
 * <p>Operations that need the module or the network return a {@link CompletionStage} that completes
 * with the result or exceptionally with a {@link CellularException}; none blocks the caller. State
 * changes, SMS, rings and faults reach the {@link CellularListener}s.
 */
public interface CellularModule {

    /** @return the last reported state; never blocks */
    CellularStatus status();

    /** @return identities of the module and SIM as last read */
    ModuleIdentity identity();

    /** @param listener hears state changes, SMS, rings and faults */
    void addListener(CellularListener listener);

    /** @param listener a listener added before */
    void removeListener(CellularListener listener);

    /**
     * Unlocks the SIM.
     *
     * @param pin 4..8 digits
     * @return completes when the SIM is ready; fails with {@link CellularException.Reason#PIN_WRONG},
     *         {@link CellularException.Reason#SIM_BLOCKED} or {@link CellularException.Reason#SIM_ABSENT}
     */
    CompletionStage<Void> enterPin(String pin);

    /**
     * Sends an SMS.
     *
     * @param sms the message
     * @return completes with the message reference of the (last) part once the network accepted it
     */
    CompletionStage<Integer> sendSms(OutgoingSms sms);

    /**
     * Answers the ringing data call.
     *
     * @return the connected call; fails with {@link CellularException.Reason#NO_CALL} when nothing rings
     */
    CompletionStage<CsdCall> answer();

    /**
     * Dials a data call.
     *
     * @param number the number to call
     * @return the connected call; fails with BUSY, NO_ANSWER or NO_CARRIER
     */
    CompletionStage<CsdCall> dial(String number);

    /** Rejects a ringing call; harmless when nothing rings. */
    void reject();

    /**
     * Brings packet data up.
     *
     * @param apn the access point
     * @return the IP address assigned; fails with NOT_REGISTERED or REFUSED
     */
    CompletionStage<String> activatePacketData(Apn apn);

    /** @return completes when packet data is down */
    CompletionStage<Void> deactivatePacketData();

    /**
     * Pings a host through packet data.
     *
     * @param host    IP address or name
     * @param timeout how long to wait for the reply
     * @return the outcome (a missing reply is a result, not a failure); fails with NO_PACKET_DATA
     */
    CompletionStage<PingResult> ping(String host, Duration timeout);

    /**
     * Restarts the module; registration and packet data are lost and come back on their own.
     *
     * @return completes when the module answers again
     */
    CompletionStage<Void> restart();
}
