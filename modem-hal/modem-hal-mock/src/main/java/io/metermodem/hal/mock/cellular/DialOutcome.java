package io.metermodem.hal.mock.cellular;

/** What happens when the modem dials a number of the {@link MockCellularNetwork} (HAL-7). */
public enum DialOutcome {
    /** The remote modem answers; the call connects. */
    ANSWER,
    /** The remote line is busy ({@code BUSY}). */
    BUSY,
    /** Nobody answers ({@code NO ANSWER}). */
    NO_ANSWER,
    /** The call cannot be set up ({@code NO CARRIER}); the default for numbers without a script. */
    NO_CARRIER
}
