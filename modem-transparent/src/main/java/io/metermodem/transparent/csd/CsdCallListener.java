package io.metermodem.transparent.csd;

import io.metermodem.hal.cellular.CallEndReason;

/**
 * Hears the data calls of a {@link CsdBridgeAdapter} (TR-6), for the LEDs (manual 2.7: the GSM/GPRS
 * LED lights continuously during a CSD call) and the event log. Called on the modem's scheduler;
 * every method has an empty default.
 */
public interface CsdCallListener {

    /**
     * A call was answered and is now attached to the bridge.
     *
     * @param caller the caller's number, empty when withheld
     */
    default void onCallConnected(String caller) {
    }

    /**
     * The connected call ended.
     *
     * @param caller the caller's number, empty when withheld
     * @param reason why
     */
    default void onCallEnded(String caller, CallEndReason reason) {
    }

    /**
     * A call was refused because another one was connected (or being answered).
     *
     * @param caller the refused caller's number, empty when withheld
     */
    default void onCallRejected(String caller) {
    }

    /**
     * Answering failed (the caller hung up meanwhile, the module did not answer).
     *
     * @param caller the caller's number, empty when withheld
     * @param cause  why
     */
    default void onAnswerFailed(String caller, Throwable cause) {
    }
}
