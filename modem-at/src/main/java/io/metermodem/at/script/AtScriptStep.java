package io.metermodem.at.script;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of an AT script (AT-25): send {@code command}, then wait up to {@code timeout} for a line
 * beginning with {@code answer} (no wait when the answer is empty).
 *
 * @param line    the script line it came from, from 1
 * @param command the command line to send, without its CR
 * @param answer  the expected answer, or empty
 * @param timeout how long to wait for it
 */
public record AtScriptStep(int line, String command, String answer, Duration timeout) {
    /** Checks the values. */
    public AtScriptStep {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(timeout, "timeout");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a step needs a command");
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
    }
}
