package io.metermodem.sms.pdu;

import java.util.Objects;

/**
 * An SMS address (TS 23.040 9.1.2.5): a phone number or, for an originator, an alphanumeric name.
 *
 * @param type          the type of number; {@link TypeOfNumber#INTERNATIONAL} numbers are written with
 *                      a leading {@code +} in {@link #toString()} but {@code digits} has none
 * @param numberingPlan the 4-bit numbering plan identification (1 = ISDN/E.164; 0 for alphanumeric)
 * @param digits        the digits ({@code 0-9 * # a b c}), or the name of an alphanumeric address
 */
public record Address(TypeOfNumber type, int numberingPlan, String digits) {

    /** Longest number: 10 octets of semi-octets. */
    public static final int MAX_DIGITS = 20;
    /** Longest alphanumeric address in septets: 10 octets. */
    public static final int MAX_ALPHANUMERIC_SEPTETS = 11;

    /** The numbering plan of ordinary phone numbers (ISDN/telephone, E.164). */
    public static final int PLAN_ISDN = 1;

    /**
     * @throws IllegalArgumentException if the digits do not fit the type (see the factories)
     */
    public Address {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(digits, "digits");
        if (numberingPlan < 0 || numberingPlan > 15) {
            throw new IllegalArgumentException("numbering plan " + numberingPlan + " is not 0..15");
        }
        if (type == TypeOfNumber.ALPHANUMERIC) {
            if (!GsmAlphabet.canEncode(digits)) {
                throw new IllegalArgumentException("alphanumeric address '" + digits + "' has a character outside the GSM alphabet");
            }
            if (GsmAlphabet.septetCount(digits) > MAX_ALPHANUMERIC_SEPTETS) {
                throw new IllegalArgumentException("alphanumeric address '" + digits + "' is longer than "
                        + MAX_ALPHANUMERIC_SEPTETS + " septets");
            }
        } else {
            if (digits.length() > MAX_DIGITS) {
                throw new IllegalArgumentException("number '" + digits + "' has more than " + MAX_DIGITS + " digits");
            }
            for (int i = 0; i < digits.length(); i++) {
                if (digitCode(digits.charAt(i)) < 0) {
                    throw new IllegalArgumentException("number '" + digits + "' has '" + digits.charAt(i)
                            + "' at " + i + "; allowed are 0-9 * # a b c");
                }
            }
        }
    }

    /**
     * A number as people write it: {@code +46708251358} is international, anything else (digits,
     * {@code * #}) has the unknown type. Spaces, dashes and parentheses are dropped.
     *
     * @param number the number
     * @return the address, numbering plan ISDN
     * @throws IllegalArgumentException if it has other characters or more than 20 digits
     */
    public static Address of(String number) {
        StringBuilder kept = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c != ' ' && c != '(' && c != ')' && c != '-') {
                kept.append(c);
            }
        }
        String cleaned = kept.toString();
        if (cleaned.startsWith("+")) {
            return new Address(TypeOfNumber.INTERNATIONAL, PLAN_ISDN, cleaned.substring(1));
        }
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("empty number");
        }
        return new Address(TypeOfNumber.UNKNOWN, PLAN_ISDN, cleaned);
    }

    /**
     * @param digits the digits without a {@code +}
     * @return an international number (type-of-address {@code 91})
     */
    public static Address international(String digits) {
        return new Address(TypeOfNumber.INTERNATIONAL, PLAN_ISDN, digits);
    }

    /**
     * @param digits the digits of a number in the national format
     * @return a national number (type-of-address {@code A1})
     */
    public static Address national(String digits) {
        return new Address(TypeOfNumber.NATIONAL, PLAN_ISDN, digits);
    }

    /**
     * @param name a sender name of at most 11 septets of the GSM alphabet
     * @return an alphanumeric address (type-of-address {@code D0})
     */
    public static Address alphanumeric(String name) {
        return new Address(TypeOfNumber.ALPHANUMERIC, 0, name);
    }

    /** @return the type-of-address octet */
    public int typeOctet() {
        return 0x80 | type.code() << 4 | numberingPlan;
    }

    /** @return the number with a {@code +} if international, otherwise the digits or name as they are */
    @Override
    public String toString() {
        return type == TypeOfNumber.INTERNATIONAL ? "+" + digits : digits;
    }

    static int digitCode(char c) {
        return switch (c) {
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> c - '0';
            case '*' -> 0xA;
            case '#' -> 0xB;
            case 'a' -> 0xC;
            case 'b' -> 0xD;
            case 'c' -> 0xE;
            default -> -1;
        };
    }

    static char digitChar(int code) {
        return "0123456789*#abc".charAt(code);
    }
}
