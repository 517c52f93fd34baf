package io.metermodem.sms.command;

import java.util.List;
import java.util.Objects;

/** The commands of an SMS body (SMS-3..SMS-9), or the first syntax error found in it. */
public sealed interface CommandList {

    /**
     * Every line is a well-formed command.
     *
     * @param commands the commands in the order sent, at least one
     */
    record Parsed(List<SmsCommand> commands) implements CommandList {
        /** Copies the list, which must not be empty. */
        public Parsed {
            commands = List.copyOf(commands);
            if (commands.isEmpty()) {
                throw new IllegalArgumentException("at least one command");
            }
        }
    }

    /**
     * A line is not a command; nothing of the SMS is executed.
     *
     * @param line   1-based number of the offending command line
     * @param reason what is wrong, in words; never contains a value
     */
    record Invalid(int line, String reason) implements CommandList {
        /** Checks the reason is present. */
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
