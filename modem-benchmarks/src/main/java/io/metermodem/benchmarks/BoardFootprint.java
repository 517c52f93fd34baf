package io.metermodem.benchmarks;

import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.serial.LineSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints the retained heap of one complete {@link MockBoard} (target: at most 64 KiB), measured
 * with JOL as the size of the object graph reachable from the board: fresh, and after a short
 * session (meter line open at both ends, a sign-on exchanged, LEDs blinking, network registered).
 */
public final class BoardFootprint {

    private BoardFootprint() {
    }

    /**
     * @param args ignored
     * @throws IOException never on the mock
     */
    public static void main(String[] args) throws IOException {
        MockBoard fresh = MockBoard.builder().build();
        report("fresh board", GraphLayout.parseInstance(fresh).totalSize());

        MockBoard used = MockBoard.builder().build();
        used.meterPort().open(LineSettings.IEC_SIGN_ON);
        used.meterEnd().open(LineSettings.IEC_SIGN_ON);
        used.meterPort().write("/?!\r\n".getBytes(StandardCharsets.US_ASCII));
        used.advance(Duration.ofMillis(200));
        used.meterEnd().readAvailable();
        for (int i = 0; i < 20; i++) {
            used.led(Led.LED3).toggle();
            used.advance(Duration.ofMillis(250));
        }
        used.network().registerOn(io.metermodem.hal.cellular.AccessTechnology.LTE, "Operator");
        used.advance(Duration.ofSeconds(5));
        report("board after a sign-on, 20 LED changes, registration", GraphLayout.parseInstance(used).totalSize());
        used.nonVolatileMemory().write(0, new byte[64], 0, 64);
        report("  ... plus one flash page programmed", GraphLayout.parseInstance(used).totalSize());
    }

    private static void report(String what, long bytes) {
        System.out.printf("%-60s %7d bytes (%.1f KiB)%n", what, bytes, bytes / 1024.0);
    }
}
