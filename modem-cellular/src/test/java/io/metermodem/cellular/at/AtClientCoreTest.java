package io.metermodem.cellular.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("HAL-7: the AT client core (sans-I/O)")
class AtClientCoreTest {

    private static final long MS = 1_000_000L;

    private final AtClientCore core = new AtClientCore(AtClientSettings.DEFAULTS, UrcTable.STANDARD);
    private long now;

    private void feed(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        core.receive(b, 0, b.length, now);
    }

    private void at(long nanos) {
        now = nanos;
        core.advanceTime(now);
    }

    private List<AtEvent> events() {
        List<AtEvent> out = new ArrayList<>();
        AtEvent e;
        while ((e = core.poll()) != null) {
            out.add(e);
        }
        return out;
    }

    private static String sent(List<AtEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (AtEvent e : events) {
            if (e instanceof AtEvent.Transmit t) {
                sb.append(new String(t.bytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }

    private static AtResponse completed(List<AtEvent> events) {
        List<AtResponse> done = events.stream().filter(e -> e instanceof AtEvent.Completed)
                .map(e -> ((AtEvent.Completed) e).response()).toList();
        assertEquals(1, done.size(), "exactly one completion in " + events);
        return done.get(0);
    }

    static Stream<Arguments> finals() {
        return Stream.of(
                Arguments.of("OK", new AtResult.Ok()),
                Arguments.of("ERROR", new AtResult.Error()),
                Arguments.of("+CME ERROR: 10", new AtResult.CmeError(OptionalInt.of(10), "10")),
                Arguments.of("+CME ERROR: SIM not inserted", new AtResult.CmeError(OptionalInt.empty(), "SIM not inserted")),
                Arguments.of("+CMS ERROR: 500", new AtResult.CmsError(OptionalInt.of(500), "500")),
                Arguments.of("CONNECT", new AtResult.Connect(Optional.empty())),
                Arguments.of("CONNECT 9600", new AtResult.Connect(Optional.of("9600"))),
                Arguments.of("NO CARRIER", new AtResult.NoCarrier()),
                Arguments.of("BUSY", new AtResult.Busy()),
                Arguments.of("NO ANSWER", new AtResult.NoAnswer()),
                Arguments.of("NO DIALTONE", new AtResult.NoDialtone()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finals")
    @DisplayName("HAL-7: each final result code ends the command with its typed result")
    void typedResults(String line, AtResult expected) {
        core.submit(AtCommand.of("ATD123"), now);
        assertEquals("ATD123\r", sent(events()));
        feed("\r\n" + line + "\r\n");
        assertEquals(expected, completed(events()).result());
    }

    @Test
    @DisplayName("HAL-7: CONNECT followed by nothing but blanks names no rate: the same result as a bare CONNECT"
            + " (found by AtClientCoreFuzzTest, input crash-connect-blank-rate)")
    void connectWithBlankRate() {
        core.submit(AtCommand.of("ATD123"), now);
        events();
        feed("\r\nCONNECT \t \r\n");
        assertEquals(new AtResult.Connect(Optional.empty()), completed(events()).result());
        assertEquals(AtClientState.DATA, core.state());
    }

    @Test
    @DisplayName("HAL-7: information lines are collected in order; the echo of the command is skipped")
    void intermediateLines() {
        core.submit(AtCommand.of("ATI"), now);
        events();
        feed("ATI\r\r\nQuectel\r\nEC21\r\nRevision: EC21EFAR06A01M4G\r\n\r\nOK\r\n");
        AtResponse r = completed(events());
        assertEquals(List.of("Quectel", "EC21", "Revision: EC21EFAR06A01M4G"), r.lines());
        assertTrue(r.isOk());
    }

    @Test
    @DisplayName("HAL-7: one command in flight: a second submit is refused until the first ends")
    void oneInFlight() {
        core.submit(AtCommand.of("AT"), now);
        assertThrows(IllegalStateException.class, () -> core.submit(AtCommand.of("AT+CSQ"), now));
        feed("\r\nOK\r\n");
        events();
        core.submit(AtCommand.of("AT+CSQ"), now);
        assertEquals(AtClientState.PENDING, core.state());
    }

    @Test
    @DisplayName("HAL-7: URCs arriving while a command is pending are delivered in order, before its completion")
    void urcsWhilePending() {
        core.submit(AtCommand.of("AT+CSQ"), now);
        events();
        feed("\r\n+CMTI: \"SM\",3\r\n\r\n+CSQ: 20,99\r\n\r\nRING\r\n\r\n+CREG: 1\r\n\r\nOK\r\n");
        List<AtEvent> ev = events();
        List<String> order = new ArrayList<>();
        for (AtEvent e : ev) {
            if (e instanceof AtEvent.Unsolicited u) {
                order.add(u.urc().header());
            } else if (e instanceof AtEvent.Completed c) {
                order.add("done " + c.response().lines());
            }
        }
        assertEquals(List.of("+CMTI: \"SM\",3", "RING", "+CREG: 1", "done [+CSQ: 20,99]"), order);
    }

    @Test
    @DisplayName("HAL-7: a multi-line URC (+CMT header and PDU line) is delivered whole, also inside a pending command")
    void multiLineUrc() {
        core.submit(AtCommand.of("AT+COPS?"), now);
        events();
        feed("\r\n+CMT: ,24\r\n07914151551512F2040B91\r\n\r\n+COPS: 0,0,\"Net\",7\r\n\r\nOK\r\n");
        List<AtEvent> ev = events();
        AtEvent.Unsolicited u = assertInstanceOf(AtEvent.Unsolicited.class, ev.get(0));
        assertEquals(List.of("+CMT: ,24", "07914151551512F2040B91"), u.urc().lines());
        assertEquals(List.of("+COPS: 0,0,\"Net\",7"), completed(ev).lines());
    }

    @Test
    @DisplayName("HAL-7: +CREG is the answer while AT+CREG? is pending and a URC otherwise")
    void samePrefixSolicitedOrNot() {
        feed("\r\n+CREG: 5\r\n");
        assertInstanceOf(AtEvent.Unsolicited.class, events().get(0));
        core.submit(AtCommand.of("AT+CREG?"), now);
        events();
        feed("\r\n+CREG: 2,1,\"1A2B\",\"01C3D4E5\",7\r\n\r\nOK\r\n");
        List<AtEvent> ev = events();
        assertEquals(1, ev.size(), ev.toString());
        assertEquals(List.of("+CREG: 2,1,\"1A2B\",\"01C3D4E5\",7"), completed(ev).lines());
        // a report that slips in while the query is pending cannot be told apart: the answer comes last
        core.submit(AtCommand.of("AT+CREG?"), now);
        events();
        feed("\r\n+CREG: 0\r\n\r\n+CREG: 2,5\r\n\r\nOK\r\n");
        assertEquals(Optional.of("2,5"), completed(events()).lastValue("+CREG:"));
    }

    @ParameterizedTest(name = "prompt {0}")
    @MethodSource("prompts")
    @DisplayName("HAL-7: the > prompt, with or without CR LF and space, releases the payload and Ctrl-Z")
    void prompts(String prompt) {
        core.submit(AtCommand.withPrompt("AT+CMGS=23", "0011000B916407281553F80000AA0AE8329BFD4697D9EC37"), now);
        assertEquals("AT+CMGS=23\r", sent(events()));
        feed(prompt);
        assertEquals("0011000B916407281553F80000AA0AE8329BFD4697D9EC37\u001A", sent(events()));
        feed("\r\n+CMGS: 7\r\n\r\nOK\r\n");
        AtResponse r = completed(events());
        assertEquals(Optional.of("7"), r.value("+CMGS:"));
    }

    static Stream<String> prompts() {
        return Stream.of(">", "> ", "\r\n> ", "\r\n>\r\n", "AT+CMGS=23\r\r\n> ");
    }

    @Test
    @DisplayName("HAL-7: per-command default timeouts: 5 s for AT, 180 s for AT+COPS=?, 90 s for ATD, 120 s for AT+CMGS")
    void defaultTimeouts() {
        assertEquals(Duration.ofSeconds(5), AtCommand.of("AT").timeout());
        assertEquals(Duration.ofSeconds(180), AtCommand.of("AT+COPS=?").timeout());
        assertEquals(Duration.ofSeconds(90), AtCommand.of("ATD+3612345").timeout());
        assertEquals(Duration.ofSeconds(120), AtCommand.withPrompt("AT+CMGS=20", "00").timeout());
        core.submit(AtCommand.of("AT+COPS=?"), now);
        at(179_999 * MS);
        assertTrue(events().stream().noneMatch(e -> e instanceof AtEvent.Completed));
        at(180_000 * MS);
        assertInstanceOf(AtResult.Timeout.class, completed(events()).result());
    }

    @Test
    @DisplayName("HAL-7: a reply that comes after its command timed out is never taken as the next command's")
    void lateReplyDiscarded() {
        core.submit(AtCommand.of("AT+CGMI"), now);
        events();
        at(5_000 * MS);
        assertInstanceOf(AtResult.Timeout.class, completed(events()).result());
        assertThrows(IllegalStateException.class, () -> core.submit(AtCommand.of("AT+CGMM"), now));
        // the late answer trickles in: the line is not quiet, so no probe yet
        at(5_200 * MS);
        feed("\r\nQuectel\r\n");
        at(5_400 * MS);
        assertEquals("", sent(events()));
        at(5_800 * MS); // 400 ms quiet: the probe with its marker goes out
        List<AtEvent> ev = events();
        assertEquals("ATE0S7=40S7?\r", sent(ev));
        // still more of the late reply first, then the probe's own answer
        feed("\r\nOK\r\n\r\n040\r\n\r\nOK\r\n");
        ev = events();
        assertTrue(ev.stream().anyMatch(e -> e instanceof AtEvent.Discarded d && d.line().equals("OK")), ev.toString());
        assertInstanceOf(AtEvent.ResyncDone.class, ev.get(ev.size() - 1));
        core.submit(AtCommand.of("AT+CGMM"), now);
        events();
        feed("\r\nEC21\r\n\r\nOK\r\n");
        assertEquals(List.of("EC21"), completed(events()).lines());
    }

    @Test
    @DisplayName("HAL-7: a prompt command that times out is aborted with ESC before the resync probe")
    void promptTimeoutSendsEscape() {
        core.submit(AtCommand.withPrompt("AT+CMGS=10", "00AA"), now);
        events();
        feed("\r\n> ");
        events();
        at(120_000 * MS);
        List<AtEvent> ev = events();
        assertInstanceOf(AtResult.Timeout.class, completed(ev).result());
        assertEquals("\u001B", sent(ev));
        at(120_300 * MS);
        assertEquals("ATE0S7=40S7?\r", sent(events()));
    }

    @Test
    @DisplayName("HAL-7: an OK without the probe's marker before it does not end the resynchronisation")
    void probeNeedsMarker() {
        core.submit(AtCommand.of("AT"), now);
        at(5_000 * MS);
        at(5_300 * MS);
        assertEquals(AtClientState.PROBING, core.state());
        events();
        feed("\r\nOK\r\n");
        assertEquals(AtClientState.PROBING, core.state());
        feed("\r\n40\r\n\r\nOK\r\n");
        assertEquals(AtClientState.IDLE, core.state());
    }

    @Test
    @DisplayName("HAL-7: repeated timeouts lead to resynchronisation, then a module reset, and probing goes on (never gives up)")
    void repeatedTimeoutsReset() {
        List<AtEvent> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            core.submit(AtCommand.of("AT"), now);
            at(now + 5_000 * MS);
            all.addAll(events());
            if (i < 2) {
                at(now + 300 * MS);
                all.addAll(events());
                feed("\r\n0" + (40 + i) + "\r\nOK\r\n");
                all.addAll(events());
                assertEquals(AtClientState.IDLE, core.state());
            }
        }
        assertInstanceOf(AtEvent.ResetRequested.class, all.get(all.size() - 1));
        assertEquals(AtClientState.BOOTING, core.state());
        // the module stays dead: probes fail, resets repeat with a growing boot wait
        int resets = 0;
        for (int step = 0; step < 2000; step++) {
            at(now + 1_000 * MS);
            for (AtEvent e : events()) {
                if (e instanceof AtEvent.ResetRequested) {
                    resets++;
                }
            }
        }
        // each cycle: the boot wait (10 s doubling to the 5 min cap), then a quiet step and three probes
        // failing after 2 s each (9 one-second steps): resets at 19, 48, 97, 186, 355, 664, 973, 1282,
        // 1591 and 1900 s after the first
        assertEquals(10, resets, "kept resetting");
        // and it comes back
        at(now + 1_000 * MS);
        // the next probe comes within the longest boot wait (capped at 5 min) and a quiet period: 4000
        // steps of 100 ms bound the wait in virtual time
        for (int step = 0; step < 4000 && core.state() != AtClientState.PROBING; step++) {
            at(now + 100 * MS);
        }
        assertEquals(AtClientState.PROBING, core.state(), "probing again within the capped boot wait");
        String probe = sent(events());
        String marker = probe.substring(probe.indexOf('=') + 1, probe.lastIndexOf('S'));
        feed("\r\n" + marker + "\r\n\r\nOK\r\n");
        assertEquals(AtClientState.IDLE, core.state());
        assertEquals(0, core.consecutiveTimeouts());
    }

    @Test
    @DisplayName("HAL-7: a line longer than the buffer gives one typed overflow event and the next line parses")
    void lineOverflow() {
        AtClientCore small = new AtClientCore(AtClientSettings.DEFAULTS.withMaxLineLength(16), UrcTable.STANDARD);
        small.submit(AtCommand.of("AT+CGSN"), 0);
        small.poll();
        byte[] b = ("\r\n" + "9".repeat(40) + "\r\n866123456789012\r\n\r\nOK\r\n").getBytes(StandardCharsets.US_ASCII);
        small.receive(b, 0, b.length, 0);
        AtEvent first = small.poll();
        assertEquals(new AtEvent.LineOverflow(40), first);
        AtEvent.Completed done = assertInstanceOf(AtEvent.Completed.class, small.poll());
        assertEquals(List.of("866123456789012"), done.response().lines());
    }

    @Test
    @DisplayName("HAL-7: after CONNECT bytes are data until CR LF NO CARRIER CR LF, which a split cannot hide")
    void dataMode() {
        core.submit(AtCommand.of("ATA"), now);
        events();
        feed("\r\nCONNECT 9600\r\n/ISk5\r\nNO CARR");
        List<AtEvent> ev = events();
        assertInstanceOf(AtResult.Connect.class, completed(ev).result());
        assertArrayEquals("/ISk5".getBytes(StandardCharsets.US_ASCII),
                ((AtEvent.Data) ev.get(ev.size() - 1)).bytes());
        feed("IER\r\n");
        assertEquals(List.of(new AtEvent.DataModeEnded()), events());
        assertEquals(AtClientState.IDLE, core.state());
    }

    @Test
    @DisplayName("HAL-7: held-back bytes that only look like the start of NO CARRIER are data after a short silence")
    void heldBytesReleased() {
        core.submit(AtCommand.of("ATA"), now);
        feed("\r\nCONNECT\r\n");
        events();
        feed("abc\r\n");
        List<AtEvent> ev = events();
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), ((AtEvent.Data) ev.get(0)).bytes());
        at(now + AtClientCore.DATA_HOLD_NANOS);
        assertArrayEquals("\r\n".getBytes(StandardCharsets.US_ASCII), ((AtEvent.Data) events().get(0)).bytes());
    }

    @Test
    @DisplayName("HAL-7: the +++ escape leaves data mode and ends with the module's OK")
    void escape() {
        core.submit(AtCommand.of("ATD5551234"), now);
        feed("\r\nCONNECT 9600\r\n");
        events();
        assertThrows(IllegalStateException.class, () -> core.submit(AtCommand.of("ATH"), now));
        core.submit(AtCommand.escape(Duration.ofSeconds(1)), now);
        assertEquals("+++", sent(events()));
        feed("\r\nOK\r\n");
        assertTrue(completed(events()).isOk());
        assertEquals(AtClientState.IDLE, core.state());
    }

    @Test
    @DisplayName("HAL-7: NO CARRIER with no command pending is an unsolicited code (a call or ringing ended)")
    void noCarrierIdle() {
        feed("\r\nNO CARRIER\r\n");
        AtEvent.Unsolicited u = assertInstanceOf(AtEvent.Unsolicited.class, events().get(0));
        assertEquals("NO CARRIER", u.urc().header());
    }

    @Test
    @DisplayName("HAL-7: the information-line prefix comes from the command name")
    void prefixes() {
        assertEquals(Optional.of("+CSQ:"), AtCommand.prefixOf("AT+CSQ"));
        assertEquals(Optional.of("+CREG:"), AtCommand.prefixOf("at+creg?"));
        assertEquals(Optional.of("#RFSTS:"), AtCommand.prefixOf("AT#RFSTS"));
        assertEquals(Optional.of("+QPING:"), AtCommand.prefixOf("AT+QPING=1,\"x\""));
        assertEquals(Optional.empty(), AtCommand.prefixOf("ATE0"));
    }
}
