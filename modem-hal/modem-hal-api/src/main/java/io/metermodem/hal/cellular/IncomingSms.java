package io.metermodem.hal.cellular;

import java.time.Instant;
import java.util.Objects;

/**
 * A short message received by the module (HAL-7). The text is decoded already; concatenated parts
 * are joined by the driver.
 *
 * @param originator     sender's number
 * @param serviceCentreTime time stamp set by the service centre
 * @param text           the message text
 */
public record IncomingSms(String originator, Instant serviceCentreTime, String text) {

    /** @throws IllegalArgumentException for a malformed originator or a missing field */
    public IncomingSms {
        PhoneNumber.require(originator);
        Objects.requireNonNull(serviceCentreTime, "serviceCentreTime");
        Objects.requireNonNull(text, "text");
    }
}
