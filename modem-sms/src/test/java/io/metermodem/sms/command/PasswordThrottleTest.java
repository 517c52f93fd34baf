package io.metermodem.sms.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.VirtualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordThrottleTest {

    private final VirtualScheduler clock = new VirtualScheduler();
    private final PasswordThrottle throttle = new PasswordThrottle(PasswordThrottle.Settings.DEFAULT);

    private void fail(String sender) {
        throttle.recordFailure(sender, clock.nanoTime());
    }

    @Test
    @DisplayName("SMS-1: three wrong passwords from one number within 10 min lock it out for 15 min")
    void perSender() {
        fail("+361");
        fail("+361");
        assertFalse(throttle.isLocked("+361", clock.nanoTime()));
        fail("+361");
        assertTrue(throttle.isLocked("+361", clock.nanoTime()));
        assertFalse(throttle.isLocked("+362", clock.nanoTime()), "other senders are not affected");
        clock.advance(Duration.ofMinutes(15).minusNanos(1));
        assertTrue(throttle.isLocked("+361", clock.nanoTime()));
        clock.advance(Duration.ofNanos(1));
        assertFalse(throttle.isLocked("+361", clock.nanoTime()));
    }

    @Test
    @DisplayName("SMS-1: failures older than the window are forgotten")
    void window() {
        fail("+361");
        fail("+361");
        clock.advance(Duration.ofMinutes(10));
        fail("+361");
        assertFalse(throttle.isLocked("+361", clock.nanoTime()));
    }

    @Test
    @DisplayName("SMS-1: a right password clears the sender's count")
    void successClears() {
        fail("+361");
        fail("+361");
        throttle.recordSuccess("+361");
        fail("+361");
        assertFalse(throttle.isLocked("+361", clock.nanoTime()));
    }

    @Test
    @DisplayName("SMS-1: ten wrong passwords from different numbers lock everyone out (global throttle)")
    void global() {
        for (int i = 0; i < 9; i++) {
            fail("+3630000000" + i);
        }
        assertFalse(throttle.isLocked("+36999", clock.nanoTime()));
        fail("+36301111111");
        assertTrue(throttle.isLocked("+36999", clock.nanoTime()));
        clock.advance(Duration.ofMinutes(15));
        assertFalse(throttle.isLocked("+36999", clock.nanoTime()));
        assertEquals(1, throttle.locksImposed());
    }

    @Test
    @DisplayName("SMS-1: the sender table is bounded")
    void bounded() {
        PasswordThrottle small = new PasswordThrottle(new PasswordThrottle.Settings(3, Duration.ofMinutes(10),
                Duration.ofMinutes(15), 1_000_000, Duration.ofMinutes(15), 8));
        for (int i = 0; i < 100; i++) {
            small.recordFailure("+36" + i, clock.nanoTime());
        }
        assertEquals(8, small.trackedSenders());
        assertThrows(IllegalArgumentException.class, () -> new PasswordThrottle.Settings(0, Duration.ofMinutes(1),
                Duration.ofMinutes(1), 1, Duration.ofMinutes(1), 1));
    }
}
