package io.metermodem.sms.mread;

import java.util.Objects;

/** Why {@code mread} (SMS-8) got no registers. */
public final class MeterReadException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure, each with its reply text. */
    public enum Kind {
        /** A head-end session owns or wants the meter line (TR-3): the SMS reader gives way. */
        BUSY("meter busy"),
        /** This modem has no meter line. */
        NO_METER("no meter"),
        /** The meter did not answer (no identification or no data in time). */
        NO_ANSWER("no answer from meter"),
        /** The meter answered with something unusable (BCC error, malformed message, NAK). */
        BAD_ANSWER("bad answer from meter"),
        /** The meter port failed. */
        PORT_ERROR("meter port error");

        private final String replyText;

        Kind(String replyText) {
            this.replyText = replyText;
        }

        /** @return the words used in the SMS reply */
        public String replyText() {
            return replyText;
        }
    }

    private final Kind kind;

    /**
     * @param kind   the kind
     * @param detail what happened, for logs
     */
    public MeterReadException(Kind kind, String detail) {
        super(Objects.requireNonNull(kind, "kind") + ": " + detail);
        this.kind = kind;
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }
}
