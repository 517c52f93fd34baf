package io.metermodem.sms.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes commands back as the manual's text and checks the parser's contract on any text (SMS-1,
 * SMS-3..SMS-11); shared by {@link SmsCommandProperties} and {@link SmsCommandFuzzTest}.
 */
final class CommandText {

    /** The separators of SMS-4: the four characters {@code \r\n}, a real CR LF, a phone's bare LF. */
    static final List<String> SEPARATORS = List.of(SmsCommandParser.LITERAL_SEPARATOR, "\r\n", "\n");

    /** Every reason a syntax error may give: fixed words, so no value or password can reach a reply. */
    private static final Set<String> REASONS = Set.of(
            "the command must start with cmd=",
            "empty command",
            "a query (?) takes no value",
            "unknown command",
            "a space is required on both sides of '='",
            "not a parameter name (group.name, lower case)",
            "AT&F must be the only command of its SMS",
            "ATR must be the only command of its SMS",
            "mread must be the only command of its SMS",
            "certreset must be the only command of its SMS");
    private static final String VOCABULARY = String.join("\n", REASONS);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    private CommandText() {
    }

    /** @return the line of one command as the manual writes it */
    static String line(SmsCommand command) {
        return switch (command) {
            case SmsCommand.Set(String name, String value) -> value.isEmpty() ? name + " =" : name + " = " + value;
            case SmsCommand.Query(String name) -> "?" + name;
            case SmsCommand.FactoryReset f -> "AT&F";
            case SmsCommand.Restart r -> "ATR";
            case SmsCommand.MeterRead m -> "mread";
            case SmsCommand.CertReset c -> "certreset";
        };
    }

    /**
     * @param commands    the commands
     * @param separator   one of {@link #SEPARATORS}
     * @param repeatCmd   whether every line after the first starts with {@code cmd=} again
     * @param trailing    whether a separator ends the body
     * @return the body, {@code cmd=} first
     */
    static String body(List<SmsCommand> commands, String separator, boolean repeatCmd, boolean trailing) {
        StringBuilder body = new StringBuilder("cmd=");
        for (int i = 0; i < commands.size(); i++) {
            if (i > 0) {
                body.append(separator).append(repeatCmd ? "cmd=" : "");
            }
            body.append(line(commands.get(i)));
        }
        return trailing ? body.append(separator).toString() : body.toString();
    }

    /**
     * Stage 1 on any text: the envelope is a function of the text's length, first character and prefix,
     * and a command's parts put together give the text back.
     *
     * @return the envelope
     */
    static SmsEnvelope checkEnvelope(String text) {
        SmsEnvelope envelope = SmsCommandParser.envelope(text);
        int characters = text.codePointCount(0, text.length());
        switch (envelope) {
            case SmsEnvelope.NotCommand(DropReason reason) -> {
                assertEquals(text.isEmpty(), reason == DropReason.EMPTY, () -> "EMPTY iff empty: " + reason);
                assertEquals(characters > SmsCommandParser.MAX_SMS_CHARS, reason == DropReason.TOO_LONG,
                        () -> "TOO_LONG iff more than 160 characters (" + characters + "): " + reason);
                switch (reason) {
                    case EMPTY, TOO_LONG -> { }
                    case LEADING_WHITESPACE -> assertTrue(Character.isWhitespace(text.charAt(0))
                            || Character.isSpaceChar(text.charAt(0)), "white space first");
                    case MALFORMED_PASSWORD_PREFIX -> assertTrue(text.startsWith("pw=") && !text.substring(3).contains(".cmd="));
                    case NOT_A_COMMAND -> assertFalse(text.startsWith("pw=") || text.startsWith("cmd="));
                    default -> throw new AssertionError("the parser cannot know " + reason);
                }
            }
            case SmsEnvelope.Command command -> {
                assertTrue(characters <= SmsCommandParser.MAX_SMS_CHARS, "at most 160 characters");
                assertTrue(command.body().startsWith("cmd="), "the body starts with cmd=");
                if (command.password() == null) {
                    assertEquals(text, command.body());
                    assertEquals("Command[no password, " + command.body().length() + " chars]", command.toString());
                } else {
                    assertEquals(text, "pw=" + command.password() + "." + command.body(), "prefix and body are the text");
                    assertFalse(command.password().contains(".cmd="), "the password ends at the first .cmd=");
                    assertEquals("Command[pw=***, " + command.body().length() + " chars]", command.toString(),
                            "toString never shows the password");
                }
            }
        }
        return envelope;
    }

    /**
     * Stage 2 on any text: a syntax error has a line of the body and a reason from the fixed words, which
     * never contain the password; parsed commands are well formed and, written back, parse to the same.
     *
     * @param body     any text
     * @param password the password of the SMS's prefix, or null
     * @return the result
     */
    static CommandList checkCommands(String body, String password) {
        CommandList result = SmsCommandParser.commands(body);
        switch (result) {
            case CommandList.Invalid(int line, String reason) -> {
                assertTrue(line >= 1 && line <= maxLines(body), () -> "line " + line + " of " + maxLines(body));
                assertTrue(REASONS.contains(reason), () -> "an unknown reason: " + reason);
                if (password != null && !password.isEmpty() && !VOCABULARY.contains(password)) {
                    assertFalse(reason.contains(password), "a syntax error never shows the password");
                }
            }
            case CommandList.Parsed(List<SmsCommand> commands) -> {
                assertFalse(commands.isEmpty());
                boolean special = commands.stream().anyMatch(SmsCommand::isSpecial);
                assertTrue(!special || commands.size() == 1, "AT&F, ATR, mread, certreset come alone");
                boolean valueEndsInCr = false;
                for (SmsCommand command : commands) {
                    switch (command) {
                        case SmsCommand.Set(String name, String value) -> {
                            assertTrue(NAME.matcher(name).matches() && name.length() <= 48, name);
                            assertFalse(value.contains("\n") || value.contains(SmsCommandParser.LITERAL_SEPARATOR),
                                    "a value never holds a separator");
                            assertEquals("Set[" + name + "]", command.toString(), "toString never shows the value");
                            valueEndsInCr |= value.endsWith("\r");
                        }
                        case SmsCommand.Query(String name) -> assertTrue(NAME.matcher(name).matches() && name.length() <= 48, name);
                        default -> { }
                    }
                }
                for (String separator : SEPARATORS) {
                    // A value's last CR joins a following \r\n or LF into one separator: only CR LF keeps it.
                    if (valueEndsInCr && !separator.equals("\r\n")) {
                        continue;
                    }
                    for (int form = 0; form < 4; form++) {
                        String again = body(commands, separator, (form & 1) != 0, (form & 2) != 0);
                        assertEquals(result, SmsCommandParser.commands(again), () -> "written back as " + again);
                    }
                }
            }
        }
        return result;
    }

    /** Lines a body can have at most: one more than its separators. */
    private static int maxLines(String body) {
        int lines = 1;
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == '\n' || body.startsWith(SmsCommandParser.LITERAL_SEPARATOR, i)) {
                lines++;
            }
        }
        return lines;
    }
}
