package io.metermodem.transparent.iec;

/** Where an {@link IecModeCSession} is in the readout sequence. */
public enum IecSessionState {
    /** Created; {@link IecModeCSession#start()} not yet called. */
    NEW,
    /** The sign-on was sent at 300 baud; waiting for the meter's identification. */
    AWAITING_IDENTIFICATION,
    /** The option select was sent (mode C/E) or the meter's mode needs none; waiting for the data message. */
    AWAITING_DATA,
    /** The readout arrived with a correct BCC. Final. */
    COMPLETED,
    /** The readout failed; see {@link IecModeCSession#failure()}. Final. */
    FAILED;

    /** @return whether the session has ended */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
