package io.metermodem.hal.mock.cellular;

import java.time.Duration;
import java.util.Objects;

/**
 * A short message the modem sent through the {@link MockCellularNetwork} (HAL-7), as a test asserts it.
 *
 * @param destination the recipient
 * @param text        the whole text
 * @param parts       number of concatenated parts it needed
 * @param reference   message reference of the last part, 0..255
 * @param sentNanos   when the network accepted it, on the board's clock
 */
public record SentSms(String destination, String text, int parts, int reference, long sentNanos) {

    /** @throws IllegalArgumentException for a malformed field */
    public SentSms {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(text, "text");
        if (parts < 1 || reference < 0 || reference > 255) {
            throw new IllegalArgumentException("parts must be at least 1 and reference 0..255, got "
                    + parts + ", " + reference);
        }
    }

    /** @return {@link #sentNanos()} as virtual time since zero */
    public Duration sentAt() {
        return Duration.ofNanos(sentNanos);
    }
}
