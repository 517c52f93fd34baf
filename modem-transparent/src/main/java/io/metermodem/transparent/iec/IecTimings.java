package io.metermodem.transparent.iec;

import java.time.Duration;

/**
 * The time limits of IEC 62056-21 (clause "Reaction and monitoring times") that a client needs.
 * The session does not measure time itself: it asks its caller to wait or to arm a timer with these
 * values, and the caller reports an expired timer with {@link IecModeCSession#onTimeout()}.
 *
 * @param minReactionTime       t<sub>r</sub> min: wait at least this long after receiving before
 *                              answering (200 ms)
 * @param shortMinReactionTime  the same for a meter announcing the short reaction time (20 ms)
 * @param maxReactionTime       t<sub>r</sub> max: the other side must start answering within this (1500 ms)
 * @param interCharacterTimeout t<sub>a</sub>: longest gap between two characters of one message (1500 ms)
 */
public record IecTimings(Duration minReactionTime, Duration shortMinReactionTime, Duration maxReactionTime,
                         Duration interCharacterTimeout) {

    /** The values of the standard: 200 ms, 20 ms, 1500 ms, 1500 ms. */
    public static final IecTimings STANDARD = new IecTimings(Duration.ofMillis(200), Duration.ofMillis(20),
            Duration.ofMillis(1500), Duration.ofMillis(1500));

    /**
     * @throws IllegalArgumentException if a value is missing or negative, or a minimum exceeds the maximum
     */
    public IecTimings {
        for (Duration d : new Duration[] {minReactionTime, shortMinReactionTime, maxReactionTime, interCharacterTimeout}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("timings must be present and not negative");
            }
        }
        if (minReactionTime.compareTo(maxReactionTime) > 0 || shortMinReactionTime.compareTo(minReactionTime) > 0) {
            throw new IllegalArgumentException("need shortMinReactionTime <= minReactionTime <= maxReactionTime");
        }
        if (maxReactionTime.isZero() || interCharacterTimeout.isZero()) {
            throw new IllegalArgumentException("time-outs must be longer than zero");
        }
    }
}
