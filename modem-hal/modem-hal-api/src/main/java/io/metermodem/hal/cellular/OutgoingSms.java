package io.metermodem.hal.cellular;

import java.util.Objects;

/**
 * A short message to send (HAL-7). Texts longer than one SMS are split by the driver.
 *
 * @param destination recipient's number
 * @param text        the message text, at most {@link #MAX_TEXT_LENGTH} characters
 */
public record OutgoingSms(String destination, String text) {

    /** Longest text accepted: 255 concatenated parts of 67 UCS-2 characters. */
    public static final int MAX_TEXT_LENGTH = 255 * 67;

    /** @throws IllegalArgumentException for a malformed destination or an overlong text */
    public OutgoingSms {
        PhoneNumber.require(destination);
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("SMS text of " + text.length() + " characters exceeds " + MAX_TEXT_LENGTH);
        }
    }
}
