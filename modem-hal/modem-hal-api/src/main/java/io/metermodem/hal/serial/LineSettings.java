package io.metermodem.hal.serial;

/**
 * Baud rate and frame format of a serial line (HAL-1).
 *
 * @param baud   bits per second, 50..4,000,000 (the meter port accepts {@link #MIN_METER_BAUD}..{@link #MAX_METER_BAUD})
 * @param format data bits, parity and stop bits
 */
public record LineSettings(int baud, FrameFormat format) {

    /** Lowest meter port speed of the WM-E2S (and the IEC 62056-21 sign-on speed). */
    public static final int MIN_METER_BAUD = 300;
    /** Highest meter port speed of the WM-E2S. */
    public static final int MAX_METER_BAUD = 115_200;
    /** The standard meter and local configuration line: 9600 8N1. */
    public static final LineSettings STANDARD_9600_8N1 = new LineSettings(9600, FrameFormat.F8N1);
    /** IEC 62056-21 sign-on: 300 7E1. */
    public static final LineSettings IEC_SIGN_ON = new LineSettings(300, FrameFormat.F7E1);

    /**
     * @throws IllegalArgumentException if the baud rate is outside 50..4,000,000 or the format missing
     */
    public LineSettings {
        if (format == null) {
            throw new IllegalArgumentException("frame format is required");
        }
        if (baud < 50 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud rate " + baud + " outside 50..4000000");
        }
    }

    /**
     * Settings for the meter port, checked against the device's range (HAL-1).
     *
     * @param baud   300..115200
     * @param format one of the seven formats
     * @return the settings
     * @throws IllegalArgumentException outside the meter port's range
     */
    public static LineSettings meter(int baud, FrameFormat format) {
        if (baud < MIN_METER_BAUD || baud > MAX_METER_BAUD) {
            throw new IllegalArgumentException("meter baud rate " + baud + " outside "
                    + MIN_METER_BAUD + ".." + MAX_METER_BAUD);
        }
        return new LineSettings(baud, format);
    }

    /**
     * Parses {@code "9600 8N1"} or {@code "9600,7E1"}.
     *
     * @param text baud and format
     * @return the settings
     * @throws IllegalArgumentException with the reason when the text is malformed
     */
    public static LineSettings parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("[\\s,]+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected '<baud> <format>' such as '9600 8N1', got '" + text + "'");
        }
        int baud;
        try {
            baud = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("baud rate '" + parts[0] + "' is not a number");
        }
        return new LineSettings(baud, FrameFormat.parse(parts[1]));
    }

    /** @return bits per character on the wire */
    public int frameBits() {
        return format.frameBits();
    }

    /** @return the exact duration of one bit in nanoseconds */
    public double bitNanos() {
        return 1e9 / baud;
    }

    /**
     * Time one character occupies on the wire: {@code frameBits / baud}.
     *
     * @return nanoseconds, rounded to the nearest nanosecond
     */
    public long frameNanos() {
        return Math.round(format.frameBits() * 1e9 / baud);
    }

    /** @return the same format at another baud rate */
    public LineSettings withBaud(int newBaud) {
        return new LineSettings(newBaud, format);
    }

    /** @return the same baud rate with another format */
    public LineSettings withFormat(FrameFormat newFormat) {
        return new LineSettings(baud, newFormat);
    }

    @Override
    public String toString() {
        return baud + " " + format.label();
    }
}
