package io.metermodem.led;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.gpio.LedTimeline;
import io.metermodem.hal.mock.gpio.MockDigitalOutput;
import io.metermodem.hal.mock.gpio.Pulse;
import io.metermodem.hal.mock.gpio.Transition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pattern engine on a recorded output, in virtual time. */
class LedPlayerTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final MockDigitalOutput out = new MockDigitalOutput("LED", scheduler);
    private final LedPlayer player = new LedPlayer(out, scheduler);

    private LedTimeline play(LedPattern pattern, Duration length) {
        player.play(pattern);
        long from = scheduler.nanoTime();
        scheduler.advance(length);
        return out.timeline().between(from, scheduler.nanoTime());
    }

    @Test
    @DisplayName("steady on and off: one level, no transition and no pending wake-up")
    void steady() {
        player.play(LedPattern.ON);
        scheduler.advance(Duration.ofMinutes(1));
        assertTrue(out.timeline().between(Duration.ofNanos(1), Duration.ofMinutes(1)).isSteadyOn());
        assertEquals(List.of(new Transition(0, true)), out.transitions());
        assertEquals(0, scheduler.pendingTasks());
        player.play(LedPattern.OFF);
        scheduler.advance(Duration.ofMinutes(1));
        assertTrue(out.timeline().between(Duration.ofMinutes(1).plusNanos(1), Duration.ofMinutes(2)).isSteadyOff());
        assertEquals(2, out.transitions().size());
        assertEquals(0, scheduler.pendingTasks());
    }

    @Test
    @DisplayName("blink 1 Hz: on at 0, off at 500 ms, on at 1 s, exactly")
    void blinkOneHzExactEdges() {
        play(LedPattern.blink(1), Duration.ofMillis(2100));
        assertEquals(List.of(new Transition(0, true), new Transition(500_000_000L, false),
                new Transition(1_000_000_000L, true), new Transition(1_500_000_000L, false),
                new Transition(2_000_000_000L, true)), out.transitions());
    }

    @Test
    @DisplayName("blink 2 Hz: 20 flashes of 250 ms in 10 s")
    void blinkTwoHz() {
        LedRig.assertBlink(play(LedPattern.blink(2), Duration.ofSeconds(10)), 2);
    }

    @Test
    @DisplayName("N flashes per second: N flashes of 100 ms 100 ms apart, then dark until the second is over")
    void flashesPerSecond() {
        for (int n = 1; n <= 4; n++) {
            LedTimeline t = play(LedPattern.flashesPerSecond(n), Duration.ofSeconds(5));
            LedRig.assertGroups(t, n, Duration.ofMillis(100), Duration.ofSeconds(1));
            List<Pulse> p = t.pulses();
            if (n > 1) {
                assertEquals(200_000_000L, p.get(1).onNanos() - p.get(0).onNanos(), "flashes of a burst 200 ms apart");
            }
            assertEquals(Duration.ofMillis(1000 - 200L * n + 100), t.longestOffGap(), "pause after the burst");
            player.play(LedPattern.OFF);
            scheduler.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    @DisplayName("LED-5: RSSI groups: N flashes of 200 ms, 600 ms apart, one group per 10 s")
    void rssiGroups() {
        LedTimeline t = play(LedPattern.rssi(3, Duration.ofSeconds(10)), Duration.ofSeconds(60));
        LedRig.assertGroups(t, 3, Duration.ofMillis(200), Duration.ofSeconds(10));
        assertEquals(Duration.ofMillis(10_000 - 2 * 600 - 200), t.longestOffGap(), "dark from the third flash to the next group");
    }

    @Test
    @DisplayName("LED-5: RSSI period 15 s: 2 flashes every 15 s")
    void rssiFifteen() {
        LedRig.assertGroups(play(LedPattern.rssi(2, Duration.ofSeconds(15)), Duration.ofSeconds(45)), 2,
                Duration.ofMillis(200), Duration.ofSeconds(15));
        assertThrows(IllegalArgumentException.class, () -> LedPattern.rssi(2, Duration.ofSeconds(9)));
        assertThrows(IllegalArgumentException.class, () -> LedPattern.rssi(5, Duration.ofSeconds(10)));
    }

    @Test
    @DisplayName("LED-5: slow: lit 2 s, dark 250 ms, repeating")
    void slow() {
        LedTimeline t = play(LedPattern.slow(), Duration.ofMillis(2250 * 4));
        assertEquals(4, t.flashCount());
        assertEquals(Duration.ofSeconds(2), t.longestOnPulse());
        assertEquals(Duration.ofMillis(250), t.longestOffGap());
        assertEquals(Duration.ofSeconds(8), t.onTime());
    }

    @Test
    @DisplayName("LED-1: quick flash: 5 flashes of 100 ms per second")
    void quick() {
        LedRig.assertBlink(play(LedPattern.quickFlash(), Duration.ofSeconds(3)), 5);
    }

    @Test
    @DisplayName("LED-10: short flash with pause: a 100 ms flash every 2 s")
    void shortFlashWithPause() {
        LedTimeline t = play(LedPattern.shortFlashWithPause(), Duration.ofSeconds(10));
        LedRig.assertGroups(t, 1, Duration.ofMillis(100), Duration.ofSeconds(2));
        assertEquals(Duration.ofMillis(1900), t.longestOffGap());
    }

    @Test
    @DisplayName("a new pattern cancels the pending wake-up: always exactly one task pending")
    void changeCancels() {
        player.play(LedPattern.blink(1));
        scheduler.advance(Duration.ofMillis(300));
        assertEquals(1, scheduler.pendingTasks());
        player.play(LedPattern.quickFlash());
        assertEquals(1, scheduler.pendingTasks(), "the 1 Hz wake-up at 500 ms was cancelled");
        long changedAt = scheduler.nanoTime();
        scheduler.advance(Duration.ofSeconds(1));
        LedTimeline t = out.timeline().between(changedAt, scheduler.nanoTime());
        // The LED was lit at the change and the quick pattern starts lit: its first flash ends 100 ms later.
        assertEquals(new Transition(changedAt + 100_000_000L, false), t.transitions().get(0));
        assertEquals(5, t.pulses().size(), "the quick pattern starts afresh at the change");
        assertTrue(t.pulses().stream().allMatch(p -> p.duration().equals(Duration.ofMillis(100))));
        player.play(LedPattern.ON);
        assertEquals(0, scheduler.pendingTasks());
        assertTrue(out.isOn());
    }

    @Test
    @DisplayName("the same pattern again keeps its phase")
    void samePatternKeepsPhase() {
        player.play(LedPattern.blink(1));
        scheduler.advance(Duration.ofMillis(300));
        player.play(LedPattern.blink(1));
        scheduler.advance(Duration.ofMillis(300));
        assertFalse(out.isOn(), "went off at 500 ms as first planned, not at 800 ms");
        assertEquals(500_000_000L, out.transitions().get(1).nanos());
    }

    @Test
    @DisplayName("stop turns the LED off and leaves nothing pending")
    void stop() {
        player.play(LedPattern.blink(2));
        scheduler.advance(Duration.ofMillis(100));
        player.stop();
        assertFalse(out.isOn());
        assertEquals(0, scheduler.pendingTasks());
    }
}
