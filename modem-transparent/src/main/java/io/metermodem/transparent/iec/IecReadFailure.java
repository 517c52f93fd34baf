package io.metermodem.transparent.iec;

/**
 * A failed readout: what went wrong, at which step, and the details for the log.
 *
 * @param kind   the failure
 * @param stage  the step the session was in when it failed
 * @param detail readable details (the decoder's reason, the offending message)
 */
public record IecReadFailure(IecReadFailureKind kind, IecSessionState stage, String detail) {

    /**
     * @throws IllegalArgumentException if a field is missing
     */
    public IecReadFailure {
        if (kind == null || stage == null || detail == null) {
            throw new IllegalArgumentException("kind, stage and detail are required");
        }
    }
}
