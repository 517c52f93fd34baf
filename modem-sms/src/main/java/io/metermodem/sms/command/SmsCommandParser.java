package io.metermodem.sms.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the SMS command language of the manual (4.6) without any I/O. Two stages, because the
 * second may only run once the sender is authenticated:
 * <ol>
 *   <li>{@link #envelope(String)}: the length and leading-character rules (SMS-11) and the
 *       {@code pw=<password>.} prefix (SMS-1). The password runs from {@code pw=} to the first
 *       {@code .cmd=}; a password that itself contains {@code .cmd=} cannot be used by SMS.</li>
 *   <li>{@link #commands(String)}: the {@code cmd=} body, split into command lines at the
 *       separator {@code \r\n} written as four characters, or a real CR LF, or a real LF (what
 *       phones insert for a new line) (SMS-4). A separator at the very end is allowed; an empty line
 *       elsewhere is an error. A line after the first may repeat {@code cmd=}. Lines are
 *       {@code ?<param>} (SMS-5), {@code <param> = <value>} with a space on both sides of the
 *       {@code =} (SMS-3; {@code <param> =} at the end of the line gives the empty value, SMS-2),
 *       or one of {@code AT&F}, {@code ATR}, {@code mread}, {@code certreset} (any letter case),
 *       which must then be the only command.</li>
 * </ol>
 * Both stages are total: any string gives a result, never an exception, and the work is linear in
 * the (bounded) length.
 */
public final class SmsCommandParser {

    /** Longest SMS taken, in characters (Unicode code points) (SMS-11). */
    public static final int MAX_SMS_CHARS = 160;

    /** The separator written as the four characters backslash, r, backslash, n. */
    public static final String LITERAL_SEPARATOR = "\\r\\n";

    private static final String PASSWORD_PREFIX = "pw=";
    private static final String COMMAND_PREFIX = "cmd=";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");
    private static final int MAX_NAME = 48;

    private SmsCommandParser() {
    }

    /**
     * Stage 1: the envelope.
     *
     * @param text the SMS text as received (may be null)
     * @return the password prefix and body, or why this is no command
     */
    public static SmsEnvelope envelope(String text) {
        if (text == null || text.isEmpty()) {
            return new SmsEnvelope.NotCommand(DropReason.EMPTY);
        }
        // Count code points only up to the limit, so a huge text costs no more than a short one.
        if (text.length() > MAX_SMS_CHARS && text.codePointCount(0, Math.min(text.length(), 2 * MAX_SMS_CHARS + 2))
                > MAX_SMS_CHARS) {
            return new SmsEnvelope.NotCommand(DropReason.TOO_LONG);
        }
        char first = text.charAt(0);
        if (Character.isWhitespace(first) || Character.isSpaceChar(first)) {
            return new SmsEnvelope.NotCommand(DropReason.LEADING_WHITESPACE);
        }
        if (text.startsWith(PASSWORD_PREFIX)) {
            int end = text.indexOf("." + COMMAND_PREFIX, PASSWORD_PREFIX.length());
            if (end < 0) {
                return new SmsEnvelope.NotCommand(DropReason.MALFORMED_PASSWORD_PREFIX);
            }
            return new SmsEnvelope.Command(text.substring(PASSWORD_PREFIX.length(), end), text.substring(end + 1));
        }
        if (text.startsWith(COMMAND_PREFIX)) {
            return new SmsEnvelope.Command(null, text);
        }
        return new SmsEnvelope.NotCommand(DropReason.NOT_A_COMMAND);
    }

    /**
     * Stage 2: the commands of a body.
     *
     * @param body the body starting with {@code cmd=}
     * @return the commands, or the first error
     */
    public static CommandList commands(String body) {
        if (body == null || !body.startsWith(COMMAND_PREFIX)) {
            return new CommandList.Invalid(1, "the command must start with cmd=");
        }
        String rest = body.substring(COMMAND_PREFIX.length())
                .replace(LITERAL_SEPARATOR, "\n")
                .replace("\r\n", "\n");
        List<String> lines = new ArrayList<>(List.of(rest.split("\n", -1)));
        if (lines.size() > 1 && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        List<SmsCommand> commands = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0 && line.startsWith(COMMAND_PREFIX)) {
                line = line.substring(COMMAND_PREFIX.length());
            }
            int number = i + 1;
            if (line.isEmpty()) {
                return new CommandList.Invalid(number, "empty command");
            }
            SmsCommand command;
            try {
                command = line(line);
            } catch (SyntaxError e) {
                return new CommandList.Invalid(number, e.getMessage());
            }
            commands.add(command);
        }
        for (SmsCommand c : commands) {
            if (c.isSpecial() && commands.size() > 1) {
                return new CommandList.Invalid(commands.indexOf(c) + 1, keyword(c) + " must be the only command of its SMS");
            }
        }
        return new CommandList.Parsed(commands);
    }

    private static SmsCommand line(String line) throws SyntaxError {
        switch (line.toLowerCase(Locale.ROOT)) {
            case "at&f" -> {
                return new SmsCommand.FactoryReset();
            }
            case "atr" -> {
                return new SmsCommand.Restart();
            }
            case "mread" -> {
                return new SmsCommand.MeterRead();
            }
            case "certreset" -> {
                return new SmsCommand.CertReset();
            }
            default -> {
                // a parameter command
            }
        }
        if (line.startsWith("?")) {
            String name = line.substring(1);
            if (name.contains("=")) {
                throw new SyntaxError("a query (?) takes no value");
            }
            return new SmsCommand.Query(name(name));
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw new SyntaxError("unknown command");
        }
        // SMS-3: " = " is required; "name=value", "name =value" and "name= value" are not taken.
        boolean spaceBefore = eq > 0 && line.charAt(eq - 1) == ' ';
        boolean spaceAfter = eq == line.length() - 1 || line.charAt(eq + 1) == ' ';
        if (!spaceBefore || !spaceAfter) {
            throw new SyntaxError("a space is required on both sides of '='");
        }
        String name = name(line.substring(0, eq - 1));
        String value = eq == line.length() - 1 ? "" : line.substring(eq + 2);
        return new SmsCommand.Set(name, value);
    }

    private static String name(String text) throws SyntaxError {
        if (text.length() > MAX_NAME || !NAME.matcher(text).matches()) {
            throw new SyntaxError("not a parameter name (group.name, lower case)");
        }
        return text;
    }

    private static String keyword(SmsCommand command) {
        return switch (command) {
            case SmsCommand.FactoryReset f -> "AT&F";
            case SmsCommand.Restart r -> "ATR";
            case SmsCommand.MeterRead m -> "mread";
            case SmsCommand.CertReset c -> "certreset";
            case SmsCommand.Set s -> s.name();
            case SmsCommand.Query q -> "?" + q.name();
        };
    }

    /** A syntax error of one line; its message never contains the line's value. */
    private static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }
}
