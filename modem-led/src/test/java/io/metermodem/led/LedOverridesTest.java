package io.metermodem.led;

import static io.metermodem.led.LedRig.assertBlink;
import static io.metermodem.led.LedRig.assertSteady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ChangeResult;
import io.metermodem.config.Configuration;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.Transaction;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.cellular.SimState;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.gpio.LedTimeline;
import io.metermodem.hal.mock.gpio.MockDigitalOutput;
import io.metermodem.hal.mock.gpio.SupercapSettings;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The manual's overrides: charging, start-up, firmware install; and the assignment from the configuration. */
class LedOverridesTest {

    private static final SupercapSettings THREE_MINUTES = new SupercapSettings(Duration.ofMinutes(3),
            Duration.ofMinutes(2), 0.9);
    /** 90 % of a 3-minute charge. */
    private static final Duration CHARGED_AFTER = Duration.ofSeconds(162);

    private static Map<Led, LedTimeline> window(MockBoard board, Duration from, Duration to) {
        Map<Led, LedTimeline> map = new EnumMap<>(Led.class);
        for (Led led : Led.values()) {
            map.put(led, board.led(led).timeline().between(from, to));
        }
        return map;
    }

    @Test
    @DisplayName("LED-1: charging: only LED3 flashes quickly; then all blank, LED3 quick again, then LED3 slow with the others normal")
    void charging() {
        try (MockBoard board = MockBoard.builder().supercap(THREE_MINUTES, 0.0).build()) {
            LedController leds = LedController.forBoard(board, LedAssignment.FACTORY);
            leds.attach(board.cellularModule(), board.supercapCharged());
            board.network().networkAvailable(AccessTechnology.LTE, "Operator");
            board.network().loseNetwork(); // searching: LED1 would blink at 1 Hz if it were allowed to
            board.advance(CHARGED_AFTER.minusSeconds(2));

            Map<Led, LedTimeline> charging = window(board, Duration.ofSeconds(1), CHARGED_AFTER.minusSeconds(2));
            assertEquals(5 * 159, charging.get(Led.LED3).flashCount(), "5 quick flashes per second");
            assertEquals(Duration.ofMillis(100), charging.get(Led.LED3).longestOnPulse());
            assertTrue(charging.get(Led.LED1).isSteadyOff() && charging.get(Led.LED2).isSteadyOff(),
                    "only LED3 is active while charging");

            board.advance(Duration.ofSeconds(60));
            Duration blankFrom = CHARGED_AFTER.plusNanos(1);
            Duration quickFrom = CHARGED_AFTER.plus(LedSignals.RESTART_BLANK);
            Duration slowFrom = quickFrom.plus(LedSignals.STARTUP_SIGNAL);
            Duration normalFrom = slowFrom.plus(LedSignals.CHARGED_SIGNAL);
            window(board, blankFrom, quickFrom.minusNanos(1)).values().forEach(t -> assertTrue(t.isSteadyOff(), "blank: " + t));
            Map<Led, LedTimeline> quick = window(board, quickFrom, slowFrom);
            assertEquals(75, quick.get(Led.LED3).flashCount(), "LED3 quick again for 15 s");
            assertBlink(quick.get(Led.LED1), 1); // searching
            LedTimeline slow = window(board, slowFrom, normalFrom).get(Led.LED3);
            assertEquals(4, slow.flashCount());
            assertEquals(Duration.ofSeconds(2), slow.longestOnPulse());
            assertEquals(Duration.ofMillis(250), slow.longestOffGap());
            assertSteady(window(board, normalFrom, normalFrom.plusSeconds(10)).get(Led.LED3), false); // E-meter idle
        }
    }

    @Test
    @DisplayName("PWR-3: after the supercapacitor ran empty, charging shows again and the LEDs come back by themselves")
    void afterExhaustion() {
        try (MockBoard board = MockBoard.builder().supercap(THREE_MINUTES, 1.0).build()) {
            LedController leds = LedController.forBoard(board, LedAssignment.FACTORY);
            leds.attach(board.cellularModule(), board.supercapCharged(), board.powerFail());
            board.advance(Duration.ofSeconds(20));
            board.powerSupply().cutPower();
            board.advance(Duration.ofSeconds(90));
            // Running on the supercapacitor below its charged level is not charging: LEDs stay normal.
            Map<Led, LedTimeline> holdUp = window(board, Duration.ofSeconds(50), Duration.ofSeconds(110));
            assertSteady(holdUp.get(Led.LED2), true); // SIM ready, no network
            assertSteady(holdUp.get(Led.LED3), false); // E-meter idle, no quick flashing
            board.advance(Duration.ofSeconds(90));
            assertTrue(!board.powerSupply().isAlive(), "the supercapacitor ran empty");
            board.powerSupply().restorePower();
            Duration restored = board.elapsed();
            board.advance(Duration.ofSeconds(30));
            Map<Led, LedTimeline> charging = window(board, restored.plusSeconds(10), restored.plusSeconds(30));
            assertEquals(100, charging.get(Led.LED3).flashCount(), "LED3 quick while charging again");
            assertTrue(charging.get(Led.LED1).isSteadyOff() && charging.get(Led.LED2).isSteadyOff());
            board.advance(CHARGED_AFTER.plus(LedSignals.RESTART_BLANK).plus(LedSignals.STARTUP_SIGNAL)
                    .plus(LedSignals.CHARGED_SIGNAL));
            Duration now = board.elapsed();
            Map<Led, LedTimeline> normal = window(board, now.minusSeconds(10), now);
            assertSteady(normal.get(Led.LED3), false); // E-meter idle
            assertTrue(normal.get(Led.LED2).flashCount() > 0 || normal.get(Led.LED2).isOnAtEnd(), "SIM LED back");
        }
    }

