package io.metermodem.led;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.gpio.LedTimeline;
import io.metermodem.hal.mock.gpio.MockDigitalOutput;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The engine under any sequence of pattern changes at any times. */
class LedPlayerProperties {

    record Step(LedPattern pattern, long afterMillis) {
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<LedPattern> patterns = Arbitraries.of(LedPattern.OFF, LedPattern.ON, LedPattern.blink(1),
                LedPattern.blink(2), LedPattern.flashesPerSecond(2), LedPattern.flashesPerSecond(3),
                LedPattern.flashesPerSecond(4), LedPattern.rssi(1, Duration.ofSeconds(10)),
                LedPattern.rssi(3, Duration.ofSeconds(12)), LedPattern.slow(), LedPattern.quickFlash(),
                LedPattern.shortFlashWithPause());
        return Combinators.combine(patterns, Arbitraries.longs().between(0, 25_000)).as(Step::new);
    }

    @Property(tries = 200)
    @Label("LED-1..LED-10 engine: after any pattern changes the LED follows the last pattern from its start, with at most one wake-up pending")
    boolean followsLastPattern(@ForAll @Size(min = 1, max = 12) List<@net.jqwik.api.From("steps") Step> script) {
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
            if (scheduler.pendingTasks() > 1) {
                return false;
            }
            scheduler.advance(Duration.ofMillis(step.afterMillis()));
        }
        long now = scheduler.nanoTime();
        // Sample the last pattern's stretch every 50 ms (all segment lengths are multiples of 50 ms)
        // plus 1 ms, away from the edges.
        LedTimeline t = out.timeline();
        for (long s = startedAt + 1_000_000; s < now; s += 50_000_000) {
            if (t.isOnAt(s) != current.levelAt(s - startedAt)) {
                return false;
            }
        }
        return scheduler.pendingTasks() == (current.isSteady() ? 0 : 1);
    }
}
