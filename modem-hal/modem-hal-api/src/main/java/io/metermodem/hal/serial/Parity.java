package io.metermodem.hal.serial;

/** Parity bit of a UART frame. */
public enum Parity {
    /** No parity bit. */
    NONE('N'),
    /** The parity bit makes the number of one bits (data plus parity) even. */
    EVEN('E'),
    /** The parity bit makes the number of one bits (data plus parity) odd. */
    ODD('O');

    private final char letter;

    Parity(char letter) {
        this.letter = letter;
    }

    /** @return the letter used in format names such as {@code 7E1} */
    public char letter() {
        return letter;
    }

    /**
     * The parity bit this setting transmits after the given data bits.
     *
     * @param data     the data bits, least significant first on the wire
     * @param dataBits how many of them are sent
     * @return 0 or 1; for {@link #NONE} always 0 (and not sent)
     */
    public int bitFor(int data, int dataBits) {
        int ones = Integer.bitCount(data & ((1 << dataBits) - 1)) & 1;
        return switch (this) {
            case NONE -> 0;
            case EVEN -> ones;
            case ODD -> ones ^ 1;
        };
    }
}
