package io.metermodem.sms.command;

import java.util.Objects;
import java.util.Optional;

/**
 * The outer layer of an SMS (SMS-1, SMS-11): the optional {@code pw=<password>.} prefix and the
 * {@code cmd=} body, or why the text is no command at all.
 */
public sealed interface SmsEnvelope {

    /**
     * A text shaped like a command.
     *
     * @param password the password of the {@code pw=} prefix, or {@code null} without prefix
     * @param body     the rest, starting with {@code cmd=}
     */
    record Command(String password, String body) implements SmsEnvelope {
        /** Checks the body is present. */
        public Command {
            Objects.requireNonNull(body, "body");
        }

        /** @return the password of the prefix, empty without prefix */
        public Optional<String> passwordPrefix() {
            return Optional.ofNullable(password);
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Command[" + (password == null ? "no password" : "pw=***") + ", " + body.length() + " chars]";
        }
    }

    /**
     * Not a command; dropped without reply.
     *
     * @param reason why
     */
    record NotCommand(DropReason reason) implements SmsEnvelope {
        /** Checks the reason is present. */
        public NotCommand {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
