package io.metermodem.led;

import io.metermodem.hal.cellular.CellularStatus;

/**
 * The status events the firmware feeds to the LEDs. The cellular and supercapacitor events can also
 * come straight from the HAL ({@link LedController#attach}); the others come from the transparent
 * bridge, the AMM client, the IEC poller, the CSD handler and the firmware updater. Callable from
 * any thread.
 */
public interface LedStatusInput {

    /** @param status the cellular module's latest report; it also ends an AT time-out */
    void cellularStatus(CellularStatus status);

    /** The cellular module did not answer an AT command in time (LED-5: slow). */
    void moduleTimedOut();

    /** @param active whether a transparent TCP session forwards data (LED-3 2 Hz, LED-4 steady) */
    void ipForwarding(boolean active);

    /** @param up whether the meter-modem connection is built up: the meter answers (LED-7) */
    void meterLink(boolean up);

    /** @param state the IEC polling state (LED-9, LED-3) */
    void iecPolling(IecPollingState state);

    /** @param on whether multi-utility mode is configured (LED-3) */
    void multiUtility(boolean on);

    /** @param state the AMM (IEC) client state (LED-10) */
    void ammClient(AmmClientState state);

    /**
     * A CSD call was answered (LED-12).
     *
     * @param mode      what the call is for; {@link CsdMode#NONE} is the same as {@link #csdCallEnded()}
     * @param meterBaud the meter interface speed; not 9600 makes the E-meter LED steady
     */
    void csdCallStarted(CsdMode mode, int meterBaud);

    /** The CSD call ended. */
    void csdCallEnded();

    /** @param charging whether the supercapacitor is charging (LED-1, PWR-3) */
    void supercapCharging(boolean charging);

    /** A new firmware was installed: all LEDs dark until the restart (LED-11). */
    void firmwareInstalled();

    /** @param assignment the functions of LED1..LED3 (LED-6), e.g. after a configuration change */
    void assignment(LedAssignment assignment);
}
