package io.metermodem.led;

import static io.metermodem.led.LedRig.assertBlink;
import static io.metermodem.led.LedRig.assertGroups;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.cellular.SimState;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.gpio.LedTimeline;
import io.metermodem.hal.mock.gpio.Transition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each LED function of LED-6 on the factory assignment (LED1 GSM, LED2 SIM, LED3 E-meter), in virtual time. */
class LedFunctionsTest {

    private static final Duration TEN_S = Duration.ofSeconds(10);
    private static final Duration FLASH = Duration.ofMillis(100);

    private final LedRig rig = new LedRig().pastStartup();

    @Nested
    class GsmGprs {

        @Test
        @DisplayName("LED-4: 1 Hz while searching for a network")
        void searching() {
            rig.leds.cellularStatus(Cells.of(SimState.READY, RegistrationState.SEARCHING));
            assertBlink(rig.record(Led.LED1, TEN_S), 1);
        }

        @Test
        @DisplayName("LED-4: off when no network is available or registration is denied")
        void noNetwork() {
            rig.leds.cellularStatus(Cells.of(SimState.READY, RegistrationState.SEARCHING));
            rig.advance(TEN_S);
            rig.leds.cellularStatus(Cells.of(SimState.READY, RegistrationState.NOT_REGISTERED));
            LedRig.assertSteady(rig.record(Led.LED1, TEN_S), false);
            rig.leds.cellularStatus(Cells.of(SimState.READY, RegistrationState.DENIED));
            LedRig.assertSteady(rig.record(Led.LED1, TEN_S), false);
        }

