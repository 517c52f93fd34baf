package io.metermodem.at.driver;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down guessing of the communication password on the remote AT interface (AT-19, SEC-5): a
 * wrong password is answered only after a delay that starts at {@link #FIRST_DELAY} and doubles with
 * every consecutive failure from the same source, up to {@link #MAX_DELAY}; until that delay is over,
 * the source's next attempt (on any connection) is not even checked. So closing the connection early
 * or opening several at once gains nothing: attempts from one source are checked one at a time, at
 * most one per delay. A right password clears the source; a source quiet for {@link #FORGET_AFTER}
 * starts again at the first delay.
 *
 * <p>No I/O and no clock of its own: callers pass the HAL scheduler's {@code nanoTime()}. Bounded: at
 * most {@value #MAX_SOURCES} sources are remembered, the least recently seen forgotten first.
 * Thread-safe.
 */
public final class PasswordThrottle {

    /** Delay after the first wrong password of a source. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    /** Longest delay, reached after six consecutive failures. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(32);
    /** A source without failures for this long starts again at {@link #FIRST_DELAY}. */
    public static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    /** Most sources remembered. */
    public static final int MAX_SOURCES = 256;

    private static final class Source {
        int failures;
        long lastFailureNanos;
        long blockedUntilNanos;
    }

    private final Map<String, Source> sources = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Source> eldest) {
            return size() > MAX_SOURCES;
        }
    };

    /** Creates a throttle that remembers nothing yet. */
    public PasswordThrottle() {
    }

    /**
     * When the next attempt of a source may be checked.
     *
     * @param source  who tries (e.g. the peer's IP address)
     * @param nowNanos the scheduler's time
     * @return the scheduler time from which a check is allowed; {@code nowNanos} when at once
     */
    public synchronized long notBefore(String source, long nowNanos) {
        Source e = sources.get(source);
        return e == null || e.blockedUntilNanos - nowNanos <= 0 ? nowNanos : e.blockedUntilNanos;
    }

    /**
     * Records a wrong password and blocks the source for the returned delay.
     *
     * @param source   who tried
     * @param nowNanos the scheduler's time
     * @return how long to wait before answering and before the source's next check
     */
    public synchronized Duration failed(String source, long nowNanos) {
        Source e = sources.computeIfAbsent(source, s -> new Source());
        if (e.failures > 0 && nowNanos - e.lastFailureNanos > FORGET_AFTER.toNanos()) {
            e.failures = 0;
        }
        e.failures = Math.min(e.failures + 1, 64);
        e.lastFailureNanos = nowNanos;
        Duration delay = delayFor(e.failures);
        e.blockedUntilNanos = nowNanos + delay.toNanos();
        return delay;
    }

    /**
     * Records a right password: the source starts afresh.
     *
     * @param source who logged in
     */
    public synchronized void succeeded(String source) {
        sources.remove(source);
    }

    /**
     * The delay after a number of consecutive failures.
     *
     * @param failures 1 or more
     * @return {@link #FIRST_DELAY} doubled {@code failures - 1} times, at most {@link #MAX_DELAY}
     */
    public static Duration delayFor(int failures) {
        long nanos = FIRST_DELAY.toNanos() << Math.min(Math.max(failures - 1, 0), 20);
        return Duration.ofNanos(Math.min(nanos, MAX_DELAY.toNanos()));
    }

    /** @return how many sources are remembered */
    public synchronized int size() {
        return sources.size();
    }
}
