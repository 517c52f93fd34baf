package io.metermodem.transparent.iec;

import io.metermodem.hal.serial.LineSettings;

/**
 * Change the meter line to {@code settings} at a precise point of the byte stream (TR-11).
 *
 * <p>{@code afterBytes} counts bytes of the chunk just passed to the follower. For a chunk from the
 * HES, the bridge writes that many bytes to the meter at the old settings, waits until they have
 * been transmitted, changes the line, then writes the rest of the chunk. For a chunk from the meter
 * the bytes have already been received and the bridge changes the line at once.
 *
 * @param settings   the new meter line settings
 * @param reason     why
 * @param afterBytes bytes of the current chunk that belong before the change, 0..chunk length
 */
public record SwitchMeterLine(LineSettings settings, SwitchReason reason, int afterBytes) implements BaudFollowerEvent {

    /**
     * @throws IllegalArgumentException if settings or reason are missing or afterBytes is negative
     */
    public SwitchMeterLine {
        if (settings == null || reason == null || afterBytes < 0) {
            throw new IllegalArgumentException("settings, reason and afterBytes >= 0 are required");
        }
    }
}
