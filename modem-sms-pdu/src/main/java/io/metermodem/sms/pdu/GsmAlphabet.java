package io.metermodem.sms.pdu;

import java.util.Arrays;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 section 6.2.1), and the packing
 * of septets into octets (SMS-13).
 *
 * <p>A character of the extension table (form feed, {@code ^ { } \ [ ~ ] |} and {@code €}) is sent as
 * the escape septet {@code 0x1B} followed by its code, so it counts two septets. On decoding, an escape
 * followed by a code the extension table does not define shows the basic-table character of that code,
 * and an escape followed by a second escape (or by nothing) shows a space, as TS 23.038 asks of a
 * receiver.
 */
public final class GsmAlphabet {

    /** The escape septet that announces a character of the extension table. */
    public static final int ESCAPE = 0x1B;

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** Extension table: code, character pairs. */
    private static final char[][] EXTENSION = {
        {0x0A, '\f'}, {0x14, '^'}, {0x28, '{'}, {0x29, '}'}, {0x2F, '\\'},
        {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'}, {0x65, '€'},
    };

    /** Highest char that either table maps (€, U+20AC). */
    private static final int MAX_CHAR = 0x20AC;
    /** char to septet code: -1 none, 0..127 basic, 0x100 | code for the extension table. */
    private static final short[] ENCODE = new short[MAX_CHAR + 1];
    private static final char[] DECODE_EXTENSION = new char[128];

    static {
        Arrays.fill(ENCODE, (short) -1);
        for (int code = 0; code < 128; code++) {
            if (code != ESCAPE) {
                ENCODE[BASIC.charAt(code)] = (short) code;
            }
        }
        for (char[] pair : EXTENSION) {
            ENCODE[pair[1]] = (short) (0x100 | pair[0]);
            DECODE_EXTENSION[pair[0]] = pair[1];
        }
    }

    private GsmAlphabet() {
    }

    /**
     * @param c a UTF-16 code unit
     * @return whether the basic table or the extension table has it
     */
    public static boolean canEncode(char c) {
        return c <= MAX_CHAR && ENCODE[c] >= 0;
    }

    /**
     * @param text any text
     * @return whether every character is in the basic or the extension table
     */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!canEncode(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param c a character the alphabet has
     * @return 1 for a basic-table character, 2 for an extension-table one (escape + code)
     * @throws IllegalArgumentException if neither table has it
     */
    public static int septets(char c) {
        if (!canEncode(c)) {
            throw new IllegalArgumentException(String.format("U+%04X is not in the GSM 7-bit alphabet", (int) c));
        }
        return ENCODE[c] >= 0x100 ? 2 : 1;
    }

    /**
     * @param text a text of the GSM alphabet
     * @return the septets it takes, extension-table characters counting two
     * @throws IllegalArgumentException if a character is in neither table
     */
    public static int septetCount(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            count += septets(text.charAt(i));
        }
        return count;
    }

    /** Septet codes of a text, escape pairs expanded. */
    static byte[] toSeptets(CharSequence text) {
        byte[] out = new byte[septetCount(text)];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int code = ENCODE[text.charAt(i)];
            if (code >= 0x100) {
                out[n++] = ESCAPE;
                out[n++] = (byte) (code & 0x7F);
            } else {
                out[n++] = (byte) code;
            }
        }
        return out;
    }

    /** Text of septet codes (each 0..127), escapes resolved as the class comment says. */
    static String fromSeptets(byte[] septets, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int code = septets[i] & 0x7F;
            if (code != ESCAPE) {
                text.append(BASIC.charAt(code));
                continue;
            }
            if (i + 1 >= to) {
                text.append(' ');
                continue;
            }
            int next = septets[++i] & 0x7F;
            if (next == ESCAPE) {
                text.append(' ');
            } else if (DECODE_EXTENSION[next] != 0) {
                text.append(DECODE_EXTENSION[next]);
            } else {
                text.append(BASIC.charAt(next));
            }
        }
        return text.toString();
    }

    /**
     * Packs septets into {@code out}, septet number {@code firstPosition + i} of the user data taking bits
     * {@code 7 * (firstPosition + i)} onwards, least significant bit first (TS 23.038 6.1.2.1.1).
     * Positions before {@code firstPosition} are left for the user data header and its fill bits.
     */
    static void pack(byte[] septets, int firstPosition, byte[] out, int outOffset) {
        for (int i = 0; i < septets.length; i++) {
            int bit = 7 * (firstPosition + i);
            int index = outOffset + (bit >>> 3);
            int shift = bit & 7;
            int value = septets[i] & 0x7F;
            out[index] |= (byte) (value << shift);
            if (shift > 1) {
                out[index + 1] |= (byte) (value >>> (8 - shift));
            }
        }
    }

    /** The number of octets that {@code septets} packed septets take. */
    static int packedLength(int septets) {
        return (septets * 7 + 7) / 8;
    }

    /** Unpacks septets {@code firstPosition..count-1} from packed user data (the caller checked the length). */
    static byte[] unpack(byte[] data, int dataOffset, int firstPosition, int count) {
        byte[] out = new byte[Math.max(0, count - firstPosition)];
        for (int position = firstPosition; position < count; position++) {
            int bit = 7 * position;
            int index = dataOffset + (bit >>> 3);
            int shift = bit & 7;
            int value = (data[index] & 0xFF) >>> shift;
            if (shift > 1) {
                value |= (data[index + 1] & 0xFF) << (8 - shift);
            }
            out[position - firstPosition] = (byte) (value & 0x7F);
        }
        return out;
    }
}
