package io.metermodem.led;

import java.util.Objects;

/**
 * What one LED plays now, and until when that holds if the status does not change.
 *
 * @param pattern    the pattern
 * @param untilNanos the scheduler time at which the answer may change by time alone (a start-up
 *                   signal ends, an access technology signal ends); {@link Long#MAX_VALUE} when only
 *                   a status change can change it
 */
public record LedDecision(LedPattern pattern, long untilNanos) {

    /** @throws NullPointerException without a pattern */
    public LedDecision {
        Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * @param pattern a pattern that holds until the status changes
     * @return the decision
     */
    public static LedDecision steady(LedPattern pattern) {
        return new LedDecision(pattern, Long.MAX_VALUE);
    }
}
