package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.hal.mock.cellular.DialOutcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Result codes: their numbers and texts, and the Q, V and X commands that shape them. */
class ResultCodeTest {

    private final Harness h = Harness.quiet();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    @DisplayName("AT-22: result code numbers are V.250's, not the manual's table shifted by one")
    void numbers() {
        Map<ResultCode, Integer> expected = new LinkedHashMap<>();
        expected.put(ResultCode.OK, 0);
        expected.put(ResultCode.CONNECT, 1);
        expected.put(ResultCode.RING, 2);
        expected.put(ResultCode.NO_CARRIER, 3);
        expected.put(ResultCode.ERROR, 4);
        expected.put(ResultCode.NO_DIALTONE, 6);
        expected.put(ResultCode.BUSY, 7);
        expected.put(ResultCode.NO_ANSWER, 8);
        for (ResultCode code : ResultCode.values()) {
            assertEquals(expected.get(code), code.number(), code.name());
        }
    }

    @Test
    @DisplayName("AT-22: every result code goes out numerically as digits and CR after ATV0")
    void numericOnTheLine() {
        h.send("ATV0\r");
        assertEquals("0\r", h.send("AT\r"));
        assertEquals("4\r", h.send("ATJ\r"));
        h.network().onDial("1", DialOutcome.ANSWER).onDial("2", DialOutcome.BUSY).onDial("3", DialOutcome.NO_ANSWER);
        Duration dial = h.network().timings().dial();
        h.send("ATD2\r");
        assertEquals("7\r", h.advance(dial));
        h.send("ATD3\r");
        assertEquals("8\r", h.advance(dial));
        h.send("ATD4\r");
        assertEquals("3\r", h.advance(dial));
        h.send("ATD1\r");
        assertEquals("1\r", h.advance(dial));
        h.network().lastCall().orElseThrow().hangUp();
        assertEquals("3\r", h.advance(Duration.ofSeconds(1)));
        h.network().incomingCall("123");
        assertEquals("2\r", h.advance(Duration.ZERO));
        h.send("ATH\r");
        h.network().loseNetwork();
        h.send("ATD5\r");
        assertEquals("6\r", h.advance(dial));
    }

    @Test
    @DisplayName("AT-9: ATV1 gives verbose codes framed CR LF text CR LF, ATV0 numeric; information text follows the form")
    void verboseAndNumeric() {
        assertEquals("\r\nOK\r\n", h.send("ATV1\r"));
        assertEquals("\r\n003\r\n\r\nOK\r\n", h.send("ATS0?\r"));
        assertEquals("0\r", h.send("ATV0\r"));
        assertEquals("003\r\n0\r", h.send("ATS0?\r"));
    }

    @Test
    @DisplayName("AT-8: ATQ1 suppresses result codes (silent mode on), ATQ0 sends them; information text stays")
    void quiet() {
        assertEquals("", h.send("ATQ1\r"));
        assertEquals("", h.send("AT\r"));
        assertEquals("", h.send("ATJ\r"));
        assertEquals("\r\n356938035643809\r\n", h.send("AT+CGSN\r"));
        assertEquals("\r\nOK\r\n", h.send("ATQ0\r"));
        assertEquals("\r\nERROR\r\n", h.send("ATJ\r"));
    }

    @Test
    @DisplayName("AT-10: ATX0 reports BUSY as NO CARRIER and CONNECT without the rate; ATX1..ATX4 give the extended set")
    void resultSets() {
        h.network().onDial("2", DialOutcome.BUSY).onDial("1", DialOutcome.ANSWER);
        Duration dial = h.network().timings().dial();
        h.send("ATX0D2\r");
        assertEquals("\r\nNO CARRIER\r\n", h.advance(dial));
        h.send("ATD1\r");
        assertEquals("\r\nCONNECT\r\n", h.advance(dial));
        h.network().lastCall().orElseThrow().hangUp();
        h.advance(Duration.ofSeconds(1));
        for (int x = 1; x <= 4; x++) {
            h.send("ATX" + x + "D2\r");
            assertEquals("\r\nBUSY\r\n", h.advance(dial), "X" + x);
        }
        h.send("AT+CBST=6,0,1\r");
        h.send("ATD1\r");
        assertEquals("\r\nCONNECT 4800\r\n", h.advance(dial));
    }
}
