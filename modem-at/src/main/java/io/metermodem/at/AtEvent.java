package io.metermodem.at;

import io.metermodem.config.ChangeOutcome;
import java.time.Duration;

/** What an interpreter tells its owner, besides the bytes for the terminal. */
public sealed interface AtEvent {

    /**
     * A command line was executed (or refused).
     *
     * @param line   the line after {@code AT} as typed (7-bit)
     * @param result the final result code, also when {@code ATQ1} suppressed it; {@code null} when the
     *               line started a call whose result ({@code CONNECT}, {@code NO CARRIER}...) comes later
     */
    record LineExecuted(String line, ResultCode result) implements AtEvent {
    }

    /**
     * The V.250 state changed.
     *
     * @param mode the new state
     */
    record ModeChanged(AtMode mode) implements AtEvent {
    }

    /**
     * The terminal's framing was recognised as different from before (AT-1).
     *
     * @param framing the framing the interpreter now answers in
     */
    record FramingDetected(LineFraming framing) implements AtEvent {
    }

    /**
     * {@code AT&W} went to the configuration service.
     *
     * @param outcome what the service did
     */
    record ConfigurationSaved(ChangeOutcome outcome) implements AtEvent {
    }

    /**
     * {@code AT+R} started a power cycle (AT-17).
     *
     * @param offTime the off time
     */
    record PowerCycle(Duration offTime) implements AtEvent {
    }

    /**
     * A command failed with an exception inside the interpreter or the services it calls; the line
     * was answered {@code ERROR} and the interpreter carries on. This is always a bug, reported so
     * that an owner (and the tests) can see it instead of only the {@code ERROR}.
     *
     * @param line    the line after {@code AT} as typed (7-bit)
     * @param command the command that failed
     * @param failure what was thrown
     */
    record CommandFailed(String line, AtCommand command, RuntimeException failure) implements AtEvent {
    }
}
