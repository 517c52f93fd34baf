package io.metermodem.transparent.push;

import java.time.Duration;
import java.util.Objects;

/**
 * The summary of one push readout (TR-7), for the event log and tests.
 *
 * @param trigger    what started it
 * @param outcome    how it ended
 * @param attempts   connection attempts made (including the successful one)
 * @param duration   from the trigger to the release of packet data
 * @param coalesced  triggers that arrived during the push and were merged into it
 * @param lastError  the last set-up failure, empty if none
 */
public record PushReport(PushTrigger trigger, PushOutcome outcome, int attempts, Duration duration,
                         int coalesced, String lastError) {

    /** @throws NullPointerException for a missing value */
    public PushReport {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(lastError, "lastError");
    }
}
