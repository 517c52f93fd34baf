package io.metermodem.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks shared by the {@link ParameterType}s; not part of the API. */
final class ValueRules {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_QUOTED = 40;

    private ValueRules() {
    }

    interface IntTest {
        boolean accepts(int value);
    }

    static ValueCheck integer(String input, String describe, IntTest test) {
        if (input == null) {
            return new ValueCheck.Invalid("a value is required: " + describe);
        }
        String v = input.strip();
        // At most 10 digits and an optional sign: no overflow, no unbounded parsing work.
        if (!v.matches("[+-]?[0-9]{1,10}")) {
            return new ValueCheck.Invalid(quote(v) + " is not an integer; expected " + describe);
        }
        long parsed = Long.parseLong(v);
        if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE || !test.accepts((int) parsed)) {
            return new ValueCheck.Invalid(parsed + " is not allowed; expected " + describe);
        }
        return new ValueCheck.Valid(Long.toString(parsed));
    }

    static ValueCheck text(String input, int maxLength, Pattern pattern, String hint, boolean secret) {
        if (input == null) {
            return new ValueCheck.Valid("");
        }
        if (input.length() > ParameterType.MAX_INPUT_CHARS) {
            return new ValueCheck.Invalid("longer than " + maxLength + " characters");
        }
        String v = input.strip();
        if (v.length() > maxLength) {
            return new ValueCheck.Invalid("longer than " + maxLength + " characters");
        }
        if (hasControl(v)) {
            return new ValueCheck.Invalid("contains a control character");
        }
        if (!pattern.matcher(v).matches()) {
            return new ValueCheck.Invalid((secret ? "the value" : quote(v)) + " is not " + hint);
        }
        return new ValueCheck.Valid(v);
    }

    static ValueCheck host(String input, boolean optional) {
        String v = input == null ? "" : input.strip();
        if (v.isEmpty()) {
            return optional ? new ValueCheck.Valid("")
                    : new ValueCheck.Invalid("an IPv4 address or host name is required");
        }
        if (v.length() > 253) {
            return new ValueCheck.Invalid("a host name has at most 253 characters");
        }
        if (v.matches("[0-9.]+")) {
            return ipv4(v);
        }
        String lower = v.toLowerCase(Locale.ROOT);
        String[] labels = lower.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return new ValueCheck.Invalid(quote(v) + " is not an IPv4 address or host name");
            }
        }
        if (labels[labels.length - 1].matches("[0-9]+")) {
            return new ValueCheck.Invalid(quote(v) + " is not an IPv4 address or host name");
        }
        return new ValueCheck.Valid(lower);
    }

    private static ValueCheck ipv4(String v) {
        String[] parts = v.split("\\.", -1);
        if (parts.length != 4) {
            return new ValueCheck.Invalid(quote(v) + " is not an IPv4 address (a.b.c.d)");
        }
        List<String> canonical = new ArrayList<>(4);
        for (String p : parts) {
            // No leading zeros: "010" is octal to some tools and decimal to others.
            if (!p.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(p) > 255) {
                return new ValueCheck.Invalid(quote(v) + " is not an IPv4 address (a.b.c.d, each 0..255)");
            }
            canonical.add(p);
        }
        return new ValueCheck.Valid(String.join(".", canonical));
    }

    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    static void checkTextArguments(int maxLength, Pattern pattern, String hint) {
        if (maxLength < 0 || maxLength > ParameterType.MAX_INPUT_CHARS) {
            throw new IllegalArgumentException("maxLength " + maxLength + " outside 0.." + ParameterType.MAX_INPUT_CHARS);
        }
        if (pattern == null || hint == null || hint.isBlank()) {
            throw new IllegalArgumentException("a pattern and its description are required");
        }
    }

    static String quote(String v) {
        String shown = v.length() > MAX_QUOTED ? v.substring(0, MAX_QUOTED) + "..." : v;
        StringBuilder sb = new StringBuilder("'");
        shown.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F) {
                sb.append(String.format("\\x%02X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('\'').toString();
    }
}
