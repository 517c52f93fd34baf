package io.metermodem.cellular.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.metermodem.testsupport.Pieces;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Fuzzing of the sans-I/O AT client core (HAL-7): the input is what the cellular module sends, fed
 * while commands are pending. The core must take any bytes without an exception and
 * <ul>
 *   <li>give the same events however the bytes are split;</li>
 *   <li>hand out only well-formed events: each command completed exactly once with the typed result
 *       its final line names, lines without CR/LF and within the line bound, at most
 *       {@link AtClientCore#MAX_RESPONSE_LINES} of them, URCs with the continuation lines their table
 *       entry asks for, data only in online data mode, only the bytes the protocol sends;</li>
 *   <li>keep what it holds and the events of each step bounded;</li>
 *   <li>afterwards, with a module that answers properly, resynchronise within the longest boot wait
 *       and serve a following {@code AT+CSQ} and an {@code AT+CMGS} prompt exchange exactly.</li>
 * </ul>
 * The first command is the one the input answers (an input holding {@code CONNECT} answers
 * {@code ATA}, one holding {@code +CMGS} or a prompt {@code AT+CMGS}, and so on); later ones cycle.
 * Time passes after each piece of input, by a step the piece's first byte chooses: 0 ms for control
 * characters (CR, LF), 1 to 10 ms for text, 25 ms, 300 ms, 2 s and 10 s for bytes from 0x80 up, so
 * the fuzzer reaches the data hold, quiet period, probe and command timeouts. The committed inputs
 * in {@code AtClientCoreFuzzTestInputs/moduleBytes/} are real Quectel and Telit answers.
 */
class AtClientCoreFuzzTest {

    private static final long MS = 1_000_000L;
    private static final int LINE = 64;
    private static final long[] STEP_MILLIS = {0, 1, 5, 10, 25, 300, 2_000, 10_000};
    private static final byte[] NO_CARRIER = "\r\nNO CARRIER\r\n".getBytes(StandardCharsets.US_ASCII);

    /** The commands the driver sends, and the marker in an answer that points at each. */
    private static final List<AtCommand> COMMANDS = List.of(
            AtCommand.of("ATA"),
            AtCommand.withPrompt("AT+CMGS=5", "00AABBCCDDEE"),
            AtCommand.of("AT+CMGR=1"),
            AtCommand.of("AT+CREG?"),
            AtCommand.of("AT+COPS?"),
            AtCommand.of("AT+CSQ"));
    private static final List<String> MARKERS = List.of("CONNECT", "+CMGS", "+CMGR", "+CREG", "+COPS", "");

    @FuzzTest
    void moduleBytes(byte[] input) {
        int first = firstCommand(input);
        List<String> whole = splitRun(COMMANDS.get(first), List.of(input));
        assertEquals(whole, splitRun(COMMANDS.get(first), Pieces.oneByOne(input)), "one byte at a time");
        assertEquals(whole, splitRun(COMMANDS.get(first), Pieces.steeredBy(input, 32)), "in pieces the input sizes");

        Session session = new Session(first);
        session.garbage(input);
        session.recover();
        session.wellFormedExchanges();
    }

    private static int firstCommand(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < MARKERS.size(); i++) {
            if (text.contains(MARKERS.get(i)) || i == 1 && text.contains(">")) {
                return i;
            }
        }
        return COMMANDS.size() - 1;
    }

    // ---- the same events however the bytes are split ----

    /** @return the events of one command answered by the pieces, all at time 0, data merged */
    private static List<String> splitRun(AtCommand command, List<byte[]> pieces) {
        AtClientCore core = new AtClientCore(AtClientSettings.DEFAULTS, UrcTable.STANDARD);
        core.submit(command, 0);
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<byte[]> steps = new ArrayList<>();
        steps.add(new byte[0]); // the command goes out before any answer
        steps.addAll(pieces);
        for (byte[] piece : steps) {
            core.receive(piece, 0, piece.length, 0);
            AtEvent e;
            while ((e = core.poll()) != null) {
                if (e instanceof AtEvent.Data d) {
                    data.writeBytes(d.bytes());
                    continue;
                }
                if (data.size() > 0) {
                    out.add("data " + HexFormat.of().formatHex(data.toByteArray()));
                    data.reset();
                }
                out.add(e instanceof AtEvent.Transmit t ? "tx " + HexFormat.of().formatHex(t.bytes()) : e.toString());
            }
        }
        if (data.size() > 0) {
            out.add("data " + HexFormat.of().formatHex(data.toByteArray()));
        }
        out.add("state " + core.state());
        return out;
    }

    // ---- a session: garbage, recovery, well-formed exchanges ----

    /** One core with short lines, the commands sent to it and every event checked as it comes. */
    private static final class Session {
        private final AtClientSettings settings = AtClientSettings.DEFAULTS.withMaxLineLength(LINE);
        private final AtClientCore core = new AtClientCore(settings, UrcTable.STANDARD);
        private final int bound = LINE * (AtClientCore.MAX_RESPONSE_LINES + 6) + 64;
        private final List<AtEvent> heard = new ArrayList<>();
        private long now;
        private int next;
        private int submitted;
        private int completed;
        private AtCommand pending;
        private boolean awaitingPrompt;
        private boolean online;
        /** Whether the module answers: not during the garbage, which is the module's side of the line. */
        private boolean answering;

        Session(int first) {
            this.next = first;
        }

        void garbage(byte[] input) {
            for (int at = 0; at < input.length; ) {
                int size = Math.min(input.length - at, 1 + (input[at] & 0x1F));
                if (core.isReady()) {
                    submit(COMMANDS.get(next++ % COMMANDS.size()));
                } else if (core.state() == AtClientState.DATA && input[at] == '+') {
                    submit(AtCommand.escape(java.time.Duration.ofSeconds(1)));
                }
                core.receive(input, at, size, now);
                now += STEP_MILLIS[(input[at] & 0xFF) >>> 5] * MS;
                core.advanceTime(now);
                int events = drain();
                // a byte ends at most one line or prompt, the end of NO CARRIER also hands out the data before it,
                // the piece's data is one more event; a submit and a timeout (completion, ESC, resync) add four
                assertTrue(events <= 2 * size + 4, () -> "events " + events);
                assertTrue(core.bufferedBytes() <= bound, () -> "held " + core.bufferedBytes());
                at += size;
            }
        }

        /**
         * The module behaves from now on: the line that was being sent ends, a call in progress is hung
         * up (whatever came before, CR LF NO CARRIER CR LF ends online data mode), and every command and
         * probe gets its proper answer. The core must be ready within the longest boot wait.
         */
        void recover() {
            answering = true;
            feed("\r\n".getBytes(StandardCharsets.US_ASCII));
            if (core.state() == AtClientState.DATA) {
                feed(NO_CARRIER);
                assertFalse(core.state() == AtClientState.DATA, "NO CARRIER ends online data mode");
            }
            // longest boot wait (5 min cap) plus probes and quiet periods: 10 min in steps of 100 ms
            for (int step = 0; step < 6_000 && !core.isReady(); step++) {
                now += 100 * MS;
                core.advanceTime(now);
                drain();
            }
            assertTrue(core.isReady(), () -> "not resynchronised: " + core.state());
            assertEquals(submitted, completed, "every command completed exactly once");
        }

        void wellFormedExchanges() {
            // a multi-line URC the garbage began takes the next line as its continuation (TS 27.005 +CMT):
            // then the first answer's line went into that URC, and the command after it is answered exactly
            AtResponse csq = exchange(AtCommand.of("AT+CSQ"));
            if (!csq.lines().equals(List.of("+CSQ: 20,99"))) {
                assertEquals(List.of(), csq.lines());
                assertTrue(heard.stream().anyMatch(e -> e instanceof AtEvent.Unsolicited u
                        && u.urc().lines().size() > 1 && u.urc().lines().getLast().equals("+CSQ: 20,99")),
                        "the missing line went into a URC: " + heard);
                csq = exchange(AtCommand.of("AT+CSQ"));
                assertEquals(List.of("+CSQ: 20,99"), csq.lines());
            }
            assertEquals(new AtResult.Ok(), csq.result());
            AtResponse cmgs = exchange(AtCommand.withPrompt("AT+CMGS=5", "00AABBCCDDEE"));
            assertEquals(List.of("+CMGS: 7"), cmgs.lines());
            assertEquals(new AtResult.Ok(), cmgs.result());
            assertTrue(core.isReady());
        }

        private AtResponse exchange(AtCommand command) {
            heard.clear();
            submit(command);
            drain();
            for (int step = 0; step < 10 && pending != null; step++) {
                now += 10 * MS;
                core.advanceTime(now);
                drain();
            }
            List<AtResponse> done = heard.stream().filter(AtEvent.Completed.class::isInstance)
                    .map(e -> ((AtEvent.Completed) e).response()).toList();
            assertEquals(1, done.size(), () -> "one completion of " + command.text() + " in " + heard);
            return done.getFirst();
        }

        private void submit(AtCommand command) {
            core.submit(command, now);
            submitted++;
            pending = command;
            awaitingPrompt = command.payload().isPresent();
        }

        private void feed(byte[] bytes) {
            core.receive(bytes, 0, bytes.length, now);
            drain();
        }

        /** Polls and checks every event; the module answers what it was sent. */
        private int drain() {
            int n = 0;
            AtEvent e;
            ByteArrayOutputStream replies = new ByteArrayOutputStream();
            while ((e = core.poll()) != null) {
                n++;
                heard.add(e);
                check(e, replies);
            }
            if (replies.size() > 0) {
                feed(replies.toByteArray());
            }
            return n;
        }

        private void check(AtEvent event, ByteArrayOutputStream replies) {
            switch (event) {
                case AtEvent.Transmit t -> transmitted(t.bytes(), replies);
                case AtEvent.Completed c -> {
                    AtResponse r = c.response();
                    assertTrue(pending != null && r.command() == pending, () -> "completion of " + r.command().text()
                            + " while " + (pending == null ? "nothing" : pending.text()) + " was pending");
                    completed++;
                    pending = null;
                    awaitingPrompt = false;
                    assertTrue(r.lines().size() <= AtClientCore.MAX_RESPONSE_LINES, "lines " + r.lines().size());
                    r.lines().forEach(this::checkLine);
                    checkResult(r.result());
                    online = r.result() instanceof AtResult.Connect;
                }
                case AtEvent.Unsolicited u -> {
                    List<String> lines = u.urc().lines();
                    lines.forEach(this::checkLine);
                    int following = UrcTable.STANDARD.match(u.urc().header());
                    if (following < 0) {
                        assertEquals(List.of("NO CARRIER"), lines, "only NO CARRIER is unsolicited outside the table");
                    } else {
                        assertEquals(following + 1, lines.size(), lines::toString);
                    }
                }
                case AtEvent.Discarded d -> checkLine(d.line());
                case AtEvent.LineOverflow o -> assertTrue(o.droppedBytes() > LINE, o::toString);
                case AtEvent.Data d -> {
                    assertTrue(online, "data outside online data mode");
                    assertTrue(d.bytes().length > 0);
                }
                case AtEvent.DataModeEnded ended -> {
                    assertTrue(online, "online data mode ended twice");
                    online = false;
                }
                case AtEvent.ResyncStarted s -> assertTrue(s.attempt() >= 1 && s.attempt() <= settings.maxProbes(),
                        s::toString);
                case AtEvent.ResyncDone done -> assertEquals(null, pending);
                case AtEvent.ResetRequested reset -> assertTrue(reset.resets() >= 1, reset::toString);
            }
        }

        private void checkLine(String line) {
            assertTrue(!line.isEmpty() && line.length() <= LINE, () -> "line of " + line.length());
            assertTrue(line.indexOf('\r') < 0 && line.indexOf('\n') < 0, line);
        }

        private static void checkResult(AtResult result) {
            switch (result) {
                case AtResult.CmeError e -> checkErrorCode(e.code(), e.text());
                case AtResult.CmsError e -> checkErrorCode(e.code(), e.text());
                case AtResult.Connect c -> c.rate().ifPresent(rate -> assertFalse(rate.isBlank(),
                        "CONNECT with a blank rate is CONNECT without one"));
                default -> {
                }
            }
        }

        /** The code is there exactly when the text is 1..6 ASCII digits. */
        private static void checkErrorCode(OptionalInt code, String text) {
            assertEquals(text.trim(), text);
            boolean numeric = text.matches("[0-9]{1,6}");
            assertEquals(numeric ? OptionalInt.of(Integer.parseInt(text)) : OptionalInt.empty(), code, text);
        }

        /** Only what the protocol sends goes out; after the garbage the module answers it. */
        private void transmitted(byte[] bytes, ByteArrayOutputStream replies) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            Optional<String> answer;
            if (pending != null && pending.raw() && text.equals(pending.text())) {
                // the escape: the data held back before it has been handed out, command mode follows
                online = false;
            }
            if (pending != null && text.equals(pending.raw() ? pending.text() : pending.text() + "\r")) {
                answer = Optional.of(switch (pending.text()) {
                    case "AT+CSQ" -> "\r\n+CSQ: 20,99\r\n\r\nOK\r\n";
                    case "AT+CMGS=5" -> "\r\n> ";
                    case "AT+CREG?" -> "\r\n+CREG: 2,1,\"1A2B\",\"01C3D4E5\",7\r\n\r\nOK\r\n";
                    case "AT+COPS?" -> "\r\n+COPS: 0,0,\"Telekom.de\",7\r\n\r\nOK\r\n";
                    case "AT+CMGR=1" -> "\r\n+CMS ERROR: 321\r\n";
                    case "ATA" -> "\r\nNO CARRIER\r\n";
                    default -> "\r\nOK\r\n";
                });
            } else if (pending != null && pending.payload().isPresent()
                    && text.equals(pending.payload().get() + "\u001A")) {
                assertTrue(awaitingPrompt, "payload sent twice");
                awaitingPrompt = false;
                answer = Optional.of("\r\n+CMGS: 7\r\n\r\nOK\r\n");
            } else if (text.equals("\u001B")) {
                answer = Optional.empty(); // ESC after a prompt command timed out
            } else if (text.matches("ATE0S7=[4-9][0-9]S7\\?\r")) {
                answer = Optional.of("\r\n0" + text.substring(7, 9) + "\r\n\r\nOK\r\n");
            } else {
                fail("unexpected bytes sent: " + HexFormat.of().formatHex(bytes));
                return;
            }
            if (answering) {
                answer.ifPresent(a -> replies.writeBytes(a.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
    }
}
