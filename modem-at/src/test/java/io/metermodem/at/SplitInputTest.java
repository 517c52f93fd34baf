package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.hal.mock.cellular.DialOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The interpreter gives the same answers however its input is split. */
class SplitInputTest {

    private static final String SESSION = "xx\u0001ATE1\rat+cgsn\rATV0S0?\rATV1\rA/AT+CGDCONT=1,\"IP\",\"a.b\"\r"
            + "ATX\bV1Q0\rAT+CGDCONT?\rAT" + "E".repeat(300) + "\rATJ\rAT+CBST=71,0,1\rAT+CBST?\rATI\r"
            + "AT+CGSN;+CIMI\rAT&C2&K3&D1S12=10\rAT+I\rAT\r";

    private static String runWhole() {
        try (Harness h = Harness.local()) {
            return h.send(SESSION);
        }
    }

    @Test
    @DisplayName("AT-22: a session fed in two pieces, split at every byte boundary, answers exactly as fed whole")
    void everySplit() {
        String whole = runWhole();
        byte[] bytes = SESSION.getBytes(StandardCharsets.ISO_8859_1);
        for (int cut = 0; cut <= bytes.length; cut++) {
            try (Harness h = Harness.local()) {
                h.out.reset();
                h.at.receive(bytes, 0, cut);
                h.at.receive(bytes, cut, bytes.length - cut);
                assertEquals(whole, h.take(), "split at " + cut);
            }
        }
    }

    @Test
    @DisplayName("AT-22: the same session fed one byte at a time answers exactly as fed whole")
    void byteByByte() {
        String whole = runWhole();
        try (Harness h = Harness.local()) {
            h.out.reset();
            for (byte b : SESSION.getBytes(StandardCharsets.ISO_8859_1)) {
                h.at.receive(new byte[] {b}, 0, 1);
            }
            assertEquals(whole, h.take());
        }
    }

    @Test
    @DisplayName("AT-24: online data split at every boundary reaches the call whole, and +++ still escapes after the guard time")
    void onlineSplit() {
        byte[] data = "meter request with +plus+ signs\r\n".getBytes(StandardCharsets.ISO_8859_1);
        for (int cut = 0; cut <= data.length; cut++) {
            try (Harness h = Harness.quiet()) {
                h.network().onDial("1", DialOutcome.ANSWER);
                h.send("ATD1\r");
                h.advance(h.network().timings().dial());
                h.at.receive(data, 0, cut);
                h.at.receive(data, cut, data.length - cut);
                h.advance(Duration.ofSeconds(2));
                assertEquals(new String(data, StandardCharsets.ISO_8859_1),
                        h.network().lastCall().orElseThrow().receivedText(), "split at " + cut);
                h.send("+");
                h.send("++");
                assertEquals("\r\nOK\r\n", h.advance(Duration.ofSeconds(1)));
            }
        }
    }
}
