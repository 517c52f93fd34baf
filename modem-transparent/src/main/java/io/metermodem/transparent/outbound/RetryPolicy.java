package io.metermodem.transparent.outbound;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded exponential backoff for outbound connections (TR-7, TR-8): after the {@code n}-th failed
 * attempt the next one waits {@code initialDelay * multiplier^(n-1)}, never more than
 * {@code maxDelay}, and after {@code maxAttempts} failed attempts in a row the client gives up. There
 * is no random jitter, on purpose: delays are exact in virtual time, and a fleet's modems are spread
 * by their different start times and interval alignment already.
 *
 * @param initialDelay wait after the first failure, positive
 * @param maxDelay     cap on any wait, at least {@code initialDelay}
 * @param multiplier   growth factor, 1.0..10.0
 * @param maxAttempts  attempts before giving up, 1..1,000,000
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, double multiplier, int maxAttempts) {

    /** Most attempts any policy allows (principle: every retry has a limit). */
    public static final int MAX_ATTEMPTS_LIMIT = 1_000_000;

    /** @throws IllegalArgumentException for values outside the documented ranges */
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initial delay must be positive, got " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("max delay " + maxDelay + " is below the initial delay " + initialDelay);
        }
        if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
            throw new IllegalArgumentException("multiplier must be 1.0..10.0, got " + multiplier);
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("max attempts must be 1.." + MAX_ATTEMPTS_LIMIT + ", got " + maxAttempts);
        }
    }

    /**
     * A doubling policy.
     *
     * @param initialDelay wait after the first failure
     * @param maxDelay     cap on any wait
     * @param maxAttempts  attempts before giving up
     * @return the policy
     */
    public static RetryPolicy doubling(Duration initialDelay, Duration maxDelay, int maxAttempts) {
        return new RetryPolicy(initialDelay, maxDelay, 2.0, maxAttempts);
    }

    /**
     * @param failedAttempts attempts that failed in a row so far, at least 1
     * @return how long to wait before the next attempt
     * @throws IllegalArgumentException if {@code failedAttempts < 1}
     */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failed attempts must be at least 1, got " + failedAttempts);
        }
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, failedAttempts - 1);
        // Compare as double first: the power overflows long long before attempts run out.
        return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
    }

    /**
     * @param failedAttempts attempts that failed in a row so far
     * @return whether another attempt is allowed
     */
    public boolean allowsAnotherAfter(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }
}
