package io.metermodem.at;

import java.util.Objects;

/**
 * How the modem names itself in {@code ATI} and {@code AT+I} (AT-6, AT-15).
 *
 * @param modemType       the product name, e.g. {@code WM-E2S}
 * @param firmwareVersion the firmware version, e.g. {@code 0.1.0}
 */
public record AtIdentity(String modemType, String firmwareVersion) {
    /** The reference firmware's identity. */
    public static final AtIdentity WM_E2S = new AtIdentity("WM-E2S", "0.1.0");

    /** Checks the values are present and printable ASCII. */
    public AtIdentity {
        Objects.requireNonNull(modemType, "modemType");
        Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        if (!modemType.matches("[\\x20-\\x7E]{1,40}") || !firmwareVersion.matches("[\\x20-\\x7E]{1,40}")) {
            throw new IllegalArgumentException("identity must be 1..40 printable ASCII characters");
        }
    }
}
