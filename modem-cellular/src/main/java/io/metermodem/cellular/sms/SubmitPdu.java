package io.metermodem.cellular.sms;

import java.util.Objects;

/**
 * One SMS-SUBMIT part as the driver sends it with {@code AT+CMGS} (HAL-7, TS 27.005 3.5.1).
 *
 * <p>{@code tpduHex} is the TPDU only, <em>without</em> the SMSC address field. The driver sends
 * {@code AT+CMGS=<tpduOctets>}, waits for the prompt, then writes {@code "00"} (an empty SMSC
 * address field: the module uses the SMSC stored on the SIM), {@code tpduHex} and Ctrl-Z. The
 * length in {@code AT+CMGS} counts the TPDU octets only, as TS 27.005 requires.
 *
 * @param tpduHex    the TPDU in upper- or lower-case hex, two digits per octet
 * @param tpduOctets the TPDU's length in octets, {@code tpduHex.length() / 2}
 */
public record SubmitPdu(String tpduHex, int tpduOctets) {

    /** Checks that the length matches the hex and that the hex is hex. */
    public SubmitPdu {
        Objects.requireNonNull(tpduHex, "tpduHex");
        if (tpduOctets < 1 || tpduOctets > 176 || tpduHex.length() != 2 * tpduOctets) {
            throw new IllegalArgumentException("TPDU of " + tpduOctets + " octets needs " + 2 * tpduOctets
                    + " hex digits (1..176 octets), got " + tpduHex.length());
        }
        for (int i = 0; i < tpduHex.length(); i++) {
            if (Character.digit(tpduHex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("not a hex digit at " + i + ": '" + tpduHex.charAt(i) + "'");
            }
        }
    }
}
