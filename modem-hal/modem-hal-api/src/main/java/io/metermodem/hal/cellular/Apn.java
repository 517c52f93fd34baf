package io.metermodem.hal.cellular;

import java.util.Objects;

/**
 * Access point for packet data (HAL-7, {@code conn.apn_name}, {@code conn.apn_user},
 * {@code conn.apn_pass}). {@link #toString()} never shows the password.
 *
 * @param name     the APN, at most 100 characters
 * @param user     user name, empty for none
 * @param password password, empty for none
 */
public record Apn(String name, String user, String password) {

    /** @throws IllegalArgumentException for a missing or overlong name */
    public Apn {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (name == null || name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("APN name must have 1..100 characters");
        }
    }

    /**
     * @param name the APN
     * @return an APN without credentials
     */
    public static Apn of(String name) {
        return new Apn(name, "", "");
    }

    @Override
    public String toString() {
        return "Apn[name=" + name + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****") + "]";
    }
}
