package io.metermodem.hal.nvm;

import java.io.IOException;

/** A write or erase of non-volatile memory did not complete, e.g. because power was cut. */
public class NvmFailureException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, with the address */
    public NvmFailureException(String message) {
        super(message);
    }
}
