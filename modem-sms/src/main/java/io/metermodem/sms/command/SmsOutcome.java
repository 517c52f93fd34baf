package io.metermodem.sms.command;

import java.util.Objects;

/** What became of one SMS: a reply to its sender, or nothing. */
public sealed interface SmsOutcome {

    /**
     * Answer the sender with {@code text}.
     *
     * @param text              the reply, possibly longer than one SMS (it is sent concatenated)
     * @param restartAfterReply whether the modem restarts once the reply has gone ({@code ATR}, SMS-7)
     */
    record Reply(String text, boolean restartAfterReply) implements SmsOutcome {
        /** Checks the text is present. */
        public Reply {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * No reply at all.
     *
     * @param reason why
     */
    record Dropped(DropReason reason) implements SmsOutcome {
        /** Checks the reason is present. */
        public Dropped {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
