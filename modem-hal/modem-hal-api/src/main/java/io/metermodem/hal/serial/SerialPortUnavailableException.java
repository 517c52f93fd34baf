package io.metermodem.hal.serial;

import java.io.IOException;

/** A serial device could not be opened: it is missing, busy, or not permitted. The message names it. */
public class SerialPortUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String device;

    /**
     * @param device the device path or name
     * @param reason why it could not be used
     */
    public SerialPortUnavailableException(String device, String reason) {
        super("serial device " + device + " unavailable: " + reason);
        this.device = device;
    }

    /** @return the device path or name */
    public String device() {
        return device;
    }
}
