package io.metermodem.transparent.iec;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Send these bytes to the meter, not earlier than {@code delay} after the last byte received (the
 * minimum reaction time t<sub>r</sub> of IEC 62056-21; zero for the sign-on). The action is complete
 * when the last byte has been transmitted.
 *
 * @param bytes the bytes; the record keeps and hands out copies
 * @param delay the minimum wait after the last received byte
 */
public record Transmit(byte[] bytes, Duration delay) implements IecSessionAction {

    /**
     * @throws IllegalArgumentException if bytes or delay are missing, or the delay negative
     */
    public Transmit {
        if (bytes == null || delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("bytes and a non-negative delay are required");
        }
        bytes = bytes.clone();
    }

    /** @return a copy of the bytes to send */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Transmit t && Arrays.equals(bytes, t.bytes) && delay.equals(t.delay);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + delay.hashCode();
    }

    @Override
    public String toString() {
        return "Transmit[" + HexFormat.ofDelimiter(" ").formatHex(bytes) + " after " + delay.toMillis() + " ms]";
    }
}
