package io.metermodem.sms.pdu;

import java.util.OptionalInt;

/**
 * TP-DCS, the data coding scheme octet (TS 23.038 section 4), with what it means for the codec: the
 * {@link Alphabet}, the message class, and whether the text is compressed (which this codec does not
 * support: such a message fails to decode with {@link PduField#DATA_CODING}).
 *
 * <p>Coding groups: {@code 00xx} and {@code 01xx} general (alphabet in bits 3..2, class in bits 1..0 if
 * bit 4 is set, bit 5 compressed); {@code 1000..1011} reserved, read as the GSM alphabet as TS 23.038
 * asks; {@code 1100}, {@code 1101} message waiting, GSM alphabet; {@code 1110} message waiting, UCS-2;
 * {@code 1111} data coding / message class (bit 2: 8-bit data, else GSM).
 *
 * @param octet the DCS octet, 0..255
 */
public record DataCoding(int octet) {

    /** GSM 7-bit, no class: {@code 00}. */
    public static final DataCoding GSM_7BIT = new DataCoding(0x00);
    /** 8-bit data, no class: {@code 04}. */
    public static final DataCoding DATA_8BIT = new DataCoding(0x04);
    /** UCS-2, no class: {@code 08}. */
    public static final DataCoding UCS2 = new DataCoding(0x08);

    /**
     * @throws IllegalArgumentException if {@code octet} is not 0..255
     */
    public DataCoding {
        if (octet < 0 || octet > 255) {
            throw new IllegalArgumentException("DCS " + octet + " is not an octet");
        }
    }

    /**
     * @param alphabet an alphabet
     * @return the plain DCS for it, without class
     */
    public static DataCoding of(Alphabet alphabet) {
        return switch (alphabet) {
            case GSM_7BIT -> GSM_7BIT;
            case DATA_8BIT -> DATA_8BIT;
            case UCS2 -> UCS2;
        };
    }

    /** @return the alphabet of the user data */
    public Alphabet alphabet() {
        int group = octet >>> 4;
        if (group <= 0b0111) {
            return switch ((octet >>> 2) & 3) {
                case 1 -> Alphabet.DATA_8BIT;
                case 2 -> Alphabet.UCS2;
                default -> Alphabet.GSM_7BIT; // 11 is reserved: read as the default alphabet
            };
        }
        if (group == 0b1110) {
            return Alphabet.UCS2;
        }
        if (group == 0b1111) {
            return (octet & 0x04) != 0 ? Alphabet.DATA_8BIT : Alphabet.GSM_7BIT;
        }
        return Alphabet.GSM_7BIT;
    }

    /** @return whether the text is compressed (general coding groups, bit 5) */
    public boolean compressed() {
        return (octet >>> 6) <= 1 && (octet & 0x20) != 0;
    }

    /** @return the message class 0..3 (0 = flash), if the DCS gives one */
    public OptionalInt messageClass() {
        int group = octet >>> 4;
        if (group <= 0b0111 && (octet & 0x10) != 0 || group == 0b1111) {
            return OptionalInt.of(octet & 3);
        }
        return OptionalInt.empty();
    }

    @Override
    public String toString() {
        return String.format("%02X (%s%s)", octet, alphabet(),
                messageClass().isPresent() ? ", class " + messageClass().getAsInt() : "");
    }
}
