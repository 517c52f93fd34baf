package io.metermodem.transparent.iec;

/**
 * The session ended with a readout (TR-9). The meter returns to 300 baud on its own.
 *
 * @param readout the identification and data sets
 */
public record ReadoutCompleted(IecReadout readout) implements IecSessionAction {

    /**
     * @throws IllegalArgumentException if the readout is missing
     */
    public ReadoutCompleted {
        if (readout == null) {
            throw new IllegalArgumentException("readout is required");
        }
    }
}
