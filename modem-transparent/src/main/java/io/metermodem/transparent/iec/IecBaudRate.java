package io.metermodem.transparent.iec;

import java.util.Optional;

/**
 * The baud rates of IEC 62056-21 and the characters that name them in the identification message
 * and in the acknowledgement/option select message (clause "Identification message": the baud rate
 * identification character Z).
 *
 * <p>Mode C (and E) use the digits {@code '0'..'6'} for 300..19200 baud; mode B uses the letters
 * {@code 'A'..'F'} for 600..19200 baud (mode B has no character for 300). Each digit names exactly
 * one rate: a known bug elsewhere maps {@code '1'..'4'} to 9600, which this table does not.
 */
public enum IecBaudRate {
    /** 300 baud, mode C character {@code '0'}; the sign-on speed of every mode. */
    B300(300, '0', '\0'),
    /** 600 baud: {@code '1'} in mode C, {@code 'A'} in mode B. */
    B600(600, '1', 'A'),
    /** 1200 baud: {@code '2'} in mode C, {@code 'B'} in mode B. */
    B1200(1200, '2', 'B'),
    /** 2400 baud: {@code '3'} in mode C, {@code 'C'} in mode B. */
    B2400(2400, '3', 'C'),
    /** 4800 baud: {@code '4'} in mode C, {@code 'D'} in mode B. */
    B4800(4800, '4', 'D'),
    /** 9600 baud: {@code '5'} in mode C, {@code 'E'} in mode B. */
    B9600(9600, '5', 'E'),
    /** 19200 baud: {@code '6'} in mode C, {@code 'F'} in mode B. */
    B19200(19200, '6', 'F');

    private final int baud;
    private final char modeCCode;
    private final char modeBCode;

    IecBaudRate(int baud, char modeCCode, char modeBCode) {
        this.baud = baud;
        this.modeCCode = modeCCode;
        this.modeBCode = modeBCode;
    }

    /** @return bits per second */
    public int baud() {
        return baud;
    }

    /** @return the character Z that names this rate in mode C and E messages, {@code '0'..'6'} */
    public char modeCCode() {
        return modeCCode;
    }

    /** @return the mode B character {@code 'A'..'F'}, or empty for 300 baud, which mode B cannot name */
    public Optional<Character> modeBCode() {
        return modeBCode == '\0' ? Optional.empty() : Optional.of(modeBCode);
    }

    /**
     * @param code a baud rate character as received
     * @return the rate a mode C/E character {@code '0'..'6'} names, or empty for any other character
     */
    public static Optional<IecBaudRate> ofModeCCode(char code) {
        for (IecBaudRate rate : values()) {
            if (rate.modeCCode == code) {
                return Optional.of(rate);
            }
        }
        return Optional.empty();
    }

    /**
     * @param code a baud rate character as received
     * @return the rate a mode B character {@code 'A'..'F'} names, or empty for any other character
     */
    public static Optional<IecBaudRate> ofModeBCode(char code) {
        for (IecBaudRate rate : values()) {
            if (rate.modeBCode == code && code != '\0') {
                return Optional.of(rate);
            }
        }
        return Optional.empty();
    }

    /**
     * @param baud bits per second
     * @return the IEC rate with exactly that speed, or empty when IEC 62056-21 has no such rate
     */
    public static Optional<IecBaudRate> ofBaud(int baud) {
        for (IecBaudRate rate : values()) {
            if (rate.baud == baud) {
                return Optional.of(rate);
            }
        }
        return Optional.empty();
    }
}
