package io.metermodem.hal.cellular;

import java.io.IOException;

/** A module operation failed; {@link #reason()} says why in a form code can act on. */
public class CellularException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why an operation failed. */
    public enum Reason {
        /** No SIM inserted. */
        SIM_ABSENT,
        /** The PIN was wrong. */
        PIN_WRONG,
        /** The SIM needs its PUK. */
        SIM_BLOCKED,
        /** The module is not registered. */
        NOT_REGISTERED,
        /** The operation needs packet data, which is down. */
        NO_PACKET_DATA,
        /** The module did not answer in time. */
        TIMEOUT,
        /** The called party is busy. */
        BUSY,
        /** The called party did not answer. */
        NO_ANSWER,
        /** The call could not be set up or was lost. */
        NO_CARRIER,
        /** No call is ringing or connected. */
        NO_CALL,
        /** The network or module refused the request. */
        REFUSED
    }

    private final Reason reason;

    /**
     * @param reason  the reason
     * @param message details
     */
    public CellularException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /** @return why the operation failed */
    public Reason reason() {
        return reason;
    }
}
