package io.metermodem.at.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.at.AtInterpreter;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.password.PasswordHash;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** AT scripts (AT-25): parsing the manual's step format and running it in virtual time. */
class AtScriptTest {

    private final MockBoard board = MockBoard.builder().build();
    private final ConfigurationService config = ConfigurationService.open(
            ParameterRegistry.wmE2s(PasswordHash.MIN_ITERATIONS),
            new ConfigurationStore(board.nonVolatileMemory(), new AtRestCipher(board.deviceKey())));
    private final List<ScriptResult> results = new ArrayList<>();

    @AfterEach
    void close() {
        board.close();
    }

    private static AtScript parsed(String text) {
        return assertInstanceOf(AtScript.ParseResult.Parsed.class, AtScript.parse(text)).script();
    }

    @Test
    @DisplayName("AT-25: steps are command;answer;timeout(ms); the last two ';' split, comments and blanks are skipped")
    void parse() {
        AtScript script = parsed("# Itron meter\r\nAT+0;OK;1000\n\nATD123;;CONNECT;60000\rAT&W;;0\n");
        assertEquals(List.of(
                new AtScriptStep(2, "AT+0", "OK", Duration.ofSeconds(1)),
                new AtScriptStep(4, "ATD123;", "CONNECT", Duration.ofMinutes(1)),
                new AtScriptStep(5, "AT&W", "", Duration.ZERO)), script.steps());
    }

    @Test
    @DisplayName("AT-25: malformed steps are reported with their line and column")
    void parseErrors() {
        assertEquals(new AtScript.ParseResult.Failure(2, 8, "expected command;answer;timeout(ms)"),
                AtScript.parse("AT;OK;1\nAT&W;OK"));
        assertEquals(new AtScript.ParseResult.Failure(1, 8, "timeout must be milliseconds, 0..600000"),
                AtScript.parse("ATI;OK;soon"));
        assertEquals(new AtScript.ParseResult.Failure(1, 1, "empty command"), AtScript.parse(" ;OK;100"));
        assertEquals(new AtScript.ParseResult.Failure(1, 8, "timeout above 600000 ms"), AtScript.parse("ATI;OK;999999"));
        assertInstanceOf(AtScript.ParseResult.Failure.class, AtScript.parse("A".repeat(AtScript.MAX_LINE + 1)));
        assertInstanceOf(AtScript.ParseResult.Failure.class,
                AtScript.parse("AT;OK;1\n".repeat(AtScript.MAX_STEPS + 1)));
    }

    @Test
    @DisplayName("AT-25: a control character in a command is reported at its own column, also when the line is indented with it")
    void controlCharacterColumn() {
        // Before: the column of the first such character anywhere in the line, here the indent (1).
        assertEquals(new AtScript.ParseResult.Failure(1, 4, "command holds a control or non-ASCII character"),
                AtScript.parse("\tAT\tI;OK;100"));
        assertEquals(new AtScript.ParseResult.Failure(2, 5, "command holds a control or non-ASCII character"),
                AtScript.parse("AT;OK;1\n  AT\u00e9;OK;1"));
    }

    private AtScriptRunner runnerOnInterpreter() {
        board.network().registerOn(AccessTechnology.LTE, "MeterNet");
        AtScriptRunner[] runner = new AtScriptRunner[1];
        AtInterpreter at = AtInterpreter.builder().scheduler(board.scheduler())
                .cellularModule(board.cellularModule()).configuration(config)
                .terminal(bytes -> runner[0].receive(bytes, 0, bytes.length)).build();
        runner[0] = new AtScriptRunner(board.scheduler(), bytes -> at.receive(bytes, 0, bytes.length));
        return runner[0];
    }

    @Test
    @DisplayName("AT-25: the manual's minimal script (AT+0, AT&W) configures the modem for an Itron meter")
    void runMinimalScript() {
        AtScriptRunner runner = runnerOnInterpreter();
        runner.start(parsed("AT+0;OK;1000\nAT+CGDCONT=1,\"IP\",\"itron.apn\";OK;1000\nAT&W;OK;1000\n"),
                results::add);
        board.advance(Duration.ofSeconds(1));
        assertEquals(List.of(new ScriptResult.Completed(3)), results);
        assertEquals(9600, config.current().intValue("tm.baud"));
        assertEquals("8N1", config.current().word("tm.data_format"));
        assertEquals("itron.apn", config.current().text("conn.apn_name"));
    }

