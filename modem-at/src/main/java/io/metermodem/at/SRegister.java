package io.metermodem.at;

import java.util.Optional;

/**
 * The S-registers the interpreter knows, with their V.250 ranges and defaults. Reading or writing
 * any other index, or a value outside the range, is answered with {@code ERROR}.
 */
public enum SRegister {
    /** S0: rings before auto-answer; 0 turns auto-answer off. The manual answers after the third ring (AT-2). */
    S0(0, 0, 255, 3),
    /** S1: rings counted for the current incoming call (read-only in effect, reset when ringing stops). */
    S1(1, 0, 255, 0),
    /** S2: escape character, {@code +}; above 127 the escape is off (AT-24). */
    S2(2, 0, 255, 43),
    /** S3: command line termination character, CR. */
    S3(3, 0, 127, 13),
    /** S4: response formatting character, LF. */
    S4(4, 0, 127, 10),
    /** S5: command line editing character, backspace. */
    S5(5, 0, 127, 8),
    /** S6: pause before blind dialling, seconds (kept for terminal programs that set it). */
    S6(6, 2, 10, 2),
    /** S7: seconds to wait for a connection after {@code ATD}/{@code ATA}. */
    S7(7, 1, 255, 60),
    /** S8: comma dial modifier pause, seconds (kept for terminal programs that set it). */
    S8(8, 0, 255, 2),
    /** S10: carrier loss delay, tenths of a second (kept for terminal programs that set it). */
    S10(10, 1, 254, 14),
    /** S12: escape guard time in fiftieths of a second (default 1 s) (AT-24). */
    S12(12, 0, 255, 50);

    private final int index;
    private final int min;
    private final int max;
    private final int defaultValue;

    SRegister(int index, int min, int max, int defaultValue) {
        this.index = index;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
    }

    /**
     * Finds a register by its number.
     *
     * @param index the number after {@code S}
     * @return the register, or empty for a number the modem does not have
     */
    public static Optional<SRegister> byIndex(int index) {
        for (SRegister r : values()) {
            if (r.index == index) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** @return the register number */
    public int index() {
        return index;
    }

    /** @return the smallest value allowed */
    public int min() {
        return min;
    }

    /** @return the largest value allowed */
    public int max() {
        return max;
    }

    /** @return the factory value */
    public int defaultValue() {
        return defaultValue;
    }

    /**
     * @param value a candidate value
     * @return whether the register accepts it
     */
    public boolean accepts(int value) {
        return value >= min && value <= max;
    }
}
