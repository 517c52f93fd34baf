package io.metermodem.testkit.meter;

import java.util.Objects;

/**
 * Input the meter did not answer, and why: characters with parity or framing errors, bytes that are
 * no IEC 62056-21 message, a partial message ended by the inter-character time-out, a sign-on for
 * another address, a message that does not fit the current state, or an answer a fault suppressed.
 *
 * @param nanoTime when the meter decided
 * @param reason   a readable explanation
 */
public record IgnoredInput(long nanoTime, String reason) implements IecMeterEvent {

    /**
     * @throws NullPointerException if the reason is missing
     */
    public IgnoredInput {
        Objects.requireNonNull(reason, "reason");
    }
}