        @Test
        @DisplayName("LED-4: registered on 4G: 4 flashes per second for 10 s, then on while the IP connection is not up")
        void changeToFourG() {
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.LTE, -80, false));
            assertGroups(rig.record(Led.LED1, TEN_S), 4, FLASH, Duration.ofSeconds(1));
            LedRig.assertSteady(rig.record(Led.LED1, TEN_S), true);
        }

        @Test
        @DisplayName("LED-4: 2 Hz when connected with an IP connection")
        void ipConnection() {
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.LTE, -80, true));
            rig.advance(LedSignals.TECHNOLOGY_SIGNAL);
            assertBlink(rig.record(Led.LED1, TEN_S), 2);
        }

        @Test
        @DisplayName("LED-4: a change to 2G gives 2 flashes per second, to 3G 3 flashes per second")
        void changeToTwoGAndThreeG() {
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.LTE, -80, true));
            rig.advance(Duration.ofSeconds(30));
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.GSM, -80, true));
            assertGroups(rig.record(Led.LED1, TEN_S), 2, FLASH, Duration.ofSeconds(1));
            assertBlink(rig.record(Led.LED1, TEN_S), 2);
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.UMTS, -80, true));
            assertGroups(rig.record(Led.LED1, TEN_S), 3, FLASH, Duration.ofSeconds(1));
        }

        @Test
        @DisplayName("LED-4: steady during IP data forwarding, back to 2 Hz after it")
        void ipForwarding() {
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.LTE, -80, true));
            rig.advance(LedSignals.TECHNOLOGY_SIGNAL);
            rig.leds.ipForwarding(true);
            LedRig.assertSteady(rig.record(Led.LED1, TEN_S), true);
            rig.leds.ipForwarding(false);
            rig.advance(Duration.ofMillis(100));
            assertBlink(rig.record(Led.LED1, TEN_S), 2);
        }
    }

    @Nested
    class SimStatus {

        @Test
        @DisplayName("LED-5: steady while the SIM is fine and the modem is not on a network")
        void simOkNoNetwork() {
            rig.leds.cellularStatus(Cells.of(SimState.READY, RegistrationState.SEARCHING));
            LedRig.assertSteady(rig.record(Led.LED2, TEN_S), true);
        }

        @Test
        @DisplayName("LED-5: 1 Hz without SIM, with a wrong PIN and with a PUK-locked SIM")
        void noSimWrongPin() {
            for (SimState sim : List.of(SimState.ABSENT, SimState.PIN_REQUIRED, SimState.PUK_REQUIRED)) {
                rig.leds.cellularStatus(Cells.of(sim, RegistrationState.NOT_REGISTERED));
                assertBlink(rig.record(Led.LED2, TEN_S), 1);
            }
        }

        @Test
        @DisplayName("LED-5: slow (2 s on, short blank) on an invalid RSSI")
        void invalidRssi() {
            rig.leds.cellularStatus(Cells.registeredWithoutRssi(AccessTechnology.LTE));
            LedTimeline t = rig.record(Led.LED2, Duration.ofMillis(2250 * 4));
            assertEquals(4, t.flashCount());
            assertEquals(Duration.ofSeconds(2), t.longestOnPulse());
            assertEquals(Duration.ofMillis(250), t.longestOffGap());
        }

        @Test
        @DisplayName("LED-5: slow on an AT time-out, until the module answers again")
        void atTimeout() {
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.LTE, -90, true));
            rig.advance(TEN_S);
            rig.leds.moduleTimedOut();
            LedTimeline t = rig.record(Led.LED2, Duration.ofMillis(2250 * 2));
            assertEquals(2, t.flashCount());
            assertEquals(Duration.ofSeconds(2), t.longestOnPulse());
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.LTE, -90, true));
            assertGroups(rig.record(Led.LED2, Duration.ofSeconds(30)), 3, Duration.ofMillis(200), TEN_S);
        }

        @Test
        @DisplayName("LED-5: 4G RSSI -90 dBm gives 3 flashes every 10 s (from the mock cellular network)")
        void rssiFromModule() {
            try (MockBoard board = MockBoard.builder().build()) {
                LedController leds = LedController.forBoard(board, LedAssignment.FACTORY);
                leds.attach(board.cellularModule(), board.supercapCharged());
                board.network().registerOn(AccessTechnology.LTE, "Operator").rssi(-90);
                board.advance(Duration.ofSeconds(1));
                long from = board.scheduler().nanoTime();
                board.advance(Duration.ofSeconds(60));
                LedTimeline t = board.led(Led.LED2).timeline().between(from, board.scheduler().nanoTime());
                assertGroups(t, 3, Duration.ofMillis(200), TEN_S);
            }
        }

        @Test
        @DisplayName("LED-5: 1, 2, 3, 4 flashes per 10 s at -125, -110, -90, -70 dBm on 4G")
        void flashCounts() {
            int[] dbm = {-125, -110, -90, -70};
            for (int n = 1; n <= 4; n++) {
                rig.leds.cellularStatus(Cells.registered(AccessTechnology.LTE, dbm[n - 1], false));
                assertGroups(rig.record(Led.LED2, Duration.ofSeconds(30)), n, Duration.ofMillis(200), TEN_S);
            }
        }

        @Test
        @DisplayName("LED-5: 2G -95 dBm gives 2 flashes, Cat-M1 -120 dBm 2, NB-IoT -84 dBm 3 (the gap value)")
        void perTechnology() {
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.GSM, -95, false));
            assertGroups(rig.record(Led.LED2, Duration.ofSeconds(20)), 2, Duration.ofMillis(200), TEN_S);
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.LTE_CAT_M1, -120, false));
            assertGroups(rig.record(Led.LED2, Duration.ofSeconds(20)), 2, Duration.ofMillis(200), TEN_S);
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.NB_IOT, -84, false));
            assertGroups(rig.record(Led.LED2, Duration.ofSeconds(20)), 3, Duration.ofMillis(200), TEN_S);
        }
    }

    @Nested
    class EMeter {

        @Test
        @DisplayName("LED-3: 2 Hz during a transparent TCP session, off when it ends")
        void transparentSession() {
            rig.leds.ipForwarding(true);
            assertBlink(rig.record(Led.LED3, TEN_S), 2);
            rig.leds.ipForwarding(false);
            LedRig.assertSteady(rig.record(Led.LED3, TEN_S), false);
        }

        @Test
        @DisplayName("LED-3: on for the IEC meter status and in multi-utility mode, off otherwise")
        void iecStatusAndMultiUtility() {
            LedRig.assertSteady(rig.record(Led.LED3, TEN_S), false);
            rig.leds.iecPolling(IecPollingState.ANSWERING);
            assertTrue(rig.out(Led.LED3).isOn());
            rig.leds.iecPolling(IecPollingState.IDLE);
            assertTrue(!rig.out(Led.LED3).isOn());
            rig.leds.multiUtility(true);
            long from = rig.scheduler.nanoTime();
            rig.advance(TEN_S);
            assertTrue(rig.out(Led.LED3).timeline().between(from, rig.scheduler.nanoTime()).isOnAtEnd());
            assertEquals(0, rig.out(Led.LED3).timeline().between(from + 1, rig.scheduler.nanoTime()).transitions().size());
        }
    }

    @Nested
    class Csd {

        @Test
        @DisplayName("LED-12: transparent CSD call, meter port at 9600: GSM LED steady, E-meter 2 Hz until close, off after")
        void transparentAt9600() {
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.GSM, -80, false));
            rig.advance(Duration.ofSeconds(20));
            rig.leds.csdCallStarted(CsdMode.METER_TRANSPARENT, 9600);
            Map<Led, LedTimeline> call = rig.recordAll(Duration.ofSeconds(30));
            LedRig.assertSteady(call.get(Led.LED1), true);
            assertBlink(call.get(Led.LED3), 2);
            rig.leds.csdCallEnded();
            assertTrue(!rig.out(Led.LED3).isOn());
            Map<Led, LedTimeline> after = rig.recordAll(TEN_S);
            LedRig.assertSteady(after.get(Led.LED3), false);
            LedRig.assertSteady(after.get(Led.LED1), true); // registered on 2G without IP
        }

        @Test
        @DisplayName("LED-12: transparent CSD call with the meter port not at 9600: E-meter LED steady from connect to close")
        void transparentNot9600() {
            rig.leds.csdCallStarted(CsdMode.METER_TRANSPARENT, 300);
            LedTimeline call = rig.record(Led.LED3, Duration.ofSeconds(30));
            assertEquals(List.of(new Transition(call.startNanos(), true)), call.transitions());
            assertTrue(call.isOnAtEnd());
            rig.leds.csdCallEnded();
            LedRig.assertSteady(rig.record(Led.LED3, TEN_S), false);
        }

        @Test
        @DisplayName("LED-12: configuration CSD call: GSM LED steady, the SIM and E-meter LEDs keep their rhythm")
        void configurationCall() {
            rig.leds.cellularStatus(Cells.registered(AccessTechnology.LTE, -90, true));
            rig.leds.iecPolling(IecPollingState.ANSWERING);
            long rssiStart = rig.scheduler.nanoTime();
            rig.advance(Duration.ofSeconds(20));
            rig.leds.csdCallStarted(CsdMode.MODEM_CONFIGURATION, 300);
            Map<Led, LedTimeline> call = rig.recordAll(Duration.ofSeconds(30));
            LedRig.assertSteady(call.get(Led.LED1), true);
            LedRig.assertSteady(call.get(Led.LED3), true); // E-meter keeps showing the IEC meter status
            assertGroups(call.get(Led.LED2), 3, Duration.ofMillis(200), TEN_S);
            // Same phase as before the call: every flash still falls 0, 600 or 1200 ms into a period
            // counted from when the RSSI signal began.
            for (Transition t : call.get(Led.LED2).transitions()) {
                if (t.on()) {
                    long phase = (t.nanos() - rssiStart) % TEN_S.toNanos();
                    assertTrue(phase == 0 || phase == 600_000_000L || phase == 1_200_000_000L, "phase " + phase);
                }
            }
        }
    }

    @Nested
    class SelectableFunctions {

        private final LedRig custom = new LedRig(new LedAssignment(LedFunction.AMM_CLIENT, LedFunction.FIRMWARE,
                LedFunction.METER_IEC_POLLING)).pastStartup();

        @Test
        @DisplayName("LED-7: firmware status: on after start, 2 Hz once the meter connection is up")
        void firmware() {
            LedRig.assertSteady(custom.record(Led.LED2, TEN_S), true);
            custom.leds.meterLink(true);
            custom.advance(Duration.ofMillis(100));
            assertBlink(custom.record(Led.LED2, TEN_S), 2);
        }

        @Test
        @DisplayName("LED-9: meter status with IEC polling: 1 Hz starting, on while the meter answers, off when it cannot")
        void iecPolling() {
            LedRig.assertSteady(custom.record(Led.LED3, TEN_S), false);
            custom.leds.iecPolling(IecPollingState.STARTING);
            assertBlink(custom.record(Led.LED3, TEN_S), 1);
            custom.leds.iecPolling(IecPollingState.ANSWERING);
            assertTrue(custom.record(Led.LED3, TEN_S).isOnAtEnd());
            assertEquals(0, custom.out(Led.LED3).timeline()
                    .between(custom.scheduler.nanoTime() - TEN_S.toNanos() + 1, custom.scheduler.nanoTime()).transitions().size());
            custom.leds.iecPolling(IecPollingState.FAILED);
            LedRig.assertSteady(custom.record(Led.LED3, TEN_S), false);
        }

        @Test
        @DisplayName("LED-10: AMM client: off idle, short flash + 1 s pause connecting, 1 Hz at login, on connected, off closed")
        void ammClient() {
            LedRig.assertSteady(custom.record(Led.LED1, TEN_S), false);
            custom.leds.ammClient(AmmClientState.CONNECTING);
            LedTimeline connecting = custom.record(Led.LED1, TEN_S);
            assertGroups(connecting, 1, FLASH, Duration.ofSeconds(2));
            assertEquals(Duration.ofMillis(1900), connecting.longestOffGap());
            custom.leds.ammClient(AmmClientState.LOGIN);
            assertBlink(custom.record(Led.LED1, TEN_S), 1);
            custom.leds.ammClient(AmmClientState.CONNECTED);
            LedTimeline connected = custom.record(Led.LED1, TEN_S);
            LedRig.assertSteady(connected, true);
            custom.leds.ammClient(AmmClientState.IDLE);
            LedRig.assertSteady(custom.record(Led.LED1, TEN_S), false);
        }

        @Test
        @DisplayName("LED-8: network status and access technology: as LED-4 but no steady light during a CSD call")
        void network() {
            LedRig net = new LedRig(new LedAssignment(LedFunction.NETWORK, LedFunction.GSM_GPRS, LedFunction.NOT_USED))
                    .pastStartup();
            net.leds.cellularStatus(Cells.registered(AccessTechnology.UMTS, -80, true));
            assertGroups(net.record(Led.LED1, TEN_S), 3, FLASH, Duration.ofSeconds(1));
            assertBlink(net.record(Led.LED1, TEN_S), 2);
            net.leds.csdCallStarted(CsdMode.METER_TRANSPARENT, 9600);
            Map<Led, LedTimeline> call = net.recordAll(TEN_S);
            assertBlink(call.get(Led.LED1), 2);
            LedRig.assertSteady(call.get(Led.LED2), true); // the GSM/GPRS LED next to it is steady
            LedRig.assertSteady(call.get(Led.LED3), false); // not used
        }

        @Test
        @DisplayName("LED-6: every function can be put on every LED, and a new assignment applies at once")
        void anyFunctionOnAnyLed() {
            custom.leds.ammClient(AmmClientState.CONNECTED);
            custom.leds.meterLink(true);
            custom.advance(Duration.ofSeconds(1));
            for (Led led : Led.values()) {
                for (LedFunction f : LedFunction.values()) {
                    // Change between two wake-ups of the previous pattern, so no zero-length flash is recorded.
                    custom.advance(Duration.ofMillis(37));
                    custom.leds.assignment(new LedAssignment(
                            led == Led.LED1 ? f : LedFunction.NOT_USED,
                            led == Led.LED2 ? f : LedFunction.NOT_USED,
                            led == Led.LED3 ? f : LedFunction.NOT_USED));
                    LedTimeline t = custom.record(led, Duration.ofSeconds(4));
                    switch (f) {
                        case AMM_CLIENT -> assertTrue(t.isOnAtEnd() && t.flashCount() <= 1, f + " on " + led);
                        case FIRMWARE -> assertEquals(8, t.flashCount(), f + " on " + led);
                        case SIM -> assertTrue(t.isOnAtEnd(), f + " on " + led + ": SIM unknown: blinking or steady");
                        default -> assertTrue(!t.isOnAtEnd() && t.flashCount() == 0, f + " on " + led + ": " + t.transitions());
                    }
                    for (Led other : Led.values()) {
                        if (other != led) {
                            assertTrue(!custom.out(other).isOn(), other + " is not used");
                        }
                    }
                }
            }
        }
    }
}
