package io.metermodem.testkit.hdlc;

import java.util.Optional;

/**
 * An HDLC address field of IEC 62056-46 (clause "Address field"). Every byte carries seven address
 * bits in its upper bits; the lowest bit is 1 only in the last byte, so a receiver finds the end of
 * the field without knowing its length in advance. A field is 1, 2 or 4 bytes long:
 * <ul>
 *   <li>1 byte: a client address (the client SAP, e.g. 16 for the public client, 1 for the
 *       management client) or a server's upper address alone;</li>
 *   <li>2 bytes: server upper (logical device) and lower (physical device) address, 7 bits each;</li>
 *   <li>4 bytes: upper and lower address, 14 bits each (two bytes of 7 bits, high part first).</li>
 * </ul>
 * Example: the management logical device 1 at physical address 17 as a 2-byte field is
 * {@code 02 23}; the public client 16 is {@code 21}.
 *
 * @param upper  the client SAP or the server's upper (logical device) address
 * @param lower  the server's lower (physical) address, or {@link #NONE} in a 1-byte field
 * @param length the field's length on the line: 1, 2 or 4
 */
public record HdlcAddress(int upper, int lower, int length) {

    /** The value of {@link #lower()} in a 1-byte field, which has no lower address. */
    public static final int NONE = -1;
    /** The all-stations address of a 1-byte or 2-byte field (7 bits of ones). */
    public static final int ALL_STATIONS_7 = 0x7F;
    /** The all-stations address of a 4-byte field (14 bits of ones). */
    public static final int ALL_STATIONS_14 = 0x3FFF;

    /**
     * @throws IllegalArgumentException if the length is not 1, 2 or 4 or a part does not fit its bits
     */
    public HdlcAddress {
        switch (length) {
            case 1 -> {
                check("upper", upper, 0x7F);
                if (lower != NONE) {
                    throw new IllegalArgumentException("a 1-byte address has no lower part, got " + lower);
                }
            }
            case 2 -> {
                check("upper", upper, 0x7F);
                check("lower", lower, 0x7F);
            }
            case 4 -> {
                check("upper", upper, 0x3FFF);
                check("lower", lower, 0x3FFF);
            }
            default -> throw new IllegalArgumentException("an HDLC address is 1, 2 or 4 bytes long, not " + length);
        }
    }

    private static void check(String part, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(part + " address " + value + " outside 0.." + max);
        }
    }

    /**
     * A client address (1 byte).
     *
     * @param sap the client SAP, 0..127 (16 public client, 1 management client)
     * @return the address
     */
    public static HdlcAddress client(int sap) {
        return new HdlcAddress(sap, NONE, 1);
    }

    /**
     * A server address in the shortest field that holds it: 2 bytes when both parts fit 7 bits,
     * else 4 bytes.
     *
     * @param logical  the upper address (logical device), 1 for the management logical device
     * @param physical the lower address (physical device)
     * @return the address
     */
    public static HdlcAddress server(int logical, int physical) {
        boolean small = logical <= 0x7F && physical <= 0x7F;
        return new HdlcAddress(logical, physical, small ? 2 : 4);
    }

    /** @return the field's bytes as they go on the line */
    public byte[] encode() {
        return switch (length) {
            case 1 -> new byte[] {(byte) (upper << 1 | 1)};
            case 2 -> new byte[] {(byte) (upper << 1), (byte) (lower << 1 | 1)};
            default -> new byte[] {(byte) ((upper >> 7) << 1), (byte) ((upper & 0x7F) << 1),
                    (byte) ((lower >> 7) << 1), (byte) ((lower & 0x7F) << 1 | 1)};
        };
    }

    /**
     * Reads an address field: bytes up to and including the first one with its lowest bit set.
     *
     * @param data  bytes
     * @param from  index of the field's first byte
     * @param limit end of the bytes available, exclusive
     * @return the address, or empty when the field is unterminated within 4 bytes or the limit,
     *         or 3 bytes long (no such field exists)
     */
    public static Optional<HdlcAddress> parse(byte[] data, int from, int limit) {
        int end = from;
        while (end < limit && end - from < 4 && (data[end] & 1) == 0) {
            end++;
        }
        if (end >= limit || (data[end] & 1) == 0) {
            return Optional.empty();
        }
        int n = end - from + 1;
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = (data[from + i] & 0xFF) >>> 1;
        }
        return switch (n) {
            case 1 -> Optional.of(new HdlcAddress(v[0], NONE, 1));
            case 2 -> Optional.of(new HdlcAddress(v[0], v[1], 2));
            case 4 -> Optional.of(new HdlcAddress(v[0] << 7 | v[1], v[2] << 7 | v[3], 4));
            default -> Optional.empty();
        };
    }

    /** @return whether the upper address is the all-stations (broadcast) address of its field */
    public boolean upperIsAllStations() {
        return upper == (length == 4 ? ALL_STATIONS_14 : ALL_STATIONS_7);
    }

    /** @return whether the lower address is the all-stations (broadcast) address of its field */
    public boolean lowerIsAllStations() {
        return length != 1 && lower == (length == 4 ? ALL_STATIONS_14 : ALL_STATIONS_7);
    }

    @Override
    public String toString() {
        return length == 1 ? "HdlcAddress[" + upper + "]" : "HdlcAddress[" + upper + "/" + lower + ", " + length + " bytes]";
    }
}
