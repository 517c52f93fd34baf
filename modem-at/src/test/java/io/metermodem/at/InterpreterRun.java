package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.metermodem.config.ChangeOutcome;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.Parameter;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.Transaction;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.password.PasswordHash;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.cellular.DialOutcome;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One interpreter on a fresh mock board whose configuration holds secrets (APN password, SIM PIN,
 * the three passwords), fed the way the serial console and the remote TCP driver feed it, in virtual
 * time. Every piece of output is recorded with the framing and settings in force when it was sent,
 * so that a test can check it is a V.250 result code, information text or an echo of the input, and
 * nothing else. Used by the interpreter's fuzz test and its properties (AT-1, AT-4, AT-8, AT-9, AT-22).
 *
 * <p>Input convention of {@link #feed}: an LF byte (0x0A) is not delivered; each one lets
 * {@link #PAUSE} of virtual time pass, so an input can wait for a dialled call, a guard time or a
 * power cycle. V.250 ignores LF in command lines anyway.
 */
final class InterpreterRun implements AutoCloseable {

    static final ParameterRegistry REGISTRY = ParameterRegistry.wmE2s(PasswordHash.MIN_ITERATIONS);
    /** Virtual time one LF of {@link #feed}'s input stands for. */
    static final Duration PAUSE = Duration.ofSeconds(1);
    /** Numbers the mock network answers, finds busy, or lets ring unanswered; others give NO CARRIER. */
    static final String ANSWERING = "123";
    static final String BUSY = "5551";
    static final String NOT_ANSWERING = "5552";
    /** Longest information text line the interpreter may send (AT+CGDCONT? with the longest APN is ~80). */
    static final int MAX_INFO = 160;

    private static final String BOARD = "at-fuzz";
    private static final Map<String, String> SECRETS = secrets();
    private static final byte[] CONFIGURED_FLASH;
    /** The secret values and the stored forms of the passwords: none may reach the terminal. */
    private static final List<String> SECRET_TEXTS;
    private static final Pattern NUMERIC_RESULT = Pattern.compile("[0-46-8]|\\+CME ERROR: \\d{1,3}");

    static {
        // Hashing the passwords is the slow part of a fresh configuration: done once, the flash copied.
        try (MockBoard board = MockBoard.builder().name(BOARD).build()) {
            ConfigurationService config = open(board);
            Transaction.Builder tx = Transaction.builder();
            SECRETS.forEach(tx::set);
            assertInstanceOf(ChangeOutcome.Committed.class, config.apply(tx.build()));
            List<String> texts = new ArrayList<>(SECRETS.values());
            for (Parameter p : REGISTRY.parameters()) {
                if (p.isPassword()) {
                    texts.add(config.current().valueText(p.name()));
                }
            }
            SECRET_TEXTS = List.copyOf(texts);
            CONFIGURED_FLASH = board.nonVolatileMemory().snapshot();
        }
    }

    /** What one {@code AtTerminal.send} carried, with the settings it was sent under. */
    record Sent(byte[] bytes, LineFraming framing, boolean verbose, char cr, char lf) {
    }

    final AtInterface iface;
    final MockBoard board;
    final ConfigurationService config;
    final AtInterpreter at;
    final List<Sent> sent = new ArrayList<>();
    final List<AtEvent> events = new ArrayList<>();
    private final ByteArrayOutputStream delivered = new ByteArrayOutputStream();
    private AtInterpreter recording;

    InterpreterRun(AtInterface iface) {
        this.iface = iface;
        board = MockBoard.builder().name(BOARD).build();
        board.nonVolatileMemory().loadFrom(CONFIGURED_FLASH);
        config = open(board);
        board.network().registerOn(AccessTechnology.LTE, "MeterNet").rssi(-73)
                .onDial(ANSWERING, DialOutcome.ANSWER).onDial(BUSY, DialOutcome.BUSY)
                .onDial(NOT_ANSWERING, DialOutcome.NO_ANSWER);
        board.advance(Duration.ZERO);
        at = AtInterpreter.builder().interfaceType(iface).scheduler(board.scheduler())
                .cellularModule(board.cellularModule()).configuration(config)
                .terminal(this::record).events(this::event).build();
        recording = at;
    }

    private static Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("conn.apn_pass", "Zq7-apn-Secret");
        secrets.put("sim.pin", "90817263");
        secrets.put("sec.comm_password", "Comm-Pw-5521!");
        secrets.put("sec.config_password", "Cfg-Pw-7734!");
        secrets.put("csd.password", "Csd-Pw-9012!");
        return secrets;
    }

    private static ConfigurationService open(MockBoard board) {
        return ConfigurationService.open(REGISTRY,
                new ConfigurationStore(board.nonVolatileMemory(), new AtRestCipher(board.deviceKey())));
    }

    private void record(byte[] bytes) {
        if (recording == null) {
            fail("output before the interpreter was built");
        }
        // Called inside the interpreter's own (reentrant) lock: these reads see the state it sends under.
        AtProfile profile = recording.profile();
        sent.add(new Sent(bytes.clone(), recording.framing(), profile.verbose(),
                (char) profile.register(SRegister.S3), (char) profile.register(SRegister.S4)));
    }

    private void event(AtEvent event) {
        if (event instanceof AtEvent.CommandFailed failed) {
            throw new AssertionError("AT" + failed.line() + ": " + failed.command() + " threw", failed.failure());
        }
        events.add(event);
    }

    /**
     * Delivers bytes as they are, in one call.
     *
     * @param data the buffer
     * @param from first byte
     * @param to   end, exclusive
     */
    void deliver(byte[] data, int from, int to) {
        delivered.write(data, from, to - from);
        at.receive(data, from, to - from);
    }

    /**
     * Feeds an input by the LF convention: the bytes between LFs in pieces made by {@code split}, and
     * {@link #PAUSE} at each LF.
     *
     * @param input the input
     * @param split cuts a run of bytes into the pieces of successive {@code receive} calls
     */
    void feed(byte[] input, Function<byte[], List<byte[]>> split) {
        int from = 0;
        for (int k = 0; k <= input.length; k++) {
            if (k == input.length || input[k] == '\n') {
                byte[] run = java.util.Arrays.copyOfRange(input, from, k);
                for (byte[] piece : split.apply(run)) {
                    deliver(piece, 0, piece.length);
                }
                if (k < input.length) {
                    board.advance(PAUSE);
                }
                from = k + 1;
            }
        }
    }

    /** @return every byte sent to the terminal so far */
    byte[] output() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        sent.forEach(s -> all.writeBytes(s.bytes()));
        return all.toByteArray();
    }

    /** @return the state a terminal can see, to compare two runs */
    String state() {
        return at.mode() + " " + at.framing() + " call=" + at.inCall() + " rssiDisplay=" + at.rssiDisplayOn()
                + " profile=" + at.profile().canonical() + " stored=" + at.storedProfile().canonical()
                + " config=" + config.current().values();
    }

    /**
     * Every piece of output is a V.250 result code or information text, framed for the settings it
     * was sent under (AT-9, AT-22) and encoded in the framing recognised (AT-1), or else an echo of
     * input bytes in their order (AT-4); no secret of the configuration appears that the input did not
     * itself type.
     */
    void assertAnswersWellFormed() {
        byte[] in = delivered.toByteArray();
        int cursor = 0;
        // The echo goes out in pieces of at most 256 bytes, so a rub-out may straddle two sends:
        // consecutive sends that are no message are matched as one echo.
        ByteArrayOutputStream echo = new ByteArrayOutputStream();
        Sent first = null;
        for (Sent s : sent) {
            if (isMessage(s)) {
                if (first != null) {
                    cursor = echoOf(first, echo.toByteArray(), in, cursor);
                    echo.reset();
                    first = null;
                }
            } else {
                first = first == null ? s : first;
                echo.writeBytes(s.bytes());
            }
        }
        if (first != null) {
            echoOf(first, echo.toByteArray(), in, cursor);
        }
        String typed = sevenBit(in);
        String shown = sevenBit(output());
        for (String secret : SECRET_TEXTS) {
            assertTrue(!shown.contains(secret) || typed.contains(secret), "a secret reached the terminal: " + secret);
        }
    }

    private static boolean isMessage(Sent s) {
        StringBuilder text = new StringBuilder(s.bytes().length);
        for (byte b : s.bytes()) {
            int v = b & 0xFF;
            if (s.framing() == LineFraming.F7E1) {
                if ((v >> 7) != LineFraming.evenParity(v)) {
                    return false;
                }
                v &= 0x7F;
            } else if (v > 0x7F) {
                return false;
            }
            text.append((char) v);
        }
        String t = text.toString();
        String crlf = "" + s.cr() + s.lf();
        if (s.verbose()) {
            // CR LF text CR LF: a verbose result code or information text.
            return t.length() > 4 && t.startsWith(crlf) && t.endsWith(crlf) && printable(t.substring(2, t.length() - 2));
        }
        if (t.length() >= 2 && t.charAt(t.length() - 1) == s.cr()
                && NUMERIC_RESULT.matcher(t.substring(0, t.length() - 1)).matches()) {
            return true; // a numeric result code, or +CME ERROR framed like one
        }
        // Information text under ATV0: text CR LF.
        return t.length() > 2 && t.endsWith(crlf) && printable(t.substring(0, t.length() - 2));
    }

    private static boolean printable(String text) {
        return text.length() <= MAX_INFO && text.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7E);
    }

    /**
     * Matches an echo against the input: every byte is the next occurrence of itself in the input,
     * and a rub-out (the editing character, a space, the editing character) stands for one input byte.
     */
    private static int echoOf(Sent s, byte[] b, byte[] in, int cursor) {
        int k = 0;
        while (k < b.length) {
            boolean rubOut = k + 2 < b.length && b[k] == b[k + 2] && (b[k + 1] & 0x7F) == ' ';
            while (cursor < in.length && in[cursor] != b[k]) {
                cursor++;
            }
            if (cursor == in.length) {
                fail("output is neither a result code, information text nor an echo of the input: "
                        + HexFormat.ofDelimiter(" ").formatHex(b) + " (" + sevenBit(b).replace("\r", "\\r")
                        .replace("\n", "\\n") + ") under " + s.framing() + (s.verbose() ? " V1" : " V0"));
            }
            cursor++;
            k += rubOut ? 3 : 1;
        }
        return cursor;
    }

    private static String sevenBit(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int k = 0; k < bytes.length; k++) {
            chars[k] = (char) (bytes[k] & 0x7F);
        }
        return new String(chars);
    }

    /**
     * The state stays consistent: a call exists exactly in the online modes (AT-7, AT-24), the remote
     * interface never dials and keeps 8N1 (AT-1, AT-19), the profile is in range and canonical (AT-21),
     * and the flash holds exactly the configuration in force.
     */
    void assertConsistent() {
        AtMode mode = at.mode();
        boolean online = mode == AtMode.ONLINE_DATA || mode == AtMode.ONLINE_COMMAND;
        assertEquals(online, at.inCall(), "a call exists exactly in the online modes: " + state());
        if (iface == AtInterface.REMOTE) {
            assertEquals(LineFraming.F8N1, at.framing());
            assertEquals(List.of(), board.network().dialledNumbers(), "the remote interface never dials");
        }
        AtProfile p = at.profile();
        assertTrue(p.resultSet() >= 0 && p.resultSet() <= 4, p.toString());
        assertTrue(p.dcdMode() >= 0 && p.dcdMode() <= 2, p.toString());
        assertTrue(p.dtrMode() >= 0 && p.dtrMode() <= 2, p.toString());
        assertTrue(p.flowControl() == 0 || p.flowControl() == 3, p.toString());
        for (SRegister r : SRegister.values()) {
            assertTrue(r.accepts(p.register(r)), r + "=" + p.register(r));
        }
        assertEquals(p, AtProfile.parse(p.canonical()).orElseThrow());
        assertTrue(AtProfile.parse(config.current().text(AtProfile.PARAMETER)).isPresent());
        assertEquals(config.current(), open(board).current(), "the flash holds the configuration in force");
    }

    /**
     * Whatever came before, once any open line is ended and pending calls, timers and power cycles have
     * run out (the far end hanging up a call that is still up), a plain {@code AT} and the terminator
     * is answered exactly with its echo and {@code OK} as the profile asks (AT-4, AT-8, AT-9, AT-22),
     * in 8N1 (AT-1).
     */
    void assertPlainAtAnswersOk() {
        byte s3 = (byte) at.profile().register(SRegister.S3);
        // Twice: a terminator that is itself 'T' may have just opened a line after a stray 'A'.
        deliver(new byte[] {s3, s3}, 0, 2);
        board.advance(Duration.ofSeconds(300)); // beyond S7 (at most 255 s), a dial and a power cycle
        if (at.inCall()) {
            board.network().lastCall().orElseThrow().hangUp();
            board.advance(PAUSE);
        }
        assertEquals(AtMode.COMMAND, at.mode(), state());
        AtProfile p = at.profile();
        s3 = (byte) p.register(SRegister.S3); // the open line may have moved the terminator itself
        char cr = (char) p.register(SRegister.S3);
        char lf = (char) p.register(SRegister.S4);
        StringBuilder expected = new StringBuilder();
        if (p.echo()) {
            // A line's editing character is not echoed when it erases nothing: the prompt stays.
            expected.append('A').append(p.register(SRegister.S5) == 'T' ? "" : "T").append(cr);
        }
        if (!p.quiet()) {
            expected.append(p.verbose() ? crlfAround(cr, lf) : "0" + cr);
        }
        int before = sent.size();
        deliver(new byte[] {'A', 'T', s3}, 0, 3);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        sent.subList(before, sent.size()).forEach(s -> answer.writeBytes(s.bytes()));
        assertEquals(expected.toString(), answer.toString(StandardCharsets.ISO_8859_1), "AT answered under " + p);
        if (iface == AtInterface.LOCAL) {
            assertEquals(LineFraming.F8N1, at.framing(), "a plain 8N1 AT switches back to 8N1");
        }
    }

    private static String crlfAround(char cr, char lf) {
        return "" + cr + lf + "OK" + cr + lf;
    }

    @Override
    public void close() {
        at.close();
        board.close();
    }
}
