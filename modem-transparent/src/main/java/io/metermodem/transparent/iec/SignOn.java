package io.metermodem.transparent.iec;

/**
 * The request message {@code / ? [device address] ! CR LF} that opens every IEC 62056-21 exchange,
 * sent at 300 baud 7E1. Without an address every meter on the line answers; with one, only the
 * meter whose address matches (leading zeros are not significant to the meter).
 *
 * @param address the device address, empty for none: at most 32 of {@code 0-9 A-Z a-z} and space
 */
public record SignOn(String address) implements IecMessage {

    /** Longest device address the standard allows. */
    public static final int MAX_ADDRESS_LENGTH = 32;

    /** The sign-on without an address: {@code /?!\r\n}. */
    public static final SignOn ANY = new SignOn("");

    /**
     * @throws IllegalArgumentException if the address is longer than 32 characters or holds a
     *                                  character other than letters, digits and space
     */
    public SignOn {
        if (address == null) {
            throw new IllegalArgumentException("address is required (use \"\" for none)");
        }
        if (address.length() > MAX_ADDRESS_LENGTH) {
            throw new IllegalArgumentException("device address longer than " + MAX_ADDRESS_LENGTH
                    + " characters: '" + address + "'");
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!(Ascii.isLetter(c) || Ascii.isDigit(c) || c == ' ')) {
                throw new IllegalArgumentException("device address may hold only letters, digits and space, found "
                        + Ascii.hex(c) + " at " + i);
            }
        }
    }

    /** @return whether the request is addressed to one meter */
    public boolean hasAddress() {
        return !address.isEmpty();
    }
}
