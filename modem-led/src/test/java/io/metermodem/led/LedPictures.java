package io.metermodem.led;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.cellular.SimState;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.gpio.LedTimeline;
import io.metermodem.hal.mock.gpio.SupercapSettings;
import io.metermodem.hal.mock.gpio.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One picture per LED function and state, and one per override, drawn by {@link TimelineSvg} from
 * what the real {@link LedController} does in virtual time on recorded mock outputs. The test
 * {@link LedPicturesTest} compares them with the committed {@code docs/leds/*.svg}.
 */
final class LedPictures {

    /** A picture: file name, the function it shows, the state, and the SVG. */
    record Picture(String file, String function, String state, String svg) {
    }

    private static final Duration WINDOW = Duration.ofSeconds(12);

    private LedPictures() {
    }

    static List<Picture> all() {
        List<Picture> list = new ArrayList<>();
        LedFunction gsm = LedFunction.GSM_GPRS;
        list.add(single("gsm-no-network", gsm, "no network: off", l -> l.cellularStatus(
                Cells.of(SimState.READY, RegistrationState.NOT_REGISTERED))));
        list.add(single("gsm-searching", gsm, "searching: 1 Hz", l -> l.cellularStatus(
                Cells.of(SimState.READY, RegistrationState.SEARCHING))));
        list.add(single("gsm-change-2g", gsm, "change to 2G: 2 flashes/s for 10 s, then on (registered, no IP yet)",
                l -> l.cellularStatus(Cells.registered(AccessTechnology.GSM, -80, false))));
        list.add(single("gsm-change-3g", gsm, "change to 3G: 3 flashes/s for 10 s, then 2 Hz (IP up)",
                l -> l.cellularStatus(Cells.registered(AccessTechnology.UMTS, -80, true))));
        list.add(single("gsm-change-4g", gsm, "change to 4G: 4 flashes/s for 10 s, then 2 Hz (IP up)",
                l -> l.cellularStatus(Cells.registered(AccessTechnology.LTE, -80, true))));
        list.add(single("gsm-ip", gsm, "connected with IP: 2 Hz", l -> {
            l.cellularStatus(Cells.registered(AccessTechnology.LTE, -80, true));
        }, LedSignals.TECHNOLOGY_SIGNAL));
        list.add(single("gsm-forwarding-or-csd", gsm, "CSD call or IP data forwarding: on", l -> {
            l.cellularStatus(Cells.registered(AccessTechnology.LTE, -80, true));
            l.csdCallStarted(CsdMode.MODEM_CONFIGURATION, 9600);
        }, LedSignals.TECHNOLOGY_SIGNAL));
        LedFunction sim = LedFunction.SIM;
        list.add(single("sim-no-sim-or-wrong-pin", sim, "no SIM or wrong PIN: 1 Hz", l -> l.cellularStatus(
                Cells.of(SimState.ABSENT, RegistrationState.NOT_REGISTERED))));
        list.add(single("sim-ok-no-network", sim, "SIM ok, not on a network: on", l -> l.cellularStatus(
                Cells.of(SimState.READY, RegistrationState.SEARCHING))));
        list.add(single("sim-invalid-rssi", sim, "invalid RSSI or AT time-out: slow", l -> l.cellularStatus(
                Cells.registeredWithoutRssi(AccessTechnology.LTE))));
        int[] dbm = {-125, -110, -90, -70};
        for (int n = 1; n <= 4; n++) {
            int value = dbm[n - 1];
            list.add(single("sim-rssi-" + n, sim, "4G RSSI " + value + " dBm: " + n + " flash" + (n > 1 ? "es" : "")
                    + " every 10 s", l -> l.cellularStatus(Cells.registered(AccessTechnology.LTE, value, false))));
        }
        LedFunction em = LedFunction.E_METER;
        list.add(single("emeter-idle", em, "idle: off", l -> { }));
        list.add(single("emeter-tcp-session", em, "transparent TCP session: 2 Hz", l -> l.ipForwarding(true)));
        list.add(single("emeter-iec-status", em, "IEC meter status / multi-utility: on",
                l -> l.iecPolling(IecPollingState.ANSWERING)));
        list.add(single("emeter-csd-9600", em, "transparent CSD call, meter port 9600: 2 Hz",
                l -> l.csdCallStarted(CsdMode.METER_TRANSPARENT, 9600)));
        list.add(single("emeter-csd-not-9600", em, "transparent CSD call, meter port not 9600: on",
                l -> l.csdCallStarted(CsdMode.METER_TRANSPARENT, 300)));
        LedFunction fw = LedFunction.FIRMWARE;
        list.add(single("firmware-started", fw, "started: on", l -> { }));
        list.add(single("firmware-meter-connected", fw, "meter connection up: 2 Hz", l -> l.meterLink(true)));
        LedFunction net = LedFunction.NETWORK;
        list.add(single("network-csd", net, "during a CSD call (no CSD rule): as without it, 2 Hz with IP", l -> {
            l.cellularStatus(Cells.registered(AccessTechnology.LTE, -80, true));
            l.csdCallStarted(CsdMode.METER_TRANSPARENT, 9600);
        }, LedSignals.TECHNOLOGY_SIGNAL));
        LedFunction iec = LedFunction.METER_IEC_POLLING;
        list.add(single("meter-iec-starting", iec, "communication starts: 1 Hz", l -> l.iecPolling(IecPollingState.STARTING)));
        list.add(single("meter-iec-answering", iec, "meter answers: on", l -> l.iecPolling(IecPollingState.ANSWERING)));
        list.add(single("meter-iec-failed", iec, "cannot communicate: off", l -> l.iecPolling(IecPollingState.FAILED)));
        LedFunction amm = LedFunction.AMM_CLIENT;
        list.add(single("amm-idle", amm, "idle or closed: off", l -> l.ammClient(AmmClientState.IDLE)));
        list.add(single("amm-connecting", amm, "connecting: short flash, 1 s pause",
                l -> l.ammClient(AmmClientState.CONNECTING)));
        list.add(single("amm-login", amm, "login: 1 Hz", l -> l.ammClient(AmmClientState.LOGIN)));
        list.add(single("amm-connected", amm, "connected: on", l -> l.ammClient(AmmClientState.CONNECTED)));
        list.add(single("not-used", LedFunction.NOT_USED, "always off", l -> l.ipForwarding(true)));
        list.add(startup());
        list.add(charging());
        list.add(firmwareInstall());
        return list;
    }

    /** The function on LED1, the other LEDs not used; {@code settle} of virtual time, then the window. */
    private static Picture single(String file, LedFunction function, String state, Consumer<LedController> setup) {
        return single(file, function, state, setup, Duration.ZERO);
    }

    private static Picture single(String file, LedFunction function, String state, Consumer<LedController> setup,
                                  Duration settle) {
        LedRig rig = new LedRig(new LedAssignment(function, LedFunction.NOT_USED, LedFunction.NOT_USED)).pastStartup();
        setup.accept(rig.leds);
        rig.advance(settle);
        long from = rig.scheduler.nanoTime();
        rig.advance(WINDOW);
        LedTimeline t = rig.out(Led.LED1).timeline().between(from, rig.scheduler.nanoTime());
        String title = label(function) + ": " + state;
        return new Picture(file + ".svg", label(function), state, TimelineSvg.render(title, from,
                rig.scheduler.nanoTime(), List.of(track("LED", "#1f5fbf", t))));
    }

    private static Picture startup() {
        LedRig rig = new LedRig();
        rig.leds.cellularStatus(Cells.of(SimState.READY, RegistrationState.SEARCHING));
        rig.advance(Duration.ofSeconds(20));
        return threeLeds("override-startup", "start-up (LED-11, PWR-4)",
                "LED3 quick green for 15 s, LED1 and LED2 normal (searching)", rig.outputs, 0, rig.scheduler.nanoTime());
    }

    private static Picture charging() {
        try (MockBoard board = MockBoard.builder().supercap(new SupercapSettings(Duration.ofSeconds(20),
                Duration.ofMinutes(2), 0.9), 0.0).build()) {
            LedController leds = LedController.forBoard(board, LedAssignment.FACTORY);
            leds.attach(board.cellularModule(), board.supercapCharged());
            board.network().networkAvailable(AccessTechnology.LTE, "Operator").rssi(-90);
            board.advance(Duration.ofSeconds(50));
            Map<Led, io.metermodem.hal.mock.gpio.MockDigitalOutput> outs = new LinkedHashMap<>();
            for (Led led : Led.values()) {
                outs.put(led, board.led(led));
            }
            return threeLeds("override-charging", "supercapacitor (LED-1, PWR-3)",
                    "charging 18 s: LED3 quick; blank 1 s; LED3 quick 15 s; LED3 slow 9 s, others normal",
                    outs, 0, board.scheduler().nanoTime());
        }
    }

    private static Picture firmwareInstall() {
        LedRig rig = new LedRig().pastStartup();
        rig.leds.cellularStatus(Cells.registered(AccessTechnology.LTE, -70, true));
        rig.leds.ipForwarding(true);
        rig.advance(Duration.ofSeconds(15));
        long from = rig.scheduler.nanoTime();
        rig.advance(Duration.ofSeconds(3));
        rig.leds.firmwareInstalled();
        rig.advance(Duration.ofSeconds(9));
        return threeLeds("override-firmware-installed", "firmware install (LED-11)",
                "at 3 s the new firmware is installed: all LEDs off until the restart", rig.outputs, from,
                rig.scheduler.nanoTime());
    }

    private static Picture threeLeds(String file, String function, String state,
                                     Map<Led, ? extends io.metermodem.hal.mock.gpio.MockDigitalOutput> outs,
                                     long from, long to) {
        List<TimelineSvg.Track> tracks = new ArrayList<>();
        // Top to bottom as on the PCB: LED3 green, LED1 blue, LED2 red.
        for (Led led : List.of(Led.LED3, Led.LED1, Led.LED2)) {
            tracks.add(track(led.name() + " " + led.colour(), colour(led), outs.get(led).timeline().between(from, to)));
        }
        return new Picture(file + ".svg", function, state, TimelineSvg.render(function + ": " + state, from, to, tracks));
    }

    private static TimelineSvg.Track track(String label, String colour, LedTimeline t) {
        List<Transition> changes = t.transitions();
        boolean initial = changes.isEmpty() ? t.isOnAtEnd() : !changes.get(0).on();
        return new TimelineSvg.Track(label, colour, initial, changes.stream().mapToLong(Transition::nanos).toArray());
    }

    private static String colour(Led led) {
        return switch (led) {
            case LED1 -> "#1f5fbf";
            case LED2 -> "#c62828";
            case LED3 -> "#2e7d32";
        };
    }

    private static String label(LedFunction f) {
        return switch (f) {
            case NOT_USED -> "Not used";
            case GSM_GPRS -> "GSM/GPRS status (LED-4)";
            case SIM -> "SIM status (LED-5)";
            case E_METER -> "E-meter status (LED-3, LED-12)";
            case FIRMWARE -> "Firmware status (LED-7)";
            case NETWORK -> "Network and access technology (LED-8)";
            case METER_IEC_POLLING -> "Meter status with IEC polling (LED-9)";
            case AMM_CLIENT -> "AMM (IEC) client state (LED-10)";
        };
    }
}
