package io.metermodem.testkit.meter;

import io.metermodem.hal.serial.LineSettings;
import io.metermodem.transparent.iec.IecMessage;
import java.util.Objects;

/**
 * A message the meter put on the line.
 *
 * @param nanoTime   when its first character started
 * @param message    the message as the meter meant it
 * @param line       the line settings it was sent with
 * @param bytesSent  how many bytes actually went out (fewer than the message has under {@code dropAfter})
 * @param fault      the injected fault that altered it, or empty
 */
public record SentAnswer(long nanoTime, IecMessage message, LineSettings line, int bytesSent, String fault)
        implements IecMeterEvent {

    /**
     * @throws NullPointerException if a field is missing
     */
    public SentAnswer {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(fault, "fault");
    }
}
