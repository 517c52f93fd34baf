package io.metermodem.cellular.driver;

import java.util.Locale;

/** The cellular modules there are drivers for (HAL-7). */
public enum ModuleType {
    /** Quectel EC2x/EC200: {@link io.metermodem.cellular.quectel.QuectelModule}. */
    QUECTEL,
    /** Telit LE910: {@link io.metermodem.cellular.telit.TelitModule}. */
    TELIT;

    /**
     * @param text {@code quectel} or {@code telit}, any case
     * @return the type
     * @throws IllegalArgumentException naming the choices when the text is neither
     */
    public static ModuleType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("module type '" + text + "' is not one of quectel, telit");
        }
    }
}
