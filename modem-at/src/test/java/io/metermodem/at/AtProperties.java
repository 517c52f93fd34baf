package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.ValueCheck;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of the line assembler, the command parser, the whole interpreter and the stored
 * profile: any bytes are taken without an exception and answered within bounds (AT-22, AT-23), the
 * framing of any line is recognised (AT-1), any input split gives the same answers (AT-22), and every
 * profile {@code AT&W} can store reads back equal (AT-21).
 */
class AtProperties {

    private static final ParameterRegistry REGISTRY = InterpreterRun.REGISTRY;

    /** Pieces of command lines, mixed so that chains, registers and extended commands meet. */
    private static final String[] LINE_TOKENS = {"AT", "at", "A/", "\r", "\n", "\b", "+", "&", "S", "=", "?", "\"",
        "E1", "V0", "Q1", "X4", "&C2", "&D2", "&K3", "S0=", "S12=", "S2=", "+CGDCONT=1,\"IP\",\"", "+CBST=",
        "+S", "+I", "+IP?", "+0", "&W", "&F", "Z", "D123", "A", "H", "O", "+R", "+CLCC", ";", ",", "999999",
        "\u0000", "\u00ff", "\u00c1\u00d4"};

    private static final String[] PROFILE_TOKENS = {"E1", "E0", "Q1", "V0", "X4", "X9", "&C2", "&D1", "&K3", "&K",
        "S0=3", "S1=0", "S2=43", "S3=13", "S4=10", "S5=8", "S6=2", "S7=60", "S8=2", "S10=14", "S12=50", "S99=1",
        "S7=0", "S=", "=", " ", "  ", "E", "007", "\u0000", "\u00ff"};

