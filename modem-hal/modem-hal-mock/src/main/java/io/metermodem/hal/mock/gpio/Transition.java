package io.metermodem.hal.mock.gpio;

import java.time.Duration;

/**
 * One recorded level change (transition) of a digital output (HAL-4).
 *
 * @param nanos when it happened, on the board's clock
 * @param on    the new level: {@code true} for a rising edge (an LED lighting up)
 */
public record Transition(long nanos, boolean on) {

    /** @return {@link #nanos()} as the virtual time elapsed since zero */
    public Duration at() {
        return Duration.ofNanos(nanos);
    }

    @Override
    public String toString() {
        return (on ? "on@" : "off@") + at();
    }
}