    @Test
    @DisplayName("LED-11: all LEDs dark after a firmware install, whatever the status")
    void afterInstall() {
        LedRig rig = new LedRig().pastStartup();
        rig.leds.cellularStatus(Cells.registered(AccessTechnology.LTE, -70, true));
        rig.leds.ipForwarding(true);
        rig.advance(Duration.ofSeconds(5));
        rig.leds.firmwareInstalled();
        rig.leds.iecPolling(IecPollingState.ANSWERING);
        Map<Led, LedTimeline> after = rig.recordAll(Duration.ofMinutes(1));
        after.values().forEach(t -> assertSteady(t, false));
        assertEquals(0, rig.scheduler.pendingTasks(), "nothing left to wake up");
    }

    @Test
    @DisplayName("LED-11: at the restart after an install LED3 flashes quickly green for 15 s, the others work normally")
    void restartAfterInstall() {
        LedRig rig = new LedRig();
        rig.leds.cellularStatus(Cells.of(SimState.READY, RegistrationState.SEARCHING));
        Map<Led, LedTimeline> start = rig.recordAll(LedSignals.STARTUP_SIGNAL);
        assertBlink(start.get(Led.LED3), 5);
        assertBlink(start.get(Led.LED1), 1);
        assertSteady(rig.record(Led.LED3, Duration.ofSeconds(10)), false);
    }

    @Test
    @DisplayName("PWR-4: restart after a parameter write: LED3 quick green for exactly 15 s (75 flashes), then its function")
    void restartAfterParameterWrite() {
        LedRig rig = new LedRig();
        rig.leds.multiUtility(true);
        rig.advance(Duration.ofSeconds(30));
        LedTimeline led3 = rig.out(Led.LED3).timeline();
        assertEquals(75, led3.between(Duration.ZERO, LedSignals.STARTUP_SIGNAL).flashCount());
        assertEquals(Duration.ofMillis(100), led3.between(Duration.ZERO, LedSignals.STARTUP_SIGNAL).longestOnPulse());
        assertTrue(led3.between(LedSignals.STARTUP_SIGNAL.minusMillis(100).plusNanos(1), LedSignals.STARTUP_SIGNAL.minusNanos(1)).isSteadyOff());
        assertTrue(led3.between(Duration.ofSeconds(15).plusNanos(1), Duration.ofSeconds(30)).isSteadyOn(),
                "multi-utility: on");
        assertEquals(1, rig.leds.redecisions(), "one timed wake-up: the end of the start-up signal");
    }

    @Test
    @DisplayName("LED-2: the factory configuration gives LED3 E-meter, LED1 GSM/GPRS, LED2 SIM")
    void factoryAssignment() {
        Configuration defaults = ParameterRegistry.wmE2s().defaults();
        assertEquals(LedAssignment.FACTORY, LedAssignment.from(defaults));
        assertEquals(new LedAssignment(LedFunction.GSM_GPRS, LedFunction.SIM, LedFunction.E_METER), LedAssignment.FACTORY);
        LedRig rig = new LedRig(LedAssignment.from(defaults)).pastStartup();
        rig.leds.cellularStatus(Cells.of(SimState.ABSENT, RegistrationState.NOT_REGISTERED));
        rig.leds.ipForwarding(true);
        Map<Led, LedTimeline> t = rig.recordAll(Duration.ofSeconds(10));
        assertSteady(t.get(Led.LED1), true); // GSM/GPRS: IP data forwarding
        assertBlink(t.get(Led.LED2), 1); // SIM: no SIM
        assertBlink(t.get(Led.LED3), 2); // E-meter: transparent session
    }

    @Test
    @DisplayName("LED-6: the Standard Meter Interface parameters led.led1..3 assign the functions")
    void assignmentFromConfiguration() {
        Configuration defaults = ParameterRegistry.wmE2s().defaults();
        ChangeResult result = Transaction.builder().set("led.led1", "amm").set("led.led2", "not_used")
                .set("led.led3", "meter_iec").build().validate(defaults);
        Configuration changed = ((ChangeResult.Accepted) result).next();
        LedAssignment assignment = LedAssignment.from(changed);
        assertEquals(new LedAssignment(LedFunction.AMM_CLIENT, LedFunction.NOT_USED, LedFunction.METER_IEC_POLLING),
                assignment);
        LedRig rig = new LedRig().pastStartup();
        rig.leds.assignment(assignment);
        rig.leds.ammClient(AmmClientState.LOGIN);
        rig.leds.iecPolling(IecPollingState.STARTING);
        rig.leds.cellularStatus(Cells.of(SimState.ABSENT, RegistrationState.NOT_REGISTERED));
        Map<Led, LedTimeline> t = rig.recordAll(Duration.ofSeconds(10));
        assertBlink(t.get(Led.LED1), 1);
        assertSteady(t.get(Led.LED2), false);
        assertBlink(t.get(Led.LED3), 1);
    }

    @Test
    @DisplayName("LED-6: every configuration word names a function, and back")
    void configWords() {
        for (LedFunction f : LedFunction.values()) {
            assertEquals(f, LedFunction.fromConfigWord(f.configWord()));
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LedFunction.fromConfigWord("disco"));
    }

    @Test
    @DisplayName("a closed controller leaves all LEDs dark and nothing pending")
    void close() {
        LedRig rig = new LedRig();
        rig.leds.ipForwarding(true);
        rig.leds.close();
        rig.leds.ammClient(AmmClientState.CONNECTED);
        for (MockDigitalOutput out : rig.outputs.values()) {
            assertTrue(!out.isOn());
        }
        assertEquals(0, rig.scheduler.pendingTasks());
    }
}
