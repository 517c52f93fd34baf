package io.metermodem.led;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.gpio.LedTimeline;
import io.metermodem.hal.mock.gpio.MockDigitalOutput;
import io.metermodem.hal.mock.gpio.Pulse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Three recorded LEDs and a controller on one virtual scheduler, with rhythm assertions. */
final class LedRig {

    final VirtualScheduler scheduler = new VirtualScheduler();
    final Map<Led, MockDigitalOutput> outputs = new EnumMap<>(Led.class);
    final LedController leds;

    LedRig() {
        this(LedAssignment.FACTORY);
    }

    LedRig(LedAssignment assignment) {
        for (Led led : Led.values()) {
            outputs.put(led, new MockDigitalOutput(led.name(), scheduler));
        }
        leds = new LedController(scheduler, outputs, assignment, new LedSignals());
    }

    MockDigitalOutput out(Led led) {
        return outputs.get(led);
    }

    /** Lets the 15 s start-up signal of LED3 pass. */
    LedRig pastStartup() {
        advance(LedSignals.STARTUP_SIGNAL);
        return this;
    }

    void advance(Duration d) {
        scheduler.advance(d);
    }

    /** Advances by {@code length} and returns what {@code led} did in that window. */
    LedTimeline record(Led led, Duration length) {
        long from = scheduler.nanoTime();
        scheduler.advance(length);
        return out(led).timeline().between(from, scheduler.nanoTime());
    }

    /** Records all LEDs over the same window. */
    Map<Led, LedTimeline> recordAll(Duration length) {
        long from = scheduler.nanoTime();
        scheduler.advance(length);
        Map<Led, LedTimeline> map = new EnumMap<>(Led.class);
        for (Led led : Led.values()) {
            map.put(led, out(led).timeline().between(from, scheduler.nanoTime()));
        }
        return map;
    }

    /**
     * Asserts the LED kept one level over the window; a change exactly at the window start (the
     * moment the new state began) is allowed.
     */
    static void assertSteady(LedTimeline t, boolean on) {
        assertTrue(t.transitions().stream().allMatch(x -> x.nanos() == t.startNanos()),
                "no change after the start of " + t + ": " + t.transitions());
        assertEquals(on, t.isOnAtEnd(), "level of " + t);
    }

    /**
     * Asserts a square wave: {@code hz} flashes per second over the window, each lit for half a
     * period and dark for the other half.
     */
    static void assertBlink(LedTimeline t, int hz) {
        long seconds = t.length().toSeconds();
        assertEquals(hz * seconds, t.flashCount(), "flashes in " + t);
        Duration half = Duration.ofMillis(500 / hz);
        for (Pulse p : t.pulses()) {
            if (p.onNanos() > t.startNanos() && p.offNanos() < t.endNanos()) {
                assertEquals(half, p.duration(), "lit time of each flash");
            }
        }
        assertEquals(half, t.longestOffGap(), "dark time between flashes");
    }

    /** Asserts groups of {@code n} flashes of {@code on} each, one group per {@code period}. */
    static void assertGroups(LedTimeline t, int n, Duration on, Duration period) {
        long groups = t.length().toNanos() / period.toNanos();
        assertEquals(n * groups, t.flashCount(), "flashes in " + t);
        List<Pulse> pulses = t.pulses();
        for (Pulse p : pulses) {
            if (p.onNanos() > t.startNanos() && p.offNanos() < t.endNanos()) {
                assertEquals(on, p.duration(), "lit time of each flash");
            }
        }
        // The group repeats exactly once per period: flash k of a group and flash k of the next one.
        for (int i = n; i < pulses.size(); i++) {
            if (pulses.get(i - n).onNanos() > t.startNanos()) {
                assertEquals(period.toNanos(), pulses.get(i).onNanos() - pulses.get(i - n).onNanos(), "period");
            }
        }
        assertTrue(pulses.size() >= n, "at least one whole group in " + t);
    }
}
