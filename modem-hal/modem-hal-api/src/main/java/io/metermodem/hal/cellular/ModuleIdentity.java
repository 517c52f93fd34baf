package io.metermodem.hal.cellular;

import java.util.Objects;
import java.util.Optional;

/**
 * Identities of the module and its SIM (HAL-7, NET-6).
 *
 * @param manufacturer module manufacturer, e.g. {@code Quectel}
 * @param model        module model, e.g. {@code EC21}
 * @param revision     module firmware revision
 * @param imei         the module's IMEI, 15 digits
 * @param imsi         the SIM's IMSI, empty without a ready SIM
 * @param iccid        the SIM's ICCID, empty without a SIM
 */
public record ModuleIdentity(String manufacturer, String model, String revision, String imei,
                             Optional<String> imsi, Optional<String> iccid) {

    /** @throws IllegalArgumentException if the IMEI is not 15 digits or a field is missing */
    public ModuleIdentity {
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(imsi, "imsi");
        Objects.requireNonNull(iccid, "iccid");
        if (imei == null || !imei.matches("\\d{15}")) {
            throw new IllegalArgumentException("IMEI must be 15 digits, got '" + imei + "'");
        }
        imsi.ifPresent(v -> {
            if (!v.matches("\\d{6,15}")) {
                throw new IllegalArgumentException("IMSI must be 6..15 digits, got '" + v + "'");
            }
        });
        iccid.ifPresent(v -> {
            if (!v.matches("\\d{18,20}[0-9F]?")) {
                throw new IllegalArgumentException("ICCID must be 18..20 digits, got '" + v + "'");
            }
        });
    }
}
