package io.metermodem.cellular.at;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One AT command for the module (HAL-7): the text sent (the client appends CR unless the command
 * is {@linkplain #raw() raw}), its timeout, the prefix of its information lines and, for commands
 * that ask for a {@code >} prompt ({@code AT+CMGS}), the payload sent after the prompt followed by
 * Ctrl-Z.
 *
 * <p>The response prefix tells solicited from unsolicited lines that look alike: while
 * {@code AT+CREG?} is pending a {@code +CREG:} line is its answer, at any other time the same line
 * is an unsolicited registration report.
 *
 * @param text           the command line without CR, such as {@code AT+CSQ}
 * @param timeout        how long to wait for the final result (for prompt commands: for the whole exchange)
 * @param responsePrefix lines starting with it are this command's while it is pending
 * @param payload        sent after the prompt, followed by Ctrl-Z (0x1A); empty for ordinary commands
 * @param raw            sent exactly as is, without CR and without waiting for a prompt (the {@code +++} escape)
 */
public record AtCommand(String text, Duration timeout, Optional<String> responsePrefix, Optional<String> payload,
                        boolean raw) {

    /** Ctrl-Z, which ends the payload after a prompt. */
    public static final byte CTRL_Z = 0x1A;
    /** Longest command line accepted. */
    public static final int MAX_TEXT = 1024;

    /** Checks the parts. */
    public AtCommand {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(responsePrefix, "responsePrefix");
        Objects.requireNonNull(payload, "payload");
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("AT command text must have 1.." + MAX_TEXT + " characters");
        }
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("AT command text must not contain CR or LF: '" + text + "'");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (raw && payload.isPresent()) {
            throw new IllegalArgumentException("a raw command has no payload");
        }
    }

    /**
     * A command with the default timeout for its kind ({@link AtTimeouts}) and the response prefix
     * derived from its name ({@code AT+CREG?} gives {@code +CREG:}).
     *
     * @param text the command line without CR
     * @return the command
     */
    public static AtCommand of(String text) {
        return new AtCommand(text, AtTimeouts.defaultFor(text), prefixOf(text), Optional.empty(), false);
    }

    /**
     * A command with its own timeout.
     *
     * @param text    the command line without CR
     * @param timeout how long to wait for its final result
     * @return the command
     */
    public static AtCommand of(String text, Duration timeout) {
        return new AtCommand(text, timeout, prefixOf(text), Optional.empty(), false);
    }

    /**
     * A command that waits for the {@code >} prompt, then sends {@code payload} and Ctrl-Z.
     *
     * @param text    such as {@code AT+CMGS=23}
     * @param payload such as the PDU in hex
     * @return the command
     */
    public static AtCommand withPrompt(String text, String payload) {
        Objects.requireNonNull(payload, "payload");
        return new AtCommand(text, AtTimeouts.defaultFor(text), prefixOf(text), Optional.of(payload), false);
    }

    /**
     * The {@code +++} escape from online data mode; the caller keeps the guard time of silence
     * before it, the module answers {@code OK} after the guard time that follows.
     *
     * @param guard the module's guard time (S12, 1 s by default)
     * @return the command
     */
    public static AtCommand escape(Duration guard) {
        return new AtCommand("+++", guard.multipliedBy(3).plusSeconds(1), Optional.empty(), Optional.empty(), true);
    }

    /**
     * Derives the information-line prefix of an extended command: {@code AT+CSQ} gives
     * {@code +CSQ:}, {@code AT#RFSTS} gives {@code #RFSTS:}; basic commands have none.
     *
     * @param text a command line
     * @return the prefix, or empty
     */
    public static Optional<String> prefixOf(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.length() < 4 || !upper.startsWith("AT") || "+#$^".indexOf(upper.charAt(2)) < 0) {
            return Optional.empty();
        }
        int end = 3;
        while (end < upper.length() && "=?;".indexOf(upper.charAt(end)) < 0) {
            end++;
        }
        return Optional.of(upper.substring(2, end) + ":");
    }
}