    @Test
    @DisplayName("AT-25: the longest script the parser accepts, answered at once by the interpreter, runs to the end")
    void longestScriptAnsweredAtOnce() {
        AtScriptRunner runner = runnerOnInterpreter();
        runner.start(parsed("ATE0;OK;100\n" + "AT;OK;100\n".repeat(AtScript.MAX_STEPS - 1)), results::add);
        board.advance(Duration.ofSeconds(1));
        assertEquals(List.of(new ScriptResult.Completed(AtScript.MAX_STEPS)), results);
    }

    @Test
    @DisplayName("AT-25: a step answered ERROR fails the run there, later steps do not run")
    void errorStops() {
        AtScriptRunner runner = runnerOnInterpreter();
        runner.start(parsed("ATE0;OK;100\nAT+CGDCONT=9,\"IP\",\"x\";OK;100\nAT+0;OK;100\nAT&W;OK;100"), results::add);
        board.advance(Duration.ofSeconds(1));
        ScriptResult.Failed failed = assertInstanceOf(ScriptResult.Failed.class, results.get(0));
        assertEquals(1, failed.index());
        assertEquals("expected 'OK', got 'ERROR'", failed.reason());
        assertEquals(9600, config.current().intValue("tm.baud"), "default, not written by a later step");
        assertEquals("auto", config.current().word("tm.data_format"));
    }

    @Test
    @DisplayName("AT-25: a step waits for its answer up to its timeout in virtual time")
    void timeout() {
        board.network().onDial("123", io.metermodem.hal.mock.cellular.DialOutcome.ANSWER);
        AtScriptRunner runner = runnerOnInterpreter();
        runner.start(parsed("ATE0;OK;100\nATD123;CONNECT;9999\n"), results::add);
        board.advance(Duration.ofMillis(9_998));
        assertTrue(results.isEmpty());
        board.advance(Duration.ofMillis(1));
        ScriptResult.Failed failed = assertInstanceOf(ScriptResult.Failed.class, results.get(0));
        assertEquals("no 'CONNECT' within 9999 ms", failed.reason());

    }

    @Test
    @DisplayName("AT-25: a slow answer within the step's timeout passes")
    void slowAnswer() {
        board.network().onDial("123", io.metermodem.hal.mock.cellular.DialOutcome.ANSWER);
        AtScriptRunner runner = runnerOnInterpreter();
        runner.start(parsed("ATE0;OK;100\nATD123;CONNECT;10001\n"), results::add);
        board.advance(Duration.ofMillis(9_999));
        assertTrue(results.isEmpty());
        board.advance(Duration.ofMillis(1));
        assertEquals(List.of(new ScriptResult.Completed(2)), results);
    }

    private static final String[] SCRIPT_TOKENS = {"AT", ";", "OK", "100", "\r", "\n", "#", " ", "99999999", "\u0007", "é"};

    /** Half the time any text up to 3,000 UTF-16 units, half the time up to 400 script tokens. */
    private static String scriptText(Gen gen) {
        if (gen.bool()) {
            return gen.anyChars(0, 3_000);
        }
        return String.join("", gen.listOf(0, 400, () -> gen.oneOf(SCRIPT_TOKENS)));
    }

    @Property(tries = 300)
    @DisplayName("AT-25: the script parser takes any text and answers a script within bounds or a positioned failure")
    void parserTotal(Gen gen) {
        String text = scriptText(gen);
        AtScript.ParseResult result = AtScript.parse(text);
        if (result instanceof AtScript.ParseResult.Parsed p) {
            assertTrue(p.script().steps().size() <= AtScript.MAX_STEPS);
            p.script().steps().forEach(s -> assertTrue(s.timeout().toMillis() <= AtScript.MAX_TIMEOUT_MS));
            AtScriptFuzzTest.assertWrittenOutReadsBack(p.script());
        } else {
            AtScript.ParseResult.Failure f = (AtScript.ParseResult.Failure) result;
            assertTrue(f.line() >= 1 && f.column() >= 1, f.toString());
        }
    }
}
