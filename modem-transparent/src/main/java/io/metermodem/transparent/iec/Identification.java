package io.metermodem.transparent.iec;

import java.util.Optional;

/**
 * The meter's answer to a sign-on: {@code / XXX Z [\W] ident CR LF} (IEC 62056-21 clause
 * "Identification message").
 *
 * <ul>
 *   <li>{@code XXX}: the manufacturer's three-letter code. A lower-case third letter announces a
 *       minimum reaction time of 20 ms instead of 200 ms.</li>
 *   <li>{@code Z}: the baud rate character: {@code '0'..'6'} mode C (300..19200 baud), {@code 'A'..'F'}
 *       mode B, anything else mode A.</li>
 *   <li>{@code \W}: the optional enhanced identification; {@code \2} means mode E (HDLC may follow).</li>
 *   <li>{@code ident}: the meter's type identification, at most 16 printable characters.</li>
 * </ul>
 * Example: {@code /ISk5MT174-0001} is manufacturer {@code ISk} (short reaction time), up to 9600
 * baud in mode C, identification {@code MT174-0001}.
 *
 * @param manufacturer three ASCII letters
 * @param baudCode     the character Z
 * @param enhancement  the character W after the backslash, or empty when absent
 * @param ident        the type identification, 0..16 printable characters without {@code / ! \}
 */
public record Identification(String manufacturer, char baudCode, String enhancement, String ident)
        implements IecMessage {

    /** Longest identification the standard allows. */
    public static final int MAX_IDENT_LENGTH = 16;

    /**
     * @throws IllegalArgumentException if a field breaks the rules above
     */
    public Identification {
        if (manufacturer == null || manufacturer.length() != 3
                || !manufacturer.chars().allMatch(Ascii::isLetter)) {
            throw new IllegalArgumentException("manufacturer must be three letters, got '" + manufacturer + "'");
        }
        if (!Ascii.isPrintable(baudCode) || baudCode == ' ' || isReserved(baudCode)) {
            throw new IllegalArgumentException("baud rate character " + Ascii.hex(baudCode) + " is not printable");
        }
        if (enhancement == null || enhancement.length() > 1
                || (enhancement.length() == 1 && (!Ascii.isPrintable(enhancement.charAt(0))
                        || isReserved(enhancement.charAt(0)) || enhancement.charAt(0) == ' '))) {
            throw new IllegalArgumentException("enhanced identification must be empty or one printable character, got '"
                    + enhancement + "'");
        }
        if (ident == null || ident.length() > MAX_IDENT_LENGTH) {
            throw new IllegalArgumentException("identification must be at most " + MAX_IDENT_LENGTH
                    + " characters, got '" + ident + "'");
        }
        for (int i = 0; i < ident.length(); i++) {
            char c = ident.charAt(i);
            if (!Ascii.isPrintable(c) || isReserved(c)) {
                throw new IllegalArgumentException("identification holds " + Ascii.hex(c) + " at " + i);
            }
        }
    }

    /** Characters that would make the line ambiguous: a new message, the end of a sign-on, the escape. */
    private static boolean isReserved(char c) {
        return c == '/' || c == '!' || c == '\\';
    }

    /**
     * A mode C identification without enhancement.
     *
     * @param manufacturer three letters
     * @param maxRate      the fastest rate the meter offers
     * @param ident        type identification
     * @return the message
     */
    public static Identification modeC(String manufacturer, IecBaudRate maxRate, String ident) {
        return new Identification(manufacturer, maxRate.modeCCode(), "", ident);
    }

    /** @return whether the meter answers after 20 ms instead of 200 ms (third manufacturer letter lower case) */
    public boolean shortReactionTime() {
        return Character.isLowerCase(manufacturer.charAt(2));
    }

    /** @return the protocol mode announced: E with {@code \2}, else C, B or A from the baud character */
    public IecProtocolMode protocolMode() {
        if ("2".equals(enhancement)) {
            return IecProtocolMode.E;
        }
        if (IecBaudRate.ofModeCCode(baudCode).isPresent()) {
            return IecProtocolMode.C;
        }
        if (IecBaudRate.ofModeBCode(baudCode).isPresent()) {
            return IecProtocolMode.B;
        }
        return IecProtocolMode.A;
    }

    /**
     * @return the fastest rate the meter offers: read from Z in modes B, C and E; 300 baud in mode A
     */
    public IecBaudRate maxBaudRate() {
        return switch (protocolMode()) {
            case C, E -> IecBaudRate.ofModeCCode(baudCode).orElse(IecBaudRate.B300);
            case B -> IecBaudRate.ofModeBCode(baudCode).orElseThrow();
            case A -> IecBaudRate.B300;
        };
    }

    /** @return the enhancement character, if any */
    public Optional<Character> enhancementCode() {
        return enhancement.isEmpty() ? Optional.empty() : Optional.of(enhancement.charAt(0));
    }
}
