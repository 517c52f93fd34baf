package io.metermodem.cellular.at;

import java.time.Duration;

/**
 * Tuning of the {@link AtClientCore} (HAL-7).
 *
 * @param maxLineLength           longest line kept; longer lines are dropped with an {@link AtEvent.LineOverflow}
 * @param quietPeriod             silence needed on the line after a timeout before the resynchronisation probe
 * @param probeTimeout            how long a probe may take
 * @param maxProbes               failed probes in a row before a module reset is asked for
 * @param maxConsecutiveTimeouts  command timeouts in a row (each resynchronised) before a module reset
 * @param bootTime                how long a module takes to boot after a reset, before probing it
 * @param maxBootTime             cap of the boot wait, which doubles with each reset in a row
 */
public record AtClientSettings(int maxLineLength, Duration quietPeriod, Duration probeTimeout, int maxProbes,
                               int maxConsecutiveTimeouts, Duration bootTime, Duration maxBootTime) {

    /** Defaults: 1024-byte lines, 300 ms quiet, 2 s probes, 3 probes, 3 timeouts, 10 s boot up to 5 min. */
    public static final AtClientSettings DEFAULTS = new AtClientSettings(1024, Duration.ofMillis(300),
            Duration.ofSeconds(2), 3, 3, Duration.ofSeconds(10), Duration.ofMinutes(5));

    /** Checks the values. */
    public AtClientSettings {
        if (maxLineLength < 16 || maxLineLength > 65_536) {
            throw new IllegalArgumentException("maxLineLength must be 16..65536");
        }
        if (maxProbes < 1 || maxConsecutiveTimeouts < 1) {
            throw new IllegalArgumentException("maxProbes and maxConsecutiveTimeouts must be at least 1");
        }
        for (Duration d : new Duration[] {quietPeriod, probeTimeout, bootTime, maxBootTime}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }
    }

    /**
     * @param length the longest line kept
     * @return a copy with another line bound
     */
    public AtClientSettings withMaxLineLength(int length) {
        return new AtClientSettings(length, quietPeriod, probeTimeout, maxProbes, maxConsecutiveTimeouts, bootTime,
                maxBootTime);
    }
}
