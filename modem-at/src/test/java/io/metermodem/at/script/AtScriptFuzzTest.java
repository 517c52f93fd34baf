package io.metermodem.at.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Fuzzes the AT script parser (AT-25) with outside bytes: a script file comes from an operator or a
 * configuration tool, not from the modem. Every text is answered with a script within the documented
 * bounds (steps, line length, timeout; commands printable ASCII) or a failure positioned on a line
 * and column of the text; a parsed script written out again as {@code command;answer;timeout} lines
 * reads back as the same steps.
 */
class AtScriptFuzzTest {

    @FuzzTest
    void script(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n|\r|\n", -1);
        switch (AtScript.parse(text)) {
            case AtScript.ParseResult.Parsed parsed -> {
                List<AtScriptStep> steps = parsed.script().steps();
                assertTrue(steps.size() <= AtScript.MAX_STEPS);
                int previous = 0;
                for (AtScriptStep step : steps) {
                    assertTrue(step.line() > previous && step.line() <= lines.length, step.toString());
                    previous = step.line();
                    assertTrue(lines[step.line() - 1].length() <= AtScript.MAX_LINE);
                    assertTrue(step.command().chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7E), step.toString());
                    assertEquals(step.command().strip(), step.command());
                    assertFalse(step.command().startsWith("#"), "a comment is no step");
                    assertEquals(step.answer().strip(), step.answer());
                    assertFalse(step.answer().contains(";"), "the last two ';' split a step");
                    assertTrue(step.timeout().toMillis() <= AtScript.MAX_TIMEOUT_MS);
                }
                assertWrittenOutReadsBack(parsed.script());
            }
            case AtScript.ParseResult.Failure failure -> {
                assertTrue(failure.line() >= 1 && failure.line() <= lines.length, failure.toString());
                int length = lines[failure.line() - 1].length();
                assertTrue(failure.column() >= 1 && failure.column() <= Math.min(length, AtScript.MAX_LINE) + 1,
                        failure.toString());
                assertFalse(failure.reason().isBlank());
            }
        }
    }

    /**
     * Writes the steps out as {@code command;answer;timeout} lines and parses them again: the same
     * commands, answers and timeouts, numbered from line 1.
     *
     * @param script a parsed script
     */
    static void assertWrittenOutReadsBack(AtScript script) {
        StringBuilder text = new StringBuilder();
        for (AtScriptStep step : script.steps()) {
            text.append(step.command()).append(';').append(step.answer()).append(';')
                    .append(step.timeout().toMillis()).append('\n');
        }
        List<AtScriptStep> again = assertInstanceOf(AtScript.ParseResult.Parsed.class, AtScript.parse(text),
                text::toString).script().steps();
        assertEquals(script.steps().size(), again.size());
        for (int k = 0; k < again.size(); k++) {
            AtScriptStep step = script.steps().get(k);
            assertEquals(new AtScriptStep(k + 1, step.command(), step.answer(), Duration.ofMillis(step.timeout().toMillis())),
                    again.get(k));
        }
    }
}
