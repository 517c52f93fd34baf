package io.metermodem.transparent.iec;

/** The control characters of IEC 62056-21 and the character classes its messages are made of. */
final class Ascii {
    static final int SOH = 0x01;
    static final int STX = 0x02;
    static final int ETX = 0x03;
    static final int EOT = 0x04;
    static final int ACK = 0x06;
    static final int NAK = 0x15;
    static final int LF = 0x0A;
    static final int CR = 0x0D;
    static final int SLASH = '/';

    private Ascii() {
    }

    /** @return whether {@code c} is a printable 7-bit character (space to tilde) */
    static boolean isPrintable(int c) {
        return c >= 0x20 && c <= 0x7E;
    }

    /** @return whether {@code c} may appear inside a data block or command data: printable, CR or LF */
    static boolean isDataChar(int c) {
        return isPrintable(c) || c == CR || c == LF;
    }

    /**
     * @param text data block or command data
     * @return the index of the first character that may not appear in it, or -1
     */
    static int firstNonDataChar(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isDataChar(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** @return whether {@code c} is an ASCII letter */
    static boolean isLetter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** @return whether {@code c} is an ASCII digit */
    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** @return whether {@code c} may open an IEC 62056-21 message: the decoder resynchronises on these */
    static boolean isFrameStart(int c) {
        return c == SLASH || c == ACK || c == NAK || c == STX || c == SOH;
    }

    /** @return the byte as {@code 0xNN} for error messages */
    static String hex(int b) {
        return String.format("0x%02X", b & 0xFF);
    }
}
