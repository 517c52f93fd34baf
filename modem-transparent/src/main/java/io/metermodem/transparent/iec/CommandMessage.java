package io.metermodem.transparent.iec;

/**
 * The programming-mode command message {@code SOH C D STX data ETX BCC} (IEC 62056-21 clause
 * "Command message"). C is the command ({@code P} password, {@code W} write, {@code R} read,
 * {@code E} execute), D its type digit ({@code P1} password in plain text, {@code R1}/{@code W1}
 * ASCII read/write, {@code R2}/{@code W2} formatted). The break {@code SOH B0 ETX} has no data and
 * is its own record, {@link Break}.
 *
 * @param command the command letter, {@code 'A'..'Z'}
 * @param type    the command type, {@code '0'..'9'}
 * @param data    the data set(s), e.g. {@code 1.8.0()} or {@code (00000000)}: printable, CR, LF
 */
public record CommandMessage(char command, char type, String data) implements IecMessage {

    /**
     * @throws IllegalArgumentException if a field breaks the rules above
     */
    public CommandMessage {
        if (command < 'A' || command > 'Z') {
            throw new IllegalArgumentException("command must be an upper-case letter, got " + Ascii.hex(command));
        }
        if (!Ascii.isDigit(type)) {
            throw new IllegalArgumentException("command type must be a digit, got " + Ascii.hex(type));
        }
        if (data == null) {
            throw new IllegalArgumentException("data is required (use \"\" for none)");
        }
        int bad = Ascii.firstNonDataChar(data);
        if (bad >= 0) {
            throw new IllegalArgumentException("command data holds " + Ascii.hex(data.charAt(bad)) + " at " + bad);
        }
    }

    /**
     * {@code P1 (password)}: log in with a plain-text password.
     *
     * @param password the meter's password
     * @return the message
     */
    public static CommandMessage password(String password) {
        return new CommandMessage('P', '1', "(" + password + ")");
    }

    /**
     * {@code R1 address()}: read one register in programming mode.
     *
     * @param address register address
     * @return the message
     */
    public static CommandMessage read(String address) {
        return new CommandMessage('R', '1', address + "()");
    }

    /**
     * {@code W1 address(value)}: write one register in programming mode.
     *
     * @param address register address
     * @param value   new value
     * @return the message
     */
    public static CommandMessage write(String address, String value) {
        return new CommandMessage('W', '1', address + "(" + value + ")");
    }
}
