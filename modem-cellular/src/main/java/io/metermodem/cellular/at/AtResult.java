package io.metermodem.cellular.at;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How an AT command ended (HAL-7): a final result code of V.250 / 3GPP TS 27.007 and 27.005, or
 * {@link Timeout} when none came within the command's timeout. A closed set: drivers switch over it.
 */
public sealed interface AtResult {

    /** @return true for {@link Ok} and {@link Connect}, the outcomes a command asks for */
    default boolean isSuccess() {
        return this instanceof Ok || this instanceof Connect;
    }

    /** {@code OK}. */
    record Ok() implements AtResult {
    }

    /** Plain {@code ERROR}. */
    record Error() implements AtResult {
    }

    /**
     * {@code +CME ERROR: <err>} (equipment error, TS 27.007 9.2): a number with {@code AT+CMEE=1},
     * a text with {@code AT+CMEE=2}.
     *
     * @param code the numeric code when the module gave one
     * @param text the text as the module gave it (the number's digits in numeric mode)
     */
    record CmeError(OptionalInt code, String text) implements AtResult {
        /** Checks the parts. */
        public CmeError {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * {@code +CMS ERROR: <err>} (message service error, TS 27.005 3.2.5).
     *
     * @param code the numeric code when the module gave one
     * @param text the text as the module gave it
     */
    record CmsError(OptionalInt code, String text) implements AtResult {
        /** Checks the parts. */
        public CmsError {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * {@code CONNECT} or {@code CONNECT <rate>}: the line is now in online data mode.
     *
     * @param rate the text after {@code CONNECT}, such as {@code 9600}, trimmed, when there was one (never blank)
     */
    record Connect(Optional<String> rate) implements AtResult {
        /** Checks the parts. */
        public Connect {
            Objects.requireNonNull(rate, "rate");
        }
    }

    /** {@code NO CARRIER}. */
    record NoCarrier() implements AtResult {
    }

    /** {@code BUSY}. */
    record Busy() implements AtResult {
    }

    /** {@code NO ANSWER}. */
    record NoAnswer() implements AtResult {
    }

    /** {@code NO DIALTONE}. */
    record NoDialtone() implements AtResult {
    }

    /** No final result within the command's timeout; the client resynchronises before the next command. */
    record Timeout() implements AtResult {
    }

    /**
     * Recognises a final result code line.
     *
     * @param line a received line without CR LF
     * @return the result, or empty when the line is not a final result code
     */
    static Optional<AtResult> parseFinal(String line) {
        switch (line) {
            case "OK": return Optional.of(new Ok());
            case "ERROR": return Optional.of(new Error());
            case "NO CARRIER": return Optional.of(new NoCarrier());
            case "BUSY": return Optional.of(new Busy());
            case "NO ANSWER": return Optional.of(new NoAnswer());
            case "NO DIALTONE", "NO DIAL TONE": return Optional.of(new NoDialtone());
            case "CONNECT": return Optional.of(new Connect(Optional.empty()));
            default: break;
        }
        if (line.startsWith("CONNECT ")) {
            // "CONNECT " with nothing but blanks after it names no rate: the same as a bare CONNECT
            String rate = line.substring(8).trim();
            return Optional.of(new Connect(rate.isEmpty() ? Optional.empty() : Optional.of(rate)));
        }
        if (line.startsWith("+CME ERROR:")) {
            String text = line.substring(11).trim();
            return Optional.of(new CmeError(number(text), text));
        }
        if (line.startsWith("+CMS ERROR:")) {
            String text = line.substring(11).trim();
            return Optional.of(new CmsError(number(text), text));
        }
        return Optional.empty();
    }

    private static OptionalInt number(String text) {
        if (text.isEmpty() || text.length() > 6) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(Integer.parseInt(text));
    }
}