    /** Half the time any bytes (up to 2,000), half the time up to 300 command-line tokens. */
    static byte[] noise(Gen gen) {
        if (gen.bool()) {
            return gen.bytes(0, 2_000);
        }
        return String.join("", gen.listOf(0, 300, () -> gen.oneOf(LINE_TOKENS))).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Property(tries = 300)
    @DisplayName("AT-22: the line assembler takes any bytes, holds at most MAX_LINE characters and never throws")
    void assemblerBounded(Gen gen) {
        byte[] input = noise(gen);
        CommandLineAssembler assembler = new CommandLineAssembler();
        for (byte b : input) {
            assertNotNull(assembler.accept(b & 0xFF, 13, 8));
            assertTrue(assembler.length() <= CommandLineAssembler.MAX_LINE);
        }
    }

    @Property(tries = 500)
    @DisplayName("AT-23: the parser answers every line with commands or a failure with a position inside the line")
    void parserTotal(Gen gen) {
        String line = new String(noise(gen), StandardCharsets.ISO_8859_1);
        ParsedLine parsed = CommandParser.parse(line);
        if (parsed instanceof ParsedLine.Failure f) {
            assertTrue(f.position() >= 0 && f.position() <= line.length(), f.toString());
        } else {
            List<AtCommand> commands = ((ParsedLine.Commands) parsed).commands();
            long extended = commands.stream().filter(c -> c.kind() == AtCommand.Kind.EXTENDED).count();
            assertTrue(extended == 0 || commands.size() == 1, "an extended command stands alone (AT-23)");
        }
    }

    @Property(tries = 150)
    @DisplayName("AT-22: the interpreter takes any byte stream in any split without an exception, answering within bounds")
    void interpreterRobust(Gen gen) {
        byte[] input = noise(gen);
        List<Integer> cuts = gen.listOf(0, 20, () -> gen.intBetween(0, 64));
        AtInterface iface = gen.bool() ? AtInterface.REMOTE : AtInterface.LOCAL;
        try (InterpreterRun run = new InterpreterRun(iface)) {
            int from = 0;
            for (int cut : cuts) {
                int to = Math.min(input.length, from + cut);
                run.deliver(input, from, to);
                run.board.advance(Duration.ofMillis(700));
                from = to;
            }
            run.deliver(input, from, input.length);
            run.board.advance(Duration.ofSeconds(30));
            long produced = run.output().length;
            // Each input byte yields at most its echo, a rub-out and one line's answers (AT+I: 5 lines).
            assertTrue(produced <= 3L * input.length + 400L * (1 + input.length / 2), "output " + produced);
            run.assertAnswersWellFormed();
            run.assertConsistent();
            run.assertPlainAtAnswersOk();
        }
    }

    @Property(tries = 150)
    @DisplayName("AT-22: the same input split into other pieces (pauses kept) gives the same answers and the same state")
    void interpreterChunkInvariant(Gen gen) {
        byte[] input = noise(gen);
        AtInterface iface = gen.bool() ? AtInterface.REMOTE : AtInterface.LOCAL;
        try (InterpreterRun whole = new InterpreterRun(iface); InterpreterRun split = new InterpreterRun(iface)) {
            whole.feed(input, run -> List.of(run));
            split.feed(input, gen::chunks);
            assertArrayEquals(whole.output(), split.output());
            assertEquals(whole.state(), split.state());
        }
    }

    @Property(tries = 200)
    @DisplayName("AT-1: any line typed by a 7E1 terminal and read at 8N1 is recognised as 7E1 at its CR")
    void sevenEOneRecognised(Gen gen) {
        String line = gen.printable(0, 300);
        CommandLineAssembler assembler = new CommandLineAssembler();
        CommandLineAssembler.Step last = null;
        for (char ch : ("AT" + line + "\r").toCharArray()) {
            last = assembler.accept(LineFraming.F7E1.encode(ch), 13, 8);
        }
        assertTrue(last == CommandLineAssembler.Step.LINE || last == CommandLineAssembler.Step.OVERFLOW);
        assertEquals(LineFraming.F7E1, assembler.framingEvidence());
    }

    @Property(tries = 200)
    @DisplayName("AT-1: any line typed by an 8N1 terminal is recognised as 8N1 at its CR")
    void eightNOneRecognised(Gen gen) {
        String line = gen.printable(0, 300);
        CommandLineAssembler assembler = new CommandLineAssembler();
        for (char ch : ("at" + line + "\r").toCharArray()) {
            assembler.accept(ch, 13, 8);
        }
        assertEquals(LineFraming.F8N1, assembler.framingEvidence());
    }

    static Stream<Arguments> everyCharacterInEachFraming() {
        return Stream.of(LineFraming.values()).flatMap(framing -> IntStream.range(0, 128)
                .filter(ch -> ch != '\r')
                .mapToObj(ch -> Arguments.of(framing, ch)));
    }

    @ParameterizedTest(name = "{0} 0x{1}")
    @MethodSource("everyCharacterInEachFraming")
    @DisplayName("AT-1: AT, any one 7-bit character and CR, in either framing: the line is that character when printable, and its framing is recognised")
    void everyCharacterInEachFraming(LineFraming framing, int ch) {
        CommandLineAssembler assembler = new CommandLineAssembler();
        CommandLineAssembler.Step last = null;
        for (int c : new int[] {'A', 'T', ch, '\r'}) {
            last = assembler.accept(framing.encode(c), 13, 8);
        }
        assertEquals(CommandLineAssembler.Step.LINE, last);
        assertEquals(ch >= 0x20 && ch < 0x7F ? String.valueOf((char) ch) : "", assembler.line(),
                "printable characters are kept, control characters (and a backspace erasing nothing) are not");
        assertEquals(framing, assembler.framingEvidence());
    }

    /** A profile with every setting drawn from its whole range, edges often. */
    static AtProfile profile(Gen gen) {
        AtProfile p = AtProfile.factory();
        p.echo(gen.bool());
        p.quiet(gen.bool());
        p.verbose(gen.bool());
        p.resultSet(gen.intBetween(0, 4));
        p.dcdMode(gen.intBetween(0, 2));
        p.dtrMode(gen.intBetween(0, 2));
        p.flowControl(gen.oneOf(0, 3));
        for (SRegister r : SRegister.values()) {
            if (r != SRegister.S1) {
                p.register(r, gen.intBetween(r.min(), r.max()));
            }
        }
        return p;
    }

    @Property(tries = 300)
    @DisplayName("AT-21: every profile AT&W can store is accepted by at.profile and read back equal")
    void profileRoundTrip(Gen gen) {
        AtProfile profile = profile(gen);
        String text = profile.canonical();
        ValueCheck.Valid valid = assertInstanceOf(ValueCheck.Valid.class,
                REGISTRY.parameter(AtProfile.PARAMETER).type().check(text), text);
        assertEquals(text, valid.canonical());
        assertEquals(profile, AtProfile.parse(text).orElseThrow());
    }

    /** A third each: profile tokens joined by spaces, any text up to 300 UTF-16 units, the factory profile. */
    static String profileNoise(Gen gen) {
        return switch (gen.uniformInt(0, 2)) {
            case 0 -> String.join(" ", gen.listOf(0, 40, () -> gen.oneOf(PROFILE_TOKENS)));
            case 1 -> gen.anyChars(0, 300);
            default -> ParameterRegistry.AT_PROFILE_FACTORY;
        };
    }

    @Property(tries = 500)
    @DisplayName("AT-21: reading a stored profile never throws; whatever it accepts is complete, in range and canonical again")
    void profileParserTotal(Gen gen) {
        String text = profileNoise(gen);
        AtProfile.parse(text).ifPresent(p -> {
            assertTrue(text.length() <= AtProfile.MAX_TEXT);
            assertEquals(p, AtProfile.parse(p.canonical()).orElseThrow());
            assertInstanceOf(ValueCheck.Valid.class, REGISTRY.parameter(AtProfile.PARAMETER).type().check(p.canonical()));
        });
    }
}
