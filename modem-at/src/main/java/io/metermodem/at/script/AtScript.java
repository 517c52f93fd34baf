package io.metermodem.at.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An AT script (AT-25): lines of {@code command;answer;timeout(ms)} as the manual writes them, for
 * example {@code AT+CGDCONT=1,"IP","meters.example";OK;2000}. The last two {@code ;} separate the
 * answer and the timeout, so a command may itself contain {@code ;}. Blank lines and lines starting
 * with {@code #} are skipped.
 *
 * @param steps the steps in order
 */
public record AtScript(List<AtScriptStep> steps) {

    /** Most steps in one script. */
    public static final int MAX_STEPS = 1000;
    /** Longest script line, in characters. */
    public static final int MAX_LINE = 512;
    /** Longest timeout of a step, in milliseconds (10 minutes). */
    public static final long MAX_TIMEOUT_MS = 600_000;

    /** Copies the list. */
    public AtScript {
        steps = List.copyOf(steps);
    }

    /** The outcome of {@link #parse}. */
    public sealed interface ParseResult {
        /**
         * The script.
         *
         * @param script the parsed script
         */
        record Parsed(AtScript script) implements ParseResult {
        }

        /**
         * The first error.
         *
         * @param line   line number, from 1
         * @param column column, from 1
         * @param reason what is wrong
         */
        record Failure(int line, int column, String reason) implements ParseResult {
            @Override
            public String toString() {
                return "line " + line + ", column " + column + ": " + reason;
            }
        }
    }

    /**
     * Parses a script.
     *
     * @param text the script text (any of CR, LF, CR LF line ends)
     * @return the script, or the first error with its position
     */
    public static ParseResult parse(CharSequence text) {
        List<AtScriptStep> steps = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            lineNumber++;
            if (end - start > MAX_LINE) {
                return new ParseResult.Failure(lineNumber, MAX_LINE + 1, "line longer than " + MAX_LINE + " characters");
            }
            String line = text.subSequence(start, end).toString();
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                if (steps.size() == MAX_STEPS) {
                    return new ParseResult.Failure(lineNumber, 1, "more than " + MAX_STEPS + " steps");
                }
                ParseResult.Failure failure = parseStep(line, lineNumber, steps);
                if (failure != null) {
                    return failure;
                }
            }
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        return new ParseResult.Parsed(new AtScript(steps));
    }

    private static ParseResult.Failure parseStep(String line, int lineNumber, List<AtScriptStep> steps) {
        int last = line.lastIndexOf(';');
        int middle = last < 0 ? -1 : line.lastIndexOf(';', last - 1);
        if (middle < 0) {
            return new ParseResult.Failure(lineNumber, line.length() + 1,
                    "expected command;answer;timeout(ms)");
        }
        String rawCommand = line.substring(0, middle);
        String command = rawCommand.strip();
        // Where the command starts in the line, so that a bad character's column is its own.
        int lead = 0;
        while (lead < rawCommand.length() && Character.isWhitespace(rawCommand.charAt(lead))) {
            lead++;
        }
        String answer = line.substring(middle + 1, last).strip();
        String timeout = line.substring(last + 1).strip();
        if (command.isEmpty()) {
            return new ParseResult.Failure(lineNumber, 1, "empty command");
        }
        for (int k = 0; k < command.length(); k++) {
            char ch = command.charAt(k);
            if (ch < 0x20 || ch > 0x7E) {
                return new ParseResult.Failure(lineNumber, lead + k + 1,
                        "command holds a control or non-ASCII character");
            }
        }
        if (timeout.isEmpty() || timeout.length() > 7 || !timeout.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return new ParseResult.Failure(lineNumber, last + 2, "timeout must be milliseconds, 0.." + MAX_TIMEOUT_MS);
        }
        long ms = Long.parseLong(timeout);
        if (ms > MAX_TIMEOUT_MS) {
            return new ParseResult.Failure(lineNumber, last + 2, "timeout above " + MAX_TIMEOUT_MS + " ms");
        }
        steps.add(new AtScriptStep(lineNumber, command, answer, Duration.ofMillis(ms)));
        return null;
    }
}
