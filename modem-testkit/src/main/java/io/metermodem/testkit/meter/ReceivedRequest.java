package io.metermodem.testkit.meter;

import io.metermodem.transparent.iec.IecMessage;
import java.util.Objects;

/**
 * A well-formed IEC 62056-21 message the meter received without line errors (whether or not it
 * then acted on it: a sign-on for another address is received, then ignored).
 *
 * @param nanoTime when its last character arrived
 * @param message  the message
 */
public record ReceivedRequest(long nanoTime, IecMessage message) implements IecMeterEvent {

    /**
     * @throws NullPointerException if the message is missing
     */
    public ReceivedRequest {
        Objects.requireNonNull(message, "message");
    }
}
