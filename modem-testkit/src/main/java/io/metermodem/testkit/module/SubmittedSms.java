package io.metermodem.testkit.module;

import java.util.Objects;

/**
 * A message the simulated module's network accepted from the driver (HAL-7).
 *
 * @param destination the number it was sent to
 * @param text        its text
 */
public record SubmittedSms(String destination, String text) {

    /** Checks the parts. */
    public SubmittedSms {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(text, "text");
    }
}
