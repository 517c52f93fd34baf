package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ConfigurationService;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.ValueCheck;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.password.PasswordHash;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.mock.MockBoard;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Fuzzing the line assembler, the parser and the whole interpreter. */
class AtProperties {

    private static final ParameterRegistry REGISTRY = ParameterRegistry.wmE2s(PasswordHash.MIN_ITERATIONS);

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
        Arbitrary<String> tokens = Arbitraries.of("AT", "at", "A/", "\r", "\n", "\b", "+", "&", "S", "=", "?", "\"",
                "E1", "V0", "Q1", "X4", "&C2", "&D2", "&K3", "S0=", "S12=", "S2=", "+CGDCONT=1,\"IP\",\"", "+CBST=",
                "+S", "+I", "+IP?", "+0", "&W", "&F", "Z", "D123", "A", "H", "O", "+R", "+CLCC", ";", ",", "999999",
                "\u0000", "\u00ff", "\u00c1\u00d4");
        Arbitrary<byte[]> structured = tokens.list().ofMaxSize(300)
                .map(list -> String.join("", list).getBytes(StandardCharsets.ISO_8859_1));
        return Arbitraries.oneOf(random, structured);
    }

    @Property(tries = 300)
    @Label("AT-22: the line assembler takes any bytes, holds at most MAX_LINE characters and never throws")
    void assemblerBounded(@ForAll("noise") byte[] input) {
        CommandLineAssembler assembler = new CommandLineAssembler();
        for (byte b : input) {
            assertNotNull(assembler.accept(b & 0xFF, 13, 8));
            assertTrue(assembler.length() <= CommandLineAssembler.MAX_LINE);
        }
    }

    @Property(tries = 500)
    @Label("AT-23: the parser answers every line with commands or a failure with a position inside the line")
    void parserTotal(@ForAll("noise") byte[] input) {
        String line = new String(input, StandardCharsets.ISO_8859_1);
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
    @Label("AT-22: the interpreter takes any byte stream in any split without an exception, answering within bounds")
    void interpreterRobust(@ForAll("noise") byte[] input, @ForAll("cuts") List<Integer> cuts,
                           @ForAll boolean remote) {
        try (MockBoard board = MockBoard.builder().build()) {
            board.network().registerOn(AccessTechnology.LTE, "Fuzz");
            ConfigurationService config = ConfigurationService.open(REGISTRY,
                    new ConfigurationStore(board.nonVolatileMemory(), new AtRestCipher(board.deviceKey())));
            long[] produced = {0};
            AtInterpreter at = AtInterpreter.builder()
                    .interfaceType(remote ? AtInterface.REMOTE : AtInterface.LOCAL)
                    .scheduler(board.scheduler()).cellularModule(board.cellularModule()).configuration(config)
                    .terminal(bytes -> produced[0] += bytes.length).build();
            int from = 0;
            for (int cut : cuts) {
                int to = Math.min(input.length, from + cut);
                at.receive(input, from, to - from);
                board.advance(Duration.ofMillis(700));
                from = to;
            }
            at.receive(input, from, input.length - from);
            board.advance(Duration.ofSeconds(30));
            at.close();
            // Each input byte yields at most its echo, a rub-out and one line's answers (AT+I: 5 lines).
            assertTrue(produced[0] <= 3L * input.length + 400L * (1 + input.length / 2), "output " + produced[0]);
        }
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 64).list().ofMaxSize(20);
    }

    @Property(tries = 200)
    @Label("AT-1: any line typed by a 7E1 terminal and read at 8N1 is recognised as 7E1 at its CR")
    void sevenEOneRecognised(@ForAll("asciiLines") String line) {
        CommandLineAssembler assembler = new CommandLineAssembler();
        CommandLineAssembler.Step last = null;
        for (char ch : ("AT" + line + "\r").toCharArray()) {
            int wire = ch | (LineFraming.evenParity(ch) << 7);
            last = assembler.accept(wire, 13, 8);
        }
        assertTrue(last == CommandLineAssembler.Step.LINE || last == CommandLineAssembler.Step.OVERFLOW);
        assertTrue(assembler.framingEvidence() == LineFraming.F7E1);
    }

    @Provide
    Arbitrary<String> asciiLines() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300);
    }

    @Property(tries = 200)
    @Label("AT-1: any line typed by an 8N1 terminal is recognised as 8N1 at its CR")
    void eightNOneRecognised(@ForAll("asciiLines") String line) {
        CommandLineAssembler assembler = new CommandLineAssembler();
        for (char ch : ("at" + line + "\r").toCharArray()) {
            assembler.accept(ch, 13, 8);
        }
        assertTrue(assembler.framingEvidence() == LineFraming.F8N1);
    }


    @Provide
    Arbitrary<AtProfile> profiles() {
        Arbitrary<int[]> values = Arbitraries.integers().between(0, 255).array(int[].class)
                .ofSize(7 + SRegister.values().length);
        return values.map(v -> {
            AtProfile p = AtProfile.factory();
            p.echo(v[0] % 2 == 1);
            p.quiet(v[1] % 2 == 1);
            p.verbose(v[2] % 2 == 1);
            p.resultSet(v[3] % 5);
            p.dcdMode(v[4] % 3);
            p.dtrMode(v[5] % 3);
            p.flowControl(v[6] % 2 == 0 ? 0 : 3);
            for (SRegister r : SRegister.values()) {
                if (r != SRegister.S1) {
                    p.register(r, r.min() + v[7 + r.ordinal()] % (r.max() - r.min() + 1));
                }
            }
            return p;
        });
    }

    @Property(tries = 300)
    @Label("AT-21: every profile AT&W can store is accepted by at.profile and read back equal")
    void profileRoundTrip(@ForAll("profiles") AtProfile profile) {
        String text = profile.canonical();
        ValueCheck.Valid valid = assertInstanceOf(ValueCheck.Valid.class,
                REGISTRY.parameter(AtProfile.PARAMETER).type().check(text), text);
        assertEquals(text, valid.canonical());
        assertEquals(profile, AtProfile.parse(text).orElseThrow());
    }

    @Provide
    Arbitrary<String> profileNoise() {
        Arbitrary<String> tokens = Arbitraries.of("E1", "E0", "Q1", "V0", "X4", "X9", "&C2", "&D1", "&K3", "&K", "S0=3",
                "S1=0", "S2=43", "S3=13", "S4=10", "S5=8", "S6=2", "S7=60", "S8=2", "S10=14", "S12=50", "S99=1", "S7=0",
                "S=", "=", " ", "  ", "E", "007", "\u0000", "\u00ff");
        Arbitrary<String> structured = tokens.list().ofMaxSize(40).map(l -> String.join(" ", l));
        return Arbitraries.oneOf(structured, Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of(ParameterRegistry.AT_PROFILE_FACTORY));
    }

    @Property(tries = 500)
    @Label("AT-21: reading a stored profile never throws; whatever it accepts is complete, in range and canonical again")
    void profileParserTotal(@ForAll("profileNoise") String text) {
        AtProfile.parse(text).ifPresent(p -> {
            assertTrue(text.length() <= AtProfile.MAX_TEXT);
            assertEquals(p, AtProfile.parse(p.canonical()).orElseThrow());
            assertInstanceOf(ValueCheck.Valid.class, REGISTRY.parameter(AtProfile.PARAMETER).type().check(p.canonical()));
        });
    }
}
