package io.metermodem.led;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.gpio.MockDigitalOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's cost: scheduler wake-ups per second per LED at steady state, counted on the virtual
 * scheduler over an hour of virtual time, must equal the transitions the pattern needs (no polling).
 * The table is written to {@code target/led-wakeups.md} for the README.
 */
class WakeUpCostTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    static java.util.stream.Stream<Arguments> patterns() {
        // pattern, the transitions per second it needs by its definition in the manual's words
        return java.util.stream.Stream.of(
                Arguments.of(LedPattern.OFF, 0.0),
                Arguments.of(LedPattern.ON, 0.0),
                Arguments.of(LedPattern.blink(1), 2.0),
                Arguments.of(LedPattern.blink(2), 4.0),
                Arguments.of(LedPattern.flashesPerSecond(2), 4.0),
                Arguments.of(LedPattern.flashesPerSecond(3), 6.0),
                Arguments.of(LedPattern.flashesPerSecond(4), 8.0),
                Arguments.of(LedPattern.rssi(1, Duration.ofSeconds(10)), 0.2),
                Arguments.of(LedPattern.rssi(4, Duration.ofSeconds(10)), 0.8),
                Arguments.of(LedPattern.rssi(4, Duration.ofSeconds(15)), 8 / 15.0),
                Arguments.of(LedPattern.slow(), 2 / 2.25),
                Arguments.of(LedPattern.quickFlash(), 10.0),
                Arguments.of(LedPattern.shortFlashWithPause(), 1.0));
    }

    @ParameterizedTest(name = "{0}: wake-ups per second = transitions per second = {1}")
    @MethodSource("patterns")
    @DisplayName("engine cost: one scheduler wake-up per LED transition, none while steady")
    void oneWakeUpPerTransition(LedPattern pattern, double transitionsPerSecond) {
        VirtualScheduler scheduler = new VirtualScheduler();
        MockDigitalOutput out = new MockDigitalOutput("LED", scheduler);
        LedPlayer player = new LedPlayer(out, scheduler);
        player.play(pattern);
        scheduler.advance(Duration.ofMinutes(1)); // past the start: steady state
        long transitionsBefore = out.totalTransitions();

        long wakeUps = scheduler.advance(HOUR); // every task the scheduler ran in the hour
        long transitions = out.totalTransitions() - transitionsBefore;

        assertEquals(transitions, wakeUps, "wake-ups equal transitions");
        double perSecond = wakeUps / (double) HOUR.toSeconds();
        assertEquals(transitionsPerSecond, perSecond, 1e-9, "wake-ups per second");
        assertEquals(pattern.wakeUpsPerSecond(), perSecond, 1e-9);
        assertEquals(pattern.isSteady() ? 0 : 1, scheduler.pendingTasks(), "one pending wake-up at most");
        TABLE.put(pattern.name(), String.format(Locale.ROOT, "| %s | %d | %s | %d | %.3f |", pattern.name(),
                pattern.transitionsPerCycle(), pattern.isSteady() ? "-" : pattern.cycle().toMillis() + " ms",
                wakeUps, perSecond));
    }

    @org.junit.jupiter.api.Test
    @DisplayName("engine cost: three factory LEDs of a working modem wake the scheduler only for their transitions")
    void wholeController() {
        LedRig rig = new LedRig().pastStartup();
        rig.leds.cellularStatus(Cells.registered(AccessTechnology.LTE, -90, true));
        rig.leds.ipForwarding(false);
        rig.leds.iecPolling(IecPollingState.ANSWERING);
        rig.advance(Duration.ofMinutes(1));
        long before = rig.outputs.values().stream().mapToLong(MockDigitalOutput::totalTransitions).sum();
        long wakeUps = rig.scheduler.advance(HOUR);
        long transitions = rig.outputs.values().stream().mapToLong(MockDigitalOutput::totalTransitions).sum() - before;
        assertEquals(transitions, wakeUps);
        // LED1 2 Hz (4/s), LED2 RSSI 3 per 10 s (0.6/s), LED3 steady (0/s).
        assertEquals(Math.round(3600 * (4 + 0.6)), wakeUps);
        assertEquals(0, rig.out(Led.LED3).timeline().between(Duration.ofMinutes(2), rig.scheduler.elapsed())
                .transitions().size());
        TABLE.put("controller", String.format(Locale.ROOT,
                "| factory LEDs, 4G with IP, RSSI 3, meter answering (all three LEDs) | - | - | %d | %.3f |",
                wakeUps, wakeUps / 3600.0));
    }

    @AfterAll
    static void writeTable() throws IOException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        StringBuilder md = new StringBuilder("| pattern | transitions per cycle | cycle | wake-ups in 1 h | wake-ups per second |\n"
                + "|---|---|---|---|---|\n");
        TABLE.values().forEach(line -> md.append(line).append('\n'));
        Files.writeString(target.resolve("led-wakeups.md"), md);
    }
}
