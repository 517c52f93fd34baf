package io.metermodem.transparent.iec;

import io.metermodem.hal.serial.LineSettings;

/**
 * Set the meter line to these settings before the next action (IEC 62056-21: 300 7E1 for the
 * sign-on, the selected baud rate after the option select).
 *
 * @param settings baud rate and frame format
 */
public record ConfigureLine(LineSettings settings) implements IecSessionAction {

    /**
     * @throws IllegalArgumentException if settings are missing
     */
    public ConfigureLine {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
    }
}
