package io.metermodem.led;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.gpio.LedTimeline;
import io.metermodem.hal.mock.gpio.MockDigitalOutput;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * The pattern engine behind LED-1..LED-10 under any sequence of pattern changes at any times: the
 * LED always follows the last pattern from the moment it started, and the player never keeps more
 * than one wake-up pending (none for a steady pattern).
 */
class LedPlayerProperties {

    /** Every rhythm the LED functions use. */
    private static final List<LedPattern> PATTERNS = List.of(LedPattern.OFF, LedPattern.ON, LedPattern.blink(1),
            LedPattern.blink(2), LedPattern.flashesPerSecond(2), LedPattern.flashesPerSecond(3),
            LedPattern.flashesPerSecond(4), LedPattern.rssi(1, Duration.ofSeconds(10)),
            LedPattern.rssi(3, Duration.ofSeconds(12)), LedPattern.slow(), LedPattern.quickFlash(),
            LedPattern.shortFlashWithPause());

    /** Play a pattern, then let some time pass. */
    record Step(LedPattern pattern, long afterMillis) {
    }

    @Property(tries = 200)
    @DisplayName("LED-1..LED-10 engine: after any pattern changes the LED follows the last pattern from its start, with at most one wake-up pending")
    void followsLastPattern(Gen gen) {
        List<Step> script = gen.listOf(1, 12, () -> new Step(gen.oneOf(PATTERNS), gen.longBetween(0, 25_000)));
        VirtualScheduler scheduler = new VirtualScheduler();
        MockDigitalOutput out = new MockDigitalOutput("LED", scheduler);
        LedPlayer player = new LedPlayer(out, scheduler);
        LedPattern current = null;
        long startedAt = 0;
        for (Step step : script) {
            if (!step.pattern().equals(current)) {
                current = step.pattern();
                startedAt = scheduler.nanoTime();
            }
            player.play(step.pattern());
            assertTrue(scheduler.pendingTasks() <= 1, () -> "wake-ups pending after " + step + " in " + script);
            scheduler.advance(Duration.ofMillis(step.afterMillis()));
        }
        long now = scheduler.nanoTime();
        // Sample the last pattern's stretch every 50 ms (all segment lengths are multiples of 50 ms)
        // plus 1 ms, away from the edges.
        LedTimeline t = out.timeline();
        for (long s = startedAt + 1_000_000; s < now; s += 50_000_000) {
            assertEquals(current.levelAt(s - startedAt), t.isOnAt(s), "level at " + s + " ns in " + script);
        }
        assertEquals(current.isSteady() ? 0 : 1, scheduler.pendingTasks(), script::toString);
        assertEquals(current, player.pattern());
    }
}
