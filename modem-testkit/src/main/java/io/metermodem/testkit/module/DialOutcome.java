package io.metermodem.testkit.module;

/** How the simulated network answers a data call the driver dials (HAL-7). */
public enum DialOutcome {
    /** The far end answers: {@code CONNECT 9600}. */
    CONNECT,
    /** {@code BUSY}. */
    BUSY,
    /** {@code NO ANSWER}. */
    NO_ANSWER,
    /** {@code NO CARRIER}. */
    NO_CARRIER
}
