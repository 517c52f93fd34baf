package io.metermodem.hal.cellular;

/**
 * Hears what the module reports. Calls come one at a time, in the order the module reported the
 * events; every method has an empty default.
 */
public interface CellularListener {

    /** @param status the new snapshot after any change of SIM, registration, technology, RSSI, operator or IP */
    default void onStatusChanged(CellularStatus status) {
    }

    /** @param sms a received message */
    default void onSmsReceived(IncomingSms sms) {
    }

    /**
     * An incoming data call rings.
     *
     * @param callerNumber the caller, or empty when withheld
     * @param ringCount    1 for the first ring
     */
    default void onRing(String callerNumber, int ringCount) {
    }

    /** @param reason the caller stopped ringing before the call was answered */
    default void onRingingStopped(CallEndReason reason) {
    }

    /** @param fault a fault of the module or network */
    default void onFault(ModuleFault fault) {
    }
}
