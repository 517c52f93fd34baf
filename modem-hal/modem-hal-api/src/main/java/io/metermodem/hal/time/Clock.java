package io.metermodem.hal.time;

import java.time.Instant;

/**
 * The source of time for a modem. Main code never reads {@code System.nanoTime()} or the wall clock
 * directly: it asks its {@code Clock}, so that a virtual clock can stand in for it in tests.
 */
public interface Clock {

    /**
     * Monotonic time in nanoseconds. Only differences are meaningful; it never goes backwards.
     *
     * @return the current monotonic time
     */
    long nanoTime();

    /**
     * Calendar time, for time stamps that leave the modem (SMS, meter clock comparisons, logs).
     *
     * @return the current wall-clock instant
     */
    Instant instant();
}
