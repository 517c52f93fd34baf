package io.metermodem.sms.pdu;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One information element of a user data header (TS 23.040 9.2.3.24): identifier, then data.
 *
 * @param identifier the IEI, 0..255 ({@code 00} concatenation with 8-bit reference, {@code 08} with
 *                   16-bit reference)
 * @param data       the element's data, at most 137 octets
 */
public record InformationElement(int identifier, byte[] data) {

    /** IEI of concatenation with an 8-bit reference. */
    public static final int CONCAT_8BIT = 0x00;
    /** IEI of concatenation with a 16-bit reference. */
    public static final int CONCAT_16BIT = 0x08;

    /**
     * @throws IllegalArgumentException if the identifier is not an octet or the data is longer than fits
     */
    public InformationElement {
        if (identifier < 0 || identifier > 255) {
            throw new IllegalArgumentException("IEI " + identifier + " is not an octet");
        }
        if (data.length > 137) {
            throw new IllegalArgumentException("information element of " + data.length + " octets does not fit a user data header");
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    int length() {
        return 2 + data.length;
    }

    byte dataAt(int index) {
        return data[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InformationElement e && e.identifier == identifier && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return identifier * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("IE %02X [%s]", identifier, HexFormat.of().withUpperCase().formatHex(data));
    }
}
