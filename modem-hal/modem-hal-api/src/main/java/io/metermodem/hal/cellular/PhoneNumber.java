package io.metermodem.hal.cellular;

/**
 * Checks telephone numbers as the modem exchanges them with the network: an optional {@code +} and
 * 1..20 digits.
 */
public final class PhoneNumber {

    private PhoneNumber() {
    }

    /**
     * @param number the text
     * @return {@code number} itself
     * @throws IllegalArgumentException naming the offending number otherwise
     */
    public static String require(String number) {
        if (number == null || !number.matches("\\+?\\d{1,20}")) {
            throw new IllegalArgumentException("not a telephone number: '" + number + "'");
        }
        return number;
    }
}
