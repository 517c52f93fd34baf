package io.metermodem.transparent.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backoff of the outbound clients, push (TR-7) and AMM (TR-8), against the contract in
 * {@link RetryPolicy}'s Javadoc: after the n-th failure in a row the wait is exactly
 * {@code initialDelay * multiplier^(n-1)}, capped at {@code maxDelay}, with no jitter; after
 * {@code maxAttempts} failures there is no further attempt. The delays are checked against an
 * independent calculation in decimal arithmetic, so a policy whose delay never grows, grows by another
 * factor, starts elsewhere, is capped at another value or is randomised fails.
 */
class RetryPolicyProperties {

    /** Forty significant digits: far beyond the double arithmetic the policy itself uses. */
    private static final MathContext EXACT = new MathContext(40);

    /**
     * Asserts the delay after every failure count 1..{@code lastFailures}: within a nanosecond plus
     * a relative 1e-12 of the exact capped value (the policy computes in double), and exactly
     * {@code maxDelay} once the exact value is clearly beyond the cap.
     */
    private static void assertSequence(RetryPolicy policy, int lastFailures) {
        long initial = policy.initialDelay().toNanos();
        BigDecimal cap = BigDecimal.valueOf(policy.maxDelay().toNanos());
        BigDecimal factor = new BigDecimal(policy.multiplier());
        BigDecimal exact = BigDecimal.valueOf(initial);
        for (int n = 1; n <= lastFailures; n++) {
            if (n > 1 && exact.compareTo(cap) <= 0) {
                exact = exact.multiply(factor, EXACT);
            }
            Duration delay = policy.delayAfter(n);
            BigDecimal tolerance = exact.min(cap).multiply(new BigDecimal("1e-12"), EXACT).add(BigDecimal.ONE);
            String where = policy + " after " + n + " failures: " + delay + ", exact " + exact + " ns";
            if (exact.subtract(cap).compareTo(tolerance) > 0) {
                assertEquals(policy.maxDelay(), delay, where);
            } else {
                BigDecimal error = BigDecimal.valueOf(delay.toNanos()).subtract(exact.min(cap)).abs();
                assertTrue(error.compareTo(tolerance) <= 0, where);
            }
            assertTrue(delay.compareTo(policy.initialDelay()) >= 0 && delay.compareTo(policy.maxDelay()) <= 0, where);
        }
    }

    @Property(tries = 1000)
    @DisplayName("TR-7, TR-8: the delay after n failures is initialDelay * multiplier^(n-1) capped at maxDelay, "
            + "without jitter, and attempts stop after maxAttempts")
    void delaysGrowToTheCap(Gen gen) {
        // Milliseconds, so that delays which are not whole seconds are covered too.
        long initialMillis = gen.longBetween(1, 3_600_000);
        long extraMillis = gen.longBetween(0, 7_200_000);
        double multiplier = gen.intBetween(10, 100) / 10.0;
        int maxAttempts = gen.intBetween(1, 1000);
        int failures = gen.intBetween(1, 5000);
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(initialMillis),
                Duration.ofMillis(initialMillis + extraMillis), multiplier, maxAttempts);

        assertSequence(policy, failures + 1);
        // The first wait is the initial delay itself, not the cap (a constant delay fails here).
        assertEquals(policy.initialDelay(), policy.delayAfter(1));
        // No jitter: the same failure count always gives the same wait, also from an equal policy.
        RetryPolicy twin = new RetryPolicy(policy.initialDelay(), policy.maxDelay(), multiplier, maxAttempts);
        assertEquals(policy.delayAfter(failures), policy.delayAfter(failures));
        assertEquals(policy.delayAfter(failures), twin.delayAfter(failures));

        assertEquals(failures < maxAttempts, policy.allowsAnotherAfter(failures));
        assertTrue(policy.allowsAnotherAfter(maxAttempts - 1));
        assertTrue(!policy.allowsAnotherAfter(maxAttempts));
    }

    @ParameterizedTest(name = "{0} s to {1} s x{2}: after {3} failures wait {4} ms")
    @CsvSource({
        // AmmSettings' default reconnect policy: 10 s doubling up to 10 min.
        "10, 600, 2.0, 1, 10000",
        "10, 600, 2.0, 2, 20000",
        "10, 600, 2.0, 3, 40000",
        "10, 600, 2.0, 4, 80000",
        "10, 600, 2.0, 5, 160000",
        "10, 600, 2.0, 6, 320000",
        "10, 600, 2.0, 7, 600000",
        "10, 600, 2.0, 8, 600000",
        "10, 600, 2.0, 1000000, 600000",
        // PushSettings' default retry: 10 s doubling up to 5 min.
        "10, 300, 2.0, 5, 160000",
        "10, 300, 2.0, 6, 300000",
        // A factor of 1.5, all steps exact in nanoseconds.
        "2, 60, 1.5, 1, 2000",
        "2, 60, 1.5, 2, 3000",
        "2, 60, 1.5, 3, 4500",
        "2, 60, 1.5, 4, 6750",
        "2, 60, 1.5, 5, 10125",
        "2, 60, 1.5, 9, 51257.8125",
        "2, 60, 1.5, 10, 60000",
        // A factor of 1: the delay never grows.
        "5, 60, 1.0, 1, 5000",
        "5, 60, 1.0, 1000000, 5000",
        // The largest factor.
        "1, 3600, 10.0, 3, 100000",
        "1, 3600, 10.0, 4, 1000000",
        "1, 3600, 10.0, 5, 3600000",
    })
    @DisplayName("TR-7, TR-8: known delay sequences, the defaults of push and AMM among them")
    void knownSequences(long initialSeconds, long maxSeconds, double multiplier, int failures, BigDecimal expectedMillis) {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(initialSeconds), Duration.ofSeconds(maxSeconds),
                multiplier, RetryPolicy.MAX_ATTEMPTS_LIMIT);
        assertEquals(Duration.ofNanos(expectedMillis.movePointRight(6).longValueExact()), policy.delayAfter(failures));
    }

    static Stream<Arguments> invalidPolicies() {
        Duration second = Duration.ofSeconds(1);
        return Stream.of(
                Arguments.of("zero initial delay", Duration.ZERO, second, 2.0, 3),
                Arguments.of("negative initial delay", Duration.ofSeconds(-1), second, 2.0, 3),
                Arguments.of("cap below the initial delay", Duration.ofSeconds(2), second, 2.0, 3),
                Arguments.of("multiplier below 1", second, second, 0.99, 3),
                Arguments.of("multiplier above 10", second, second, 10.01, 3),
                Arguments.of("multiplier NaN", second, second, Double.NaN, 3),
                Arguments.of("no attempts", second, second, 2.0, 0),
                Arguments.of("attempts beyond the limit", second, second, 2.0, RetryPolicy.MAX_ATTEMPTS_LIMIT + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPolicies")
    @DisplayName("TR-7, TR-8: a policy outside the documented ranges is refused")
    void invalidPoliciesAreRefused(String name, Duration initial, Duration max, double multiplier, int attempts) {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(initial, max, multiplier, attempts));
    }

    @ParameterizedTest(name = "after {0} failures")
    @CsvSource({"0", "-1", "-2147483648"})
    @DisplayName("TR-7, TR-8: a delay is only defined after at least one failure")
    void delayNeedsAFailure(int failures) {
        RetryPolicy policy = RetryPolicy.doubling(Duration.ofSeconds(1), Duration.ofSeconds(8), 3);
        assertThrows(IllegalArgumentException.class, () -> policy.delayAfter(failures));
    }
}
