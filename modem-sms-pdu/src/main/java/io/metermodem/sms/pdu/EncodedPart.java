package io.metermodem.sms.pdu;

import java.util.Objects;

/**
 * One PDU ready for {@code AT+CMGS=<tpduLength>}, then {@code hex} and Ctrl-Z.
 *
 * @param message    the message this part encodes
 * @param hex        the whole PDU in upper-case hex, SMSC prefix first ({@code 00} for none)
 * @param tpduLength the number of octets after the SMSC prefix: the length {@code AT+CMGS} takes
 */
public record EncodedPart(Sms message, String hex, int tpduLength) {

    /**
     * @throws IllegalArgumentException if the length does not fit the hex
     */
    public EncodedPart {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hex, "hex");
        if (tpduLength < 0 || 2 * tpduLength > hex.length()) {
            throw new IllegalArgumentException("TPDU length " + tpduLength + " does not fit " + hex.length() + " hex digits");
        }
    }

    /** @return the hex without the SMSC prefix (for modules that take the bare TPDU) */
    public String tpduHex() {
        return hex.substring(hex.length() - 2 * tpduLength);
    }
}
