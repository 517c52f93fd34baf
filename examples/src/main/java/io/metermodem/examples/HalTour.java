package io.metermodem.examples;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.gpio.LedTimeline;
import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.nvm.NvmFailureException;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A five-minute tour of the mock HAL: a whole WM-E2S board in memory and virtual time. Shows what
 * makes it worth testing against: a meter line that garbles exactly as hardware does when the
 * modem reads a 7E1 meter at 8N1, character timing of frameBits / baud, LED recordings you can
 * assert on, flash that loses power in the middle of a write, and a scriptable network.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package exec:java -DskipTests}
 */
public final class HalTour {

    private HalTour() {
    }

    /**
     * @param args ignored
     * @throws IOException never on the mock board
     */
    public static void main(String[] args) throws IOException {
        try (MockBoard board = MockBoard.builder().name("tour").build()) {
            meterLine(board);
            leds(board);
            flash(board.nonVolatileMemory());
            network(board);
            System.out.printf("%nVirtual time elapsed: %s; the whole tour ran on the calling thread.%n", board.elapsed());
        }
    }

    private static void meterLine(MockBoard board) throws IOException {
        System.out.println("== Meter line (HAL-1): an IEC 62056-21 meter answers at 300 baud 7E1");
        MockSerialPort modem = board.meterPort();
        MockSerialPort meter = board.meterEnd();
        meter.open(LineSettings.IEC_SIGN_ON);
        modem.open(new LineSettings(300, FrameFormat.F8N1));

        byte[] identification = "/ISk5MT174-0001\r\n".getBytes(StandardCharsets.US_ASCII);
        long start = board.scheduler().nanoTime();
        meter.write(identification);
        board.advance(Duration.ofSeconds(1));
        byte[] at8n1 = modem.readAvailable();
        System.out.printf("  meter sent         %s%n", HexFormat.ofDelimiter(" ").formatHex(identification));
        System.out.printf("  modem at 300 8N1   %s   (parity bit arrives as bit 7)%n", HexFormat.ofDelimiter(" ").formatHex(at8n1));

        modem.reconfigure(LineSettings.IEC_SIGN_ON);
        meter.write(identification);
        board.advance(Duration.ofSeconds(1));
        System.out.printf("  modem at 300 7E1   %s%n", new String(modem.readAvailable(), StandardCharsets.US_ASCII).strip());
        System.out.printf("  %d characters x 10 bits / 300 baud = %.3f ms of virtual time each way%n",
                identification.length, identification.length * 10 / 300.0 * 1000);
        System.out.printf("  virtual time now %s (started at %d ns)%n", board.elapsed(), start);
    }

    private static void leds(MockBoard board) {
        System.out.println("== LEDs (HAL-4): LED1 blinks at 1 Hz for 10 s, the recording is queried afterwards");
        var led = board.led(Led.LED1);
        Duration from = board.elapsed();
        var blink = board.scheduler().scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(500), led::toggle);
        board.advance(Duration.ofSeconds(10));
        blink.cancel();
        led.off();
        LedTimeline window = led.timeline().between(from, from.plusSeconds(10));
        System.out.printf("  flashes %d, frequency %.1f Hz, duty cycle %.0f %%, longest pulse %s%n",
                window.flashCount(), window.frequencyHz(), window.dutyCycle() * 100, window.longestOnPulse());
    }

    private static void flash(MockFlash flash) throws IOException {
        System.out.println("== Flash (HAL-6): power is cut after the 10th byte of a 32-byte write");
        byte[] record = new byte[32];
        for (int i = 0; i < record.length; i++) {
            record[i] = (byte) (0x10 + i);
        }
        flash.erasePage(0);
        flash.cutPowerAfterBytes(10);
        try {
            flash.write(0, record, 0, record.length);
        } catch (NvmFailureException e) {
            System.out.println("  write failed: " + e.getMessage());
        }
        flash.restorePower();
        byte[] back = new byte[16];
        flash.read(0, back, 0, back.length);
        System.out.printf("  after power returns: %s%n", HexFormat.ofDelimiter(" ").formatHex(back));
    }

    private static void network(MockBoard board) {
        System.out.println("== Cellular (HAL-7): the script registers the module on LTE at -71 dBm");
        board.network().registerOn(AccessTechnology.LTE, "Virtual Telecom").rssi(-71);
        board.advance(Duration.ofSeconds(1));
        CellularStatus status = board.cellularModule().status();
        System.out.printf("  %s on %s, %s, RSSI %s dBm, IMEI %s%n", status.registration(), status.technology(),
                status.operator().orElse("?"), status.rssiDbm().isPresent() ? status.rssiDbm().getAsInt() : "?",
                board.cellularModule().identity().imei());
    }
}
