package io.metermodem.hal.mock.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HAL-4: a digital output records its level changes in virtual time, and its timeline answers
 * levels, flashes, pulses and rhythms over any window of the recorded past, bounded in memory.
 */
class MockDigitalOutputTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final MockDigitalOutput led = new MockDigitalOutput("LED3", scheduler);

    /** Flashes the LED: on for {@code onMillis} every {@code periodMillis}, starting now. */
    private void flash(long periodMillis, long onMillis) {
        scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(periodMillis), () -> {
            led.on();
            scheduler.schedule(Duration.ofMillis(onMillis), led::off);
        });
    }

    @Test
    @DisplayName("HAL-4: LED output records a 1 Hz flash as 10 pulses in 10 s")
    void oneHertzFlash() {
        flash(1000, 500);

        scheduler.advance(Duration.ofSeconds(10));

        LedTimeline window = led.timeline().between(Duration.ZERO, Duration.ofSeconds(10));
        assertEquals(10, window.flashCount());
        assertEquals(1.0, window.frequencyHz(), 1e-9);
        assertEquals(Duration.ofSeconds(5), window.onTime());
        assertEquals(Duration.ofMillis(500), window.longestOnPulse());
        assertEquals(0.5, window.dutyCycle(), 1e-9);
        assertEquals(10, led.flashesBetween(Duration.ZERO, Duration.ofSeconds(10)));
    }

    @Test
    @DisplayName("HAL-4: a window reaching past now is refused with what to do; once time has passed it counts")
    void windowPastNow() {
        flash(1000, 500);
        scheduler.advance(Duration.ofMillis(167));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> led.timeline().between(Duration.ZERO, Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("after the end of this timeline at PT0.167S")
                && e.getMessage().contains("advance virtual time to at least PT10S"), e.getMessage());

        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(10, led.timeline().between(Duration.ZERO, Duration.ofSeconds(10)).flashCount());
    }

    @Test
    @DisplayName("HAL-4: a time before the recorded window is refused as such")
    void timeBeforeWindow() {
        scheduler.advance(Duration.ofSeconds(5));
        MockDigitalOutput late = new MockDigitalOutput("LED1", scheduler);
        scheduler.advance(Duration.ofSeconds(5));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> late.timeline().between(Duration.ZERO, Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("before the start of this timeline at PT5S"), e.getMessage());
        assertFalse(late.isOnAt(Duration.ofSeconds(5)));
    }

    @Test
    @DisplayName("HAL-4: the level at any past instant is answered exactly, edges included")
    void levelAtInstant() {
        flash(1000, 500);
        scheduler.advance(Duration.ofSeconds(3));

        assertTrue(led.isOnAt(Duration.ZERO));
        assertTrue(led.isOnAt(Duration.ofMillis(499)));
        assertFalse(led.isOnAt(Duration.ofMillis(500)));
        assertTrue(led.isOnAt(Duration.ofMillis(2000)));
        assertFalse(led.isOnAt(Duration.ofMillis(2999)));
        assertThrows(IllegalArgumentException.class, () -> led.isOnAt(Duration.ofSeconds(4)));
    }

    @Test
    @DisplayName("HAL-4: a 2 Hz rhythm reads as 2 Hz in any whole-second window and windows add up")
    void twoHertzAndAdditiveWindows() {
        flash(500, 100);
        scheduler.advance(Duration.ofSeconds(20));

        LedTimeline all = led.timeline();
        assertEquals(2.0, led.frequencyHz(Duration.ofSeconds(10), Duration.ofSeconds(20)), 1e-9);
        assertEquals(20, all.between(Duration.ofSeconds(10), Duration.ofSeconds(20)).flashCount());
        int first = all.between(Duration.ZERO, Duration.ofMillis(7300)).flashCount();
        int second = all.between(Duration.ofMillis(7300), Duration.ofSeconds(20)).flashCount();
        assertEquals(40, first + second);
        assertEquals(Duration.ofMillis(400), led.onTimeBetween(Duration.ZERO, Duration.ofSeconds(2)));
    }

    @Test
    @DisplayName("HAL-4: pulses are listed with their durations, clipped to the window")
    void pulsesClipped() {
        scheduler.advance(Duration.ofSeconds(1));
        led.on();
        scheduler.advance(Duration.ofSeconds(2));
        led.off();
        scheduler.advance(Duration.ofSeconds(1));
        led.on();
        scheduler.advance(Duration.ofMillis(250));

        assertEquals(List.of(new Pulse(1_000_000_000L, 3_000_000_000L), new Pulse(4_000_000_000L, 4_250_000_000L)),
                led.pulses());
        List<Pulse> clipped = led.timeline().between(Duration.ofSeconds(2), Duration.ofMillis(4100)).pulses();
        assertEquals(List.of(new Pulse(2_000_000_000L, 3_000_000_000L), new Pulse(4_000_000_000L, 4_100_000_000L)),
                clipped);
        assertEquals(Duration.ofSeconds(2), led.longestOnPulse());
        assertEquals(1, led.timeline().between(Duration.ofSeconds(2), Duration.ofMillis(4100)).flashCount());
    }

    @Test
    @DisplayName("HAL-4: setting the level the output already has records nothing; toggle inverts")
    void onlyRealChangesRecorded() {
        led.off();
        led.on();
        led.on();
        scheduler.advance(Duration.ofMillis(5));
        led.toggle();

        assertEquals(List.of(new Transition(0, true), new Transition(5_000_000L, false)), led.transitions());
        assertEquals(2, led.totalTransitions());
        assertFalse(led.isOn());
    }

    @Test
    @DisplayName("HAL-4: steady on and steady off are recognised")
    void steady() {
        scheduler.advance(Duration.ofSeconds(1));
        led.on();
        scheduler.advance(Duration.ofSeconds(10));

        assertTrue(led.timeline().between(Duration.ofSeconds(2), Duration.ofSeconds(11)).isSteadyOn());
        assertTrue(led.timeline().between(Duration.ZERO, Duration.ofMillis(999)).isSteadyOff());
        assertFalse(led.timeline().isSteadyOn());
    }

    @Test
    @DisplayName("HAL-4: the recording is bounded; the oldest changes are dropped and counted")
    void boundedRecording() {
        MockDigitalOutput small = new MockDigitalOutput("LED1", scheduler, 100);
        scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), small::toggle);

        scheduler.advance(Duration.ofMillis(1995)); // 200 changes at 0, 10, ..., 1990 ms

        assertEquals(200, small.totalTransitions());
        assertEquals(100, small.droppedTransitions());
        LedTimeline kept = small.timeline();
        assertEquals(100, kept.transitions().size());
        assertEquals(Duration.ofMillis(990).toNanos() + 1, kept.startNanos());
        assertTrue(kept.isOnAt(Duration.ofMillis(1000)));    // the 101st change (at 1000 ms) switches on
        assertFalse(kept.isOnAt(Duration.ofMillis(995)));
        assertThrows(IllegalArgumentException.class, () -> kept.isOnAt(Duration.ofMillis(500)));
        assertEquals(50, kept.between(Duration.ofMillis(1000), Duration.ofMillis(1995)).flashCount());
    }

    @Test
    @DisplayName("HAL-4: an output that never changed allocates no recording; clearHistory restarts the window")
    void lazyAndClear() {
        assertEquals(0, led.timeline().transitions().size());
        led.on();
        scheduler.advance(Duration.ofSeconds(1));

        led.clearHistory();
        scheduler.advance(Duration.ofSeconds(1));

        LedTimeline timeline = led.timeline();
        assertEquals(Duration.ofSeconds(1).toNanos(), timeline.startNanos());
        assertTrue(timeline.isSteadyOn());
        assertThrows(IllegalArgumentException.class, () -> new MockDigitalOutput("X", scheduler, 1));
        assertThrows(IllegalArgumentException.class, () -> new MockDigitalOutput(" ", scheduler));
    }
}
