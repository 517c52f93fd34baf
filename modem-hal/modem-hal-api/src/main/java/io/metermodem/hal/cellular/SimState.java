package io.metermodem.hal.cellular;

/** SIM card and PIN state, as {@code +CPIN?} reports it (HAL-7). */
public enum SimState {
    /** No SIM card inserted. */
    ABSENT,
    /** The SIM waits for its PIN. */
    PIN_REQUIRED,
    /** The PIN was entered wrongly too often; the SIM needs its PUK. */
    PUK_REQUIRED,
    /** The SIM is unlocked and usable. */
    READY,
    /** The SIM does not answer or is faulty. */
    FAILURE
}
