package io.metermodem.firmware.led;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.gpio.LedTimeline;
import io.metermodem.led.LedAssignment;
import io.metermodem.transparent.bridge.BridgeListener;
import io.metermodem.transparent.bridge.Channel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The LEDs of the reference firmware, fed by the board and the bridge, logged as JSON lines. */
class FirmwareLedsTest {

    private static final Pattern JSON = Pattern.compile("\\{\"t_ms\":(\\d+),\"led\":\"(LED[123])\",\"on\":(true|false)}");

    private final MockBoard board = MockBoard.builder().build();
    private final StringWriter json = new StringWriter();
    private final LedJsonLog log = new LedJsonLog(json, 0);

    private FirmwareLeds start(int meterBaud) {
        Map<Led, io.metermodem.hal.gpio.DigitalOutput> lines = new EnumMap<>(Led.class);
        for (Led led : Led.values()) {
            lines.put(led, board.led(led));
        }
        FirmwareLeds leds = FirmwareLeds.start(board.scheduler(), lines, LedAssignment.FACTORY, () -> meterBaud, List.of(log));
        leds.attach(board.cellularModule(), board.supercapCharged(), board.powerFail());
        return leds;
    }

    private LedTimeline record(Led led, Duration length) {
        long from = board.scheduler().nanoTime();
        board.advance(length);
        return board.led(led).timeline().between(from, board.scheduler().nanoTime());
    }

    @Test
    @DisplayName("LED-3: a transparent TCP session from the bridge makes LED3 blink at 2 Hz on the board, in the JSON log too")
    void sessionDrivesLed3() {
        FirmwareLeds leds = start(9600);
        board.advance(Duration.ofSeconds(15));
        BridgeListener bridge = leds.bridgeListener();
        bridge.sessionStarted(Channel.PRIMARY, "tcp 127.0.0.1:5000");
        long from = board.scheduler().nanoTime();
        LedTimeline t = record(Led.LED3, Duration.ofSeconds(10));
        assertEquals(20, t.flashCount());
        bridge.sessionEnded(Channel.PRIMARY, "tcp 127.0.0.1:5000", "closed");
        assertTrue(!board.led(Led.LED3).isOn());

        long rising = 0;
        for (String line : json.toString().split("\n")) {
            Matcher m = JSON.matcher(line);
            assertTrue(m.matches(), line);
            long tMs = Long.parseLong(m.group(1));
            if (m.group(2).equals("LED3") && m.group(3).equals("true") && tMs * 1_000_000 >= from
                    && tMs * 1_000_000 < from + 10_000_000_000L) {
                rising++;
                assertEquals(0, (tMs * 1_000_000 - from) % 500_000_000L, "every 500 ms exactly");
            }
        }
        assertEquals(20, rising, "the log holds the same flashes as the output");
        assertEquals(board.led(Led.LED3).totalTransitions() + board.led(Led.LED1).totalTransitions()
                + board.led(Led.LED2).totalTransitions(), json.toString().lines().count(), "one line per transition");
    }

    @Test
    @DisplayName("LED-12: a CSD session with the meter port at 300 baud: GSM LED steady, E-meter LED steady until it ends")
    void csdSession() {
        FirmwareLeds leds = start(300);
        board.advance(Duration.ofSeconds(15));
        leds.bridgeListener().sessionStarted(Channel.CSD, "csd +3612345");
        LedTimeline led3 = record(Led.LED3, Duration.ofSeconds(5));
        assertTrue(led3.isOnAtEnd() && led3.transitions().size() == 1);
        assertTrue(board.led(Led.LED1).isOn());
        leds.bridgeListener().sessionEnded(Channel.CSD, "csd +3612345", "hang-up");
        assertTrue(!board.led(Led.LED3).isOn());
    }

    @Test
    @DisplayName("LED-5: the mock cellular module drives the SIM LED: 4G at -75 dBm gives 4 flashes every 10 s")
    void cellularDrivesSim() {
        start(9600);
        board.network().registerOn(AccessTechnology.LTE, "Operator").rssi(-75);
        board.advance(Duration.ofSeconds(1));
        LedTimeline t = record(Led.LED2, Duration.ofSeconds(30));
        assertEquals(12, t.flashCount());
    }

    @Test
    @DisplayName("LED-7: meter answering and silence from the bridge switch the firmware LED between 2 Hz and on")
    void meterLink() {
        board.close();
        MockBoard custom = MockBoard.builder().build();
        Map<Led, io.metermodem.hal.gpio.DigitalOutput> lines = new EnumMap<>(Led.class);
        for (Led led : Led.values()) {
            lines.put(led, custom.led(led));
        }
        FirmwareLeds leds = FirmwareLeds.start(custom.scheduler(), lines, new LedAssignment(
                io.metermodem.led.LedFunction.FIRMWARE, io.metermodem.led.LedFunction.NOT_USED,
                io.metermodem.led.LedFunction.NOT_USED), () -> 9600, List.of());
        leds.bridgeListener().meterAnswering();
        custom.advance(Duration.ofMillis(100));
        long from = custom.scheduler().nanoTime();
        custom.advance(Duration.ofSeconds(5));
        assertEquals(10, custom.led(Led.LED1).timeline().between(from, custom.scheduler().nanoTime()).flashCount());
        leds.bridgeListener().meterSilent();
        assertTrue(custom.led(Led.LED1).isOn());
        leds.close();
        assertTrue(!custom.led(Led.LED1).isOn());
        custom.close();
    }

    @Test
    @DisplayName("the terminal status line shows the LEDs top down once started, and ends its line on close")
    void statusLine() {
        StringWriter screen = new StringWriter();
        LedStatusLine line = new LedStatusLine(new PrintWriter(screen));
        line.changed(Led.LED3, true, 0);
        assertEquals("", screen.toString(), "nothing before start");
        line.start();
        line.changed(Led.LED2, true, 1);
        line.close();
        assertEquals("LEDs  LED3 green \u25CF  LED1 blue \u25CB  LED2 red \u25CB\rLEDs  LED3 green \u25CF  LED1 blue \u25CB  LED2 red \u25CF"
                + System.lineSeparator(), screen.toString());
    }

    @Test
    @DisplayName("the JSON line format: t_ms, led, on")
    void jsonLine() {
        assertEquals("{\"t_ms\":1500,\"led\":\"LED3\",\"on\":false}", LedJsonLog.line(1500, Led.LED3, false));
    }
}
