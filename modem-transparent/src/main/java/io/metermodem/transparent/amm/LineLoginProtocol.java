package io.metermodem.transparent.amm;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The default, line-based {@link AmmLoginProtocol} (TR-8). The modem sends a template with the
 * placeholders {@code {imei}}, {@code {imsi}} and {@code {password}} filled in; the server answers
 * with one line ending in LF (an optional CR before it is dropped), which is an acceptance if it
 * matches {@code acceptPattern} in full, and a refusal otherwise. This format is this SDK's choice:
 * the manual does not specify the EI login, so both sides are configurable.
 *
 * <pre>{@code
 * AmmLoginProtocol protocol = LineLoginProtocol.DEFAULT;   // "LOGIN <imei> <password>\r\n", accepts "OK"
 * AmmLoginProtocol custom = new LineLoginProtocol("AUTH {imsi};{password}\n", "ACK( .*)?");
 * }</pre>
 *
 * @param template      the login frame; characters 0..255, sent as ISO-8859-1
 * @param acceptPattern regular expression an acceptance line matches in full
 */
public record LineLoginProtocol(String template, String acceptPattern) implements AmmLoginProtocol {

    /** The template of {@link #DEFAULT}. */
    public static final String DEFAULT_TEMPLATE = "LOGIN {imei} {password}\r\n";
    /** The acceptance of {@link #DEFAULT}. */
    public static final String DEFAULT_ACCEPT = "OK";
    /** {@code LOGIN <imei> <password>\r\n}, accepted by a line {@code OK}. */
    public static final LineLoginProtocol DEFAULT = new LineLoginProtocol(DEFAULT_TEMPLATE, DEFAULT_ACCEPT);
    /** Longest reply line. */
    public static final int MAX_LINE = 256;
    /** Longest template. */
    public static final int MAX_TEMPLATE = 512;

    /** @throws IllegalArgumentException for an empty, overlong or non-Latin-1 template or a bad pattern */
    public LineLoginProtocol {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(acceptPattern, "acceptPattern");
        if (template.isEmpty() || template.length() > MAX_TEMPLATE || template.chars().anyMatch(c -> c > 255)) {
            throw new IllegalArgumentException("login template must have 1.." + MAX_TEMPLATE + " ISO-8859-1 characters");
        }
        try {
            Pattern.compile(acceptPattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad acceptance pattern: " + e.getDescription(), e);
        }
    }

    @Override
    public byte[] loginFrame(AmmCredentials credentials) {
        String frame = template.replace("{imei}", credentials.imei())
                .replace("{imsi}", credentials.imsi())
                .replace("{password}", credentials.password());
        return frame.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public LoginReply judge(byte[] received, int length) {
        for (int i = 0; i < length; i++) {
            if (received[i] == '\n') {
                int end = i > 0 && received[i - 1] == '\r' ? i - 1 : i;
                String line = new String(received, 0, end, StandardCharsets.ISO_8859_1);
                if (Pattern.compile(acceptPattern).matcher(line).matches()) {
                    return new LoginReply.Accepted(i + 1);
                }
                return new LoginReply.Refused("server replied '" + printable(line) + "'");
            }
        }
        return length >= MAX_LINE
                ? new LoginReply.Refused("no reply line within " + MAX_LINE + " bytes")
                : new LoginReply.Incomplete();
    }

    @Override
    public int maxReplyLength() {
        return MAX_LINE;
    }

    private static String printable(String line) {
        StringBuilder shown = new StringBuilder();
        for (char c : line.toCharArray()) {
            shown.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return shown.toString();
    }
}
