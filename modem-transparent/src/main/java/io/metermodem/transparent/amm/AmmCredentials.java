package io.metermodem.transparent.amm;

import java.util.Objects;

/**
 * What the modem identifies itself with when it logs in to the EI server (TR-8). {@link #toString()}
 * masks the password, so credentials can appear in logs safely.
 *
 * @param imei     the module's IMEI
 * @param imsi     the SIM's IMSI, empty when unknown
 * @param password the AMM password, may be empty
 */
public record AmmCredentials(String imei, String imsi, String password) {

    /** @throws NullPointerException for a missing value */
    public AmmCredentials {
        Objects.requireNonNull(imei, "imei");
        Objects.requireNonNull(imsi, "imsi");
        Objects.requireNonNull(password, "password");
    }

    /**
     * @param password a password
     * @return {@code ****} for a non-empty password, empty otherwise: what logs show instead
     */
    public static String mask(String password) {
        return password.isEmpty() ? "" : "****";
    }

    @Override
    public String toString() {
        return "AmmCredentials[imei=" + imei + ", imsi=" + imsi + ", password=" + mask(password) + "]";
    }
}
