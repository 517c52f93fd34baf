package io.metermodem.hal.mock.gpio;

import java.time.Duration;

/**
 * One interval during which a digital output was on: an LED flash (HAL-4). In a
 * {@link LedTimeline} window, pulses are clipped to the window.
 *
 * @param onNanos  when the output went on (or the window start, if it was on already)
 * @param offNanos when it went off (or the window end, if it was still on)
 */
public record Pulse(long onNanos, long offNanos) {

    /** @throws IllegalArgumentException if the pulse ends before it starts */
    public Pulse {
        if (offNanos < onNanos) {
            throw new IllegalArgumentException("pulse ends at " + offNanos + " before it starts at " + onNanos);
        }
    }

    /** @return how long the output stayed on */
    public Duration duration() {
        return Duration.ofNanos(offNanos - onNanos);
    }

    /** @return the start as virtual time since zero */
    public Duration start() {
        return Duration.ofNanos(onNanos);
    }

    /** @return the end as virtual time since zero */
    public Duration end() {
        return Duration.ofNanos(offNanos);
    }

    @Override
    public String toString() {
        return "Pulse[" + start() + " for " + duration() + "]";
    }
}
