package io.metermodem.transparent.iec;

import java.util.OptionalInt;

/**
 * The block check character of IEC 62056-21 (clause "Message formats"): the exclusive-or of every
 * byte after the first SOH or STX of a message, up to and including the ETX (or EOT of a partial
 * block). Data and command messages end with it; a receiver that computes a different value must
 * treat the message as corrupted.
 *
 * <p>Example: the write command {@code SOH W2 STX C003(910324092239) ETX} has BCC {@code 0x1B}.
 */
public final class IecBcc {

    private IecBcc() {
    }

    /**
     * XOR of a range of bytes.
     *
     * @param data bytes
     * @param from first index, inclusive
     * @param to   last index, exclusive
     * @return the XOR of {@code data[from..to)}, 0..255
     * @throws IllegalArgumentException if the range is outside {@code data}
     */
    public static int xor(byte[] data, int from, int to) {
        if (data == null || from < 0 || to > data.length || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") outside the data");
        }
        int bcc = 0;
        for (int i = from; i < to; i++) {
            bcc ^= data[i];
        }
        return bcc & 0xFF;
    }

    /**
     * The BCC a complete frame must carry: the XOR from the byte after the first SOH or STX up to and
     * including the first ETX or EOT that follows it. A trailing BCC byte, if present, is ignored.
     *
     * @param frame the message bytes, with or without its BCC
     * @return the BCC, or empty when the bytes hold no SOH/STX followed by ETX/EOT
     */
    public static OptionalInt ofFrame(byte[] frame) {
        if (frame == null) {
            throw new IllegalArgumentException("frame is required");
        }
        int start = -1;
        for (int i = 0; i < frame.length; i++) {
            if (frame[i] == Ascii.SOH || frame[i] == Ascii.STX) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {
            return OptionalInt.empty();
        }
        for (int i = start; i < frame.length; i++) {
            if (frame[i] == Ascii.ETX || frame[i] == Ascii.EOT) {
                return OptionalInt.of(xor(frame, start, i + 1));
            }
        }
        return OptionalInt.empty();
    }
}
