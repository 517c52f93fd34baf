package io.metermodem.testkit.hdlc;

/**
 * The frame check sequence of the HDLC frames DLMS/COSEM uses (IEC 62056-46 clause "Frame check
 * sequence", ISO/IEC 13239): CRC-16/X.25, i.e. polynomial x<sup>16</sup>+x<sup>12</sup>+x<sup>5</sup>+1
 * processed least significant bit first (reflected polynomial {@code 0x8408}), initial value
 * {@code 0xFFFF}, result complemented. The check value of the ASCII string {@code "123456789"} is
 * {@code 0x906E}. On the line the two bytes go least significant byte first, both for the header
 * check sequence (HCS) and for the frame check sequence (FCS).
 */
public final class HdlcCrc {

    private static final int[] TABLE = new int[256];

    static {
        // Byte-at-a-time table of the reflected polynomial: an 8-step shift register per entry.
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x8408 : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private HdlcCrc() {
    }

    /**
     * CRC-16/X.25 of a range of bytes.
     *
     * @param data bytes
     * @param from first index, inclusive
     * @param to   last index, exclusive
     * @return the CRC, 0..0xFFFF, to be sent low byte first
     * @throws IllegalArgumentException if the range lies outside {@code data}
     */
    public static int compute(byte[] data, int from, int to) {
        if (data == null || from < 0 || to > data.length || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") outside the data");
        }
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return ~crc & 0xFFFF;
    }

    /**
     * @param data bytes
     * @return CRC-16/X.25 of all of {@code data}
     */
    public static int compute(byte[] data) {
        if (data == null) {
            throw new IllegalArgumentException("data is required");
        }
        return compute(data, 0, data.length);
    }

    /**
     * Checks a CRC stored low byte first at {@code data[at]}, {@code data[at + 1]}.
     *
     * @param data bytes holding both the covered range and the stored CRC
     * @param from first covered index
     * @param to   end of the covered range, exclusive; the CRC is stored at {@code to}
     * @return whether the stored CRC equals the computed one
     * @throws IllegalArgumentException if the ranges lie outside {@code data}
     */
    public static boolean matches(byte[] data, int from, int to) {
        if (data == null || to + 2 > data.length) {
            throw new IllegalArgumentException("no CRC at " + to + " in the data");
        }
        int stored = (data[to] & 0xFF) | (data[to + 1] & 0xFF) << 8;
        return stored == compute(data, from, to);
    }
}
