package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fuzzes the command-line parser (AT-1, AT-23) with the text of any line a terminal can type: chained
 * basic commands, S-registers, dialling and extended {@code +} commands. Every line is answered with
 * commands or a failure whose position lies in the line without its spaces; the commands are
 * well-formed (names, number sizes, an extended command alone on its line); written out again they
 * parse to the same commands; and the parameters of an extended command split into values that,
 * quoted again, split back the same.
 */
class CommandParserFuzzTest {

    private static final Pattern BASIC = Pattern.compile("[AEHIOQVXZ]|&[A-Z]");
    private static final Pattern EXTENDED = Pattern.compile("\\+[A-Z0-9!%\\-./:_]+");
    private static final int LARGEST = 99_999;

    @FuzzTest
    void commandLine(byte[] input) {
        String line = new String(input, StandardCharsets.ISO_8859_1);
        switch (CommandParser.parse(line)) {
            case ParsedLine.Failure failure -> {
                assertTrue(failure.position() >= 0 && failure.position() <= withoutSpaces(line).length(),
                        failure.toString());
                assertFalse(failure.reason().isBlank());
            }
            case ParsedLine.Commands parsed -> {
                List<AtCommand> commands = parsed.commands();
                for (int k = 0; k < commands.size(); k++) {
                    AtCommand c = commands.get(k);
                    boolean last = k == commands.size() - 1;
                    switch (c.kind()) {
                        case BASIC -> {
                            assertEquals(AtCommand.Form.EXEC, c.form());
                            if (c.name().equals("D")) {
                                assertTrue(last, "D takes the rest of the line");
                                assertEquals(0, c.number());
                            } else {
                                assertTrue(BASIC.matcher(c.name()).matches(), c.toString());
                                assertTrue(c.number() >= 0 && c.number() <= LARGEST, c.toString());
                                assertEquals("", c.argument());
                            }
                        }
                        case S_REGISTER -> {
                            assertEquals("S", c.name());
                            assertTrue(c.number() >= 0 && c.number() <= LARGEST, c.toString());
                            if (c.form() == AtCommand.Form.SET) {
                                assertTrue(c.argument().matches("[0-9]{1," + CommandParser.MAX_DIGITS + "}"),
                                        c.toString());
                            } else {
                                assertEquals(AtCommand.Form.READ, c.form());
                                assertEquals("", c.argument());
                            }
                        }
                        case EXTENDED -> {
                            assertEquals(1, commands.size(), "an extended command stands alone (AT-23)");
                            assertTrue(EXTENDED.matcher(c.name()).matches(), c.toString());
                            if (c.form() == AtCommand.Form.SET) {
                                assertSplitRoundTrip(c.argument());
                            } else {
                                assertEquals("", c.argument());
                            }
                        }
                    }
                }
                String written = writtenOut(commands);
                assertEquals(commands, assertInstanceOf(ParsedLine.Commands.class, CommandParser.parse(written),
                        written).commands(), "written out as " + written);
            }
        }
    }

    /** The commands as a terminal would type them after {@code AT}. */
    private static String writtenOut(List<AtCommand> commands) {
        StringBuilder text = new StringBuilder();
        for (AtCommand c : commands) {
            switch (c.kind()) {
                case BASIC -> text.append(c.name()).append(c.name().equals("D") ? c.argument() : c.number());
                case S_REGISTER -> text.append('S').append(c.number())
                        .append(c.form() == AtCommand.Form.READ ? "?" : "=" + c.argument());
                case EXTENDED -> text.append(c.name()).append(switch (c.form()) {
                    case EXEC -> "";
                    case READ -> "?";
                    case TEST -> "=?";
                    case SET -> "=" + c.argument();
                });
            }
        }
        return text.toString();
    }

    /** Values never hold a quote; quoted again and joined by commas they split back the same. */
    private static void assertSplitRoundTrip(String argument) {
        List<String> values = CommandParser.splitArguments(argument);
        if (values == null) {
            return; // an unclosed quote, or text after a closing one: the command answers ERROR
        }
        assertFalse(values.isEmpty());
        StringBuilder quoted = new StringBuilder();
        for (String value : values) {
            assertFalse(value.contains("\""), value);
            quoted.append(quoted.isEmpty() ? "" : ",").append('"').append(value).append('"');
        }
        assertEquals(values, CommandParser.splitArguments(quoted.toString()));
    }

    /** The line as the parser counts positions: without its spaces outside quoted strings. */
    private static String withoutSpaces(String line) {
        StringBuilder text = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            quoted ^= ch == '"';
            if (ch != ' ' || quoted) {
                text.append(ch);
            }
        }
        return text.toString();
    }
}
