package io.metermodem.transparent.bridge;

import io.metermodem.hal.serial.FrameFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The "Data format for meters" setting of the meter port (manual 3.11): {@code Auto} (TR-4) or one
 * of the seven fixed frame formats (TR-5, HAL-1).
 *
 * <p>With {@link #AUTO} the first byte of every transparent connection decides: an IEC 62056-21
 * sign-on ({@code /}) puts the meter line to 7E1, anything else to 8N1, both at the configured meter
 * baud rate. A fixed format is used as it is, whatever the head-end sends.
 */
public enum MeterDataFormat {
    /** Decide per connection from its first packet (TR-4). */
    AUTO(null),
    /** Fixed 7 data bits, even parity, 1 stop bit. */
    F7E1(FrameFormat.F7E1),
    /** Fixed 8 data bits, no parity, 1 stop bit. */
    F8N1(FrameFormat.F8N1),
    /** Fixed 7 data bits, odd parity, 1 stop bit. */
    F7O1(FrameFormat.F7O1),
    /** Fixed 7 data bits, no parity, 2 stop bits. */
    F7N2(FrameFormat.F7N2),
    /** Fixed 8 data bits, even parity, 1 stop bit. */
    F8E1(FrameFormat.F8E1),
    /** Fixed 8 data bits, odd parity, 1 stop bit. */
    F8O1(FrameFormat.F8O1),
    /** Fixed 8 data bits, no parity, 2 stop bits. */
    F8N2(FrameFormat.F8N2);

    private final FrameFormat fixed;

    MeterDataFormat(FrameFormat fixed) {
        this.fixed = fixed;
    }

    /** @return the fixed frame format, or empty for {@link #AUTO} */
    public Optional<FrameFormat> fixedFormat() {
        return Optional.ofNullable(fixed);
    }

    /** @return whether the format is chosen per connection (TR-4) */
    public boolean isAuto() {
        return fixed == null;
    }

    /**
     * @param format a frame format
     * @return the fixed data format using it
     * @throws IllegalArgumentException if {@code format} is null
     */
    public static MeterDataFormat fixed(FrameFormat format) {
        if (format == null) {
            throw new IllegalArgumentException("frame format is required");
        }
        for (MeterDataFormat f : values()) {
            if (f.fixed == format) {
                return f;
            }
        }
        throw new IllegalArgumentException("no data format for " + format);
    }

    /**
     * Parses the setting as the configuration tool writes it.
     *
     * @param text {@code Auto} or a format such as {@code 7E1} (case-insensitive)
     * @return the data format
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static MeterDataFormat parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (wanted.equals("AUTO")) {
            return AUTO;
        }
        try {
            return fixed(FrameFormat.parse(wanted));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown meter data format '" + text
                    + "': expected Auto, 7E1, 8N1, 7O1, 7N2, 8E1, 8O1 or 8N2");
        }
    }

    @Override
    public String toString() {
        return fixed == null ? "Auto" : fixed.label();
    }
}
