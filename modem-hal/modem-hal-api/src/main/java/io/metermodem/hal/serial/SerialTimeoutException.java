package io.metermodem.hal.serial;

import java.io.InterruptedIOException;

/** Nothing arrived on a serial line within the time a read allowed. */
public class SerialTimeoutException extends InterruptedIOException {

    private static final long serialVersionUID = 1L;

    /** @param message what timed out, naming the port */
    public SerialTimeoutException(String message) {
        super(message);
    }
}
