package io.metermodem.testkit.meter;

import java.time.Duration;

/** Argument checks shared by the simulated meters' builders. */
final class Durations {

    private Durations() {
    }

    /** @return {@code d} if it is zero or positive; otherwise an IllegalArgumentException */
    static Duration nonNegative(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("duration must be zero or positive, got " + d);
        }
        return d;
    }
}
