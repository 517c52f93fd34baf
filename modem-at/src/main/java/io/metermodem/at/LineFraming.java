package io.metermodem.at;

/**
 * How a local terminal frames its characters (AT-1). The local line runs at 8N1; a 7E1 terminal's
 * frames have the same length, so its characters arrive with their even parity bit as bit 7. The
 * interpreter recognises that from the {@code AT} prefix and answers the same way: an 8N1 byte whose
 * bit 7 is the even parity of the low seven bits is, on the wire, exactly a 7E1 character.
 */
public enum LineFraming {
    /** 8 data bits, no parity, 1 stop bit: bytes as they are. */
    F8N1,
    /** 7 data bits, even parity, 1 stop bit, carried in 8N1 frames with the parity in bit 7. */
    F7E1;

    /**
     * The even parity bit of the low seven bits of a byte.
     *
     * @param b a byte
     * @return 0 or 1
     */
    public static int evenParity(int b) {
        return Integer.bitCount(b & 0x7F) & 1;
    }

    /**
     * Encodes one character for the terminal.
     *
     * @param ch a 7-bit character
     * @return the byte to send at 8N1
     */
    public int encode(int ch) {
        int low = ch & 0x7F;
        return this == F7E1 ? low | (evenParity(low) << 7) : ch & 0xFF;
    }
}
