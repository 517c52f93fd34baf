package io.metermodem.at;

import java.util.List;

/** A command line after parsing: its commands, or why it cannot run. */
public sealed interface ParsedLine {

    /**
     * Commands to execute in order.
     *
     * @param commands at least one command, or none for a bare {@code AT}
     */
    record Commands(List<AtCommand> commands) implements ParsedLine {
        /** Copies the list. */
        public Commands {
            commands = List.copyOf(commands);
        }
    }

    /**
     * The line is malformed; none of it runs.
     *
     * @param position index into the line (after {@code AT}, spaces removed) where it went wrong
     * @param reason   what is wrong
     */
    record Failure(int position, String reason) implements ParsedLine {
    }
}
