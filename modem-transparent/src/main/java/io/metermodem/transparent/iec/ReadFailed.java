package io.metermodem.transparent.iec;

/**
 * The session ended without a readout.
 *
 * @param failure what went wrong and where
 */
public record ReadFailed(IecReadFailure failure) implements IecSessionAction {

    /**
     * @throws IllegalArgumentException if the failure is missing
     */
    public ReadFailed {
        if (failure == null) {
            throw new IllegalArgumentException("failure is required");
        }
    }
}
