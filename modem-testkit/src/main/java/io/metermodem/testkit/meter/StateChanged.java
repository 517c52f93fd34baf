package io.metermodem.testkit.meter;

import java.util.Objects;

/**
 * The meter moved from one state to another.
 *
 * @param nanoTime when
 * @param from     the state before
 * @param to       the state after
 * @param reason   why, e.g. "option select time-out"
 */
public record StateChanged(long nanoTime, IecMeterState from, IecMeterState to, String reason)
        implements IecMeterEvent {

    /**
     * @throws NullPointerException if a field is missing
     */
    public StateChanged {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
