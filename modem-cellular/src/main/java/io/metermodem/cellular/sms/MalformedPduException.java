package io.metermodem.cellular.sms;

/**
 * A received PDU that the codec cannot decode (HAL-7). The driver deletes such a message from
 * the module's storage so it cannot block it, and reports nothing to the listeners.
 */
public class MalformedPduException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, with the position when known */
    public MalformedPduException(String message) {
        super(message);
    }
}
