package io.metermodem.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the text of a command line (what follows {@code AT}) into commands, V.250 style:
 * case-insensitive, spaces ignored outside quoted strings, basic commands chained
 * ({@code E0V1Q0&C1S0=2}), a missing number taken as 0, {@code D} taking the rest of the line, and
 * an extended {@code +} command alone on its line (AT-23: the manual forbids chaining them).
 * Pure and total: every input gives {@link ParsedLine.Commands} or a {@link ParsedLine.Failure}.
 */
public final class CommandParser {

    /** Longest number a basic command or S-register accepts, in digits. */
    public static final int MAX_DIGITS = 5;

    private static final String BASIC_LETTERS = "AEHIOQVXZ";

    private CommandParser() {
    }

    /**
     * Parses a command line.
     *
     * @param line the characters after {@code AT}
     * @return the commands or the first error
     */
    public static ParsedLine parse(CharSequence line) {
        String text = withoutSpaces(line);
        if (text.chars().filter(ch -> ch == '"').count() % 2 != 0) {
            // The position counts the line without its spaces, like every other failure's.
            return new ParsedLine.Failure(text.length(), "unterminated quoted string");
        }
        List<AtCommand> commands = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = Character.toUpperCase(text.charAt(i));
            if (c == '+') {
                if (!commands.isEmpty()) {
                    return new ParsedLine.Failure(i, "an extended (+) command cannot follow other commands (AT-23)");
                }
                return extended(text, i);
            }
            if (c == 'D') {
                commands.add(new AtCommand(AtCommand.Kind.BASIC, "D", AtCommand.Form.EXEC, 0, text.substring(i + 1)));
                return new ParsedLine.Commands(commands);
            }
            if (c == 'S') {
                int j = i + 1;
                int end = digitsEnd(text, j);
                if (end == j) {
                    return new ParsedLine.Failure(j, "S needs a register number");
                }
                if (end - j > MAX_DIGITS) {
                    return new ParsedLine.Failure(j, "register number too long");
                }
                int register = Integer.parseInt(text, j, end, 10);
                if (end < n && text.charAt(end) == '?') {
                    commands.add(new AtCommand(AtCommand.Kind.S_REGISTER, "S", AtCommand.Form.READ, register, ""));
                    i = end + 1;
                } else if (end < n && text.charAt(end) == '=') {
                    int vStart = end + 1;
                    int vEnd = digitsEnd(text, vStart);
                    if (vEnd - vStart > MAX_DIGITS) {
                        return new ParsedLine.Failure(vStart, "value too long");
                    }
                    String value = vEnd == vStart ? "0" : text.substring(vStart, vEnd);
                    commands.add(new AtCommand(AtCommand.Kind.S_REGISTER, "S", AtCommand.Form.SET, register, value));
                    i = vEnd;
                } else {
                    return new ParsedLine.Failure(end, "S" + register + " needs '=' or '?'");
                }
                continue;
            }
            String name;
            int j;
            if (c == '&') {
                if (i + 1 >= n || !isLetter(text.charAt(i + 1))) {
                    return new ParsedLine.Failure(i + 1, "'&' needs a letter");
                }
                name = "&" + Character.toUpperCase(text.charAt(i + 1));
                j = i + 2;
            } else if (BASIC_LETTERS.indexOf(c) >= 0) {
                name = String.valueOf(c);
                j = i + 1;
            } else {
                return new ParsedLine.Failure(i, "unknown command '" + printable(text.charAt(i)) + "'");
            }
            int end = digitsEnd(text, j);
            if (end - j > MAX_DIGITS) {
                return new ParsedLine.Failure(j, "number too long");
            }
            int number = end == j ? 0 : Integer.parseInt(text, j, end, 10);
            commands.add(new AtCommand(AtCommand.Kind.BASIC, name, AtCommand.Form.EXEC, number, ""));
            i = end;
        }
        return new ParsedLine.Commands(commands);
    }

    private static ParsedLine extended(String text, int start) {
        int n = text.length();
        int j = start + 1;
        while (j < n && isNameChar(text.charAt(j))) {
            j++;
        }
        if (j == start + 1) {
            return new ParsedLine.Failure(j, "'+' needs a command name");
        }
        String name = text.substring(start, j).toUpperCase(Locale.ROOT);
        AtCommand.Form form = AtCommand.Form.EXEC;
        String argument = "";
        if (j < n && text.charAt(j) == '?') {
            form = AtCommand.Form.READ;
            j++;
        } else if (j + 1 < n && text.charAt(j) == '=' && text.charAt(j + 1) == '?') {
            form = AtCommand.Form.TEST;
            j += 2;
        } else if (j < n && text.charAt(j) == '=') {
            form = AtCommand.Form.SET;
            int end = argumentEnd(text, j + 1);
            argument = text.substring(j + 1, end);
            j = end;
        }
        if (j < n) {
            return new ParsedLine.Failure(j, "nothing may follow an extended command on its line (AT-23)");
        }
        return new ParsedLine.Commands(List.of(new AtCommand(AtCommand.Kind.EXTENDED, name, form, 0, argument)));
    }

    /** Parameters run to the end of the line or to a ';' outside quotes (which then is an error). */
    private static int argumentEnd(String text, int from) {
        boolean quoted = false;
        for (int k = from; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ';' && !quoted) {
                return k;
            }
        }
        return text.length();
    }

    /**
     * Splits extended command parameters at commas outside quotes; quoted values lose their quotes.
     *
     * @param argument the parameters as typed
     * @return the values, or {@code null} when a quote is not closed or text follows a closing quote
     */
    public static List<String> splitArguments(String argument) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean closed = false;
        for (int k = 0; k < argument.length(); k++) {
            char ch = argument.charAt(k);
            if (ch == '"') {
                if (quoted) {
                    quoted = false;
                    closed = true;
                } else if (current.isEmpty() && !closed) {
                    quoted = true;
                } else {
                    return null;
                }
            } else if (ch == ',' && !quoted) {
                values.add(current.toString());
                current.setLength(0);
                closed = false;
            } else if (closed) {
                return null;
            } else {
                current.append(ch);
            }
        }
        if (quoted) {
            return null;
        }
        values.add(current.toString());
        return values;
    }

    /** The line without its spaces outside quoted strings; every quote is kept. */
    private static String withoutSpaces(CharSequence line) {
        StringBuilder sb = new StringBuilder(line.length());
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char ch = line.charAt(k);
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch != ' ' || quoted) {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static int digitsEnd(String text, int from) {
        int k = from;
        while (k < text.length() && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
            k++;
        }
        return k;
    }

    private static boolean isLetter(char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    }

    private static boolean isNameChar(char ch) {
        return isLetter(ch) || (ch >= '0' && ch <= '9') || ch == '!' || ch == '%' || ch == '-' || ch == '.'
                || ch == '/' || ch == ':' || ch == '_';
    }

    private static String printable(char ch) {
        return ch >= 0x20 && ch < 0x7F ? String.valueOf(ch) : String.format("\\x%02X", (int) ch);
    }
}
