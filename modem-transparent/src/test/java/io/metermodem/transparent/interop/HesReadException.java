package io.metermodem.transparent.interop;

import java.io.IOException;

/** A {@link GuruxHes} session failed; the message names the step (sign-on, SNRM/UA, AARQ/AARE, ...). */
public final class HesReadException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String step;

    /**
     * @param step    the step that failed
     * @param message what went wrong
     * @param cause   the underlying error, or null
     */
    public HesReadException(String step, String message, Throwable cause) {
        super(step + ": " + message, cause);
        this.step = step;
    }

    /** @return the step that failed */
    public String step() {
        return step;
    }
}
