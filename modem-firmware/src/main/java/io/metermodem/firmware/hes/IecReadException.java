package io.metermodem.firmware.hes;

import io.metermodem.transparent.iec.IecReadFailure;
import java.io.IOException;

/** An IEC 62056-21 readout through a transparent port did not complete; the failure says where. */
public class IecReadException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient IecReadFailure failure;

    /** @param failure what the session reported */
    public IecReadException(IecReadFailure failure) {
        super(failure.kind() + " while " + failure.stage() + ": " + failure.detail());
        this.failure = failure;
    }

    /** @return the session's failure */
    public IecReadFailure failure() {
        return failure;
    }
}
