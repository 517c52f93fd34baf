package io.metermodem.transparent.iec;

import java.time.Duration;

/**
 * (Re)start the session's single timer: if no byte arrives within {@code timeout}, call
 * {@link IecModeCSession#onTimeout()}. A new ArmTimer replaces the previous one.
 *
 * @param timeout the time-out, from the IEC 62056-21 timings
 */
public record ArmTimer(Duration timeout) implements IecSessionAction {

    /**
     * @throws IllegalArgumentException if the time-out is missing or not positive
     */
    public ArmTimer {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a positive time-out is required");
        }
    }
}
