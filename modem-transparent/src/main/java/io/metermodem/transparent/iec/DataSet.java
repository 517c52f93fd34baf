package io.metermodem.transparent.iec;

/**
 * One data set of an IEC 62056-21 data block: {@code address(value*unit)}, e.g.
 * {@code 1.8.0(001234.5*kWh)}, {@code C.1.0(12345678)} (no unit) or {@code 0.9.1(13:45:10)}
 * (clause "Data set structure"). A register read (TR-9) is a lookup of a data set by address.
 *
 * @param address register address (OBIS or the meter's own), 0..16 characters; empty for a value
 *                that follows another data set's value on the same line (profiles)
 * @param value   the value, 0..128 characters, without {@code ( ) * / !}
 * @param unit    the unit, 0..16 characters, empty when the data set has none
 */
public record DataSet(String address, String value, String unit) {

    /** Longest address the standard allows. */
    public static final int MAX_ADDRESS_LENGTH = 16;
    /** Longest value the standard allows. */
    public static final int MAX_VALUE_LENGTH = 128;
    /** Longest unit the standard allows. */
    public static final int MAX_UNIT_LENGTH = 16;

    /**
     * @throws IllegalArgumentException when a field is too long or holds a character that would
     *                                  change the data set's structure
     */
    public DataSet {
        check("address", address, MAX_ADDRESS_LENGTH, "()/!");
        check("value", value, MAX_VALUE_LENGTH, "()*/!");
        check("unit", unit, MAX_UNIT_LENGTH, "()*/!");
    }

    private static void check(String field, String text, int max, String forbidden) {
        if (text == null) {
            throw new IllegalArgumentException(field + " is required (use \"\" for none)");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(field + " longer than " + max + " characters: '" + text + "'");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Ascii.isPrintable(c) || forbidden.indexOf(c) >= 0) {
                throw new IllegalArgumentException(field + " may not hold " + Ascii.hex(c) + " (at " + i + ")");
            }
        }
    }

    /**
     * A data set without unit.
     *
     * @param address register address
     * @param value   value
     * @return the data set
     */
    public static DataSet of(String address, String value) {
        return new DataSet(address, value, "");
    }

    /** @return whether the data set carries a unit */
    public boolean hasUnit() {
        return !unit.isEmpty();
    }

    /** @return the data set as it appears in a data block, e.g. {@code 1.8.0(001234.5*kWh)} */
    public String toText() {
        return address + "(" + value + (unit.isEmpty() ? "" : "*" + unit) + ")";
    }
}
