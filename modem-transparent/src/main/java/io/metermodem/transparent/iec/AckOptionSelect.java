package io.metermodem.transparent.iec;

import java.util.Optional;

/**
 * The client's acknowledgement/option select message {@code ACK V Z Y CR LF} of modes C and E
 * (IEC 62056-21 clause "Acknowledgement/option select message"). After it has been transmitted at
 * 300 baud, both sides change to the baud rate Z; a transparent bridge that follows IEC must change
 * the meter line at the same moment (TR-11).
 *
 * @param protocolControl V: {@code '0'} normal, {@code '1'} secondary protocol, {@code '2'} HDLC
 * @param baudCode        Z: the mode C baud character {@code '0'..'6'} (other digits are reserved)
 * @param modeControl     Y: {@code '0'} data readout, {@code '1'} programming, {@code '2'} binary (HDLC)
 */
public record AckOptionSelect(char protocolControl, char baudCode, char modeControl) implements IecMessage {

    /**
     * @throws IllegalArgumentException if a field is not an ASCII digit
     */
    public AckOptionSelect {
        if (!Ascii.isDigit(protocolControl) || !Ascii.isDigit(baudCode) || !Ascii.isDigit(modeControl)) {
            throw new IllegalArgumentException("V, Z and Y must be digits, got " + Ascii.hex(protocolControl)
                    + " " + Ascii.hex(baudCode) + " " + Ascii.hex(modeControl));
        }
    }

    /**
     * {@code ACK 0 Z 0}: data readout at the given rate.
     *
     * @param rate the rate both sides change to
     * @return the message
     */
    public static AckOptionSelect readout(IecBaudRate rate) {
        return new AckOptionSelect('0', rate.modeCCode(), '0');
    }

    /**
     * {@code ACK 0 Z 1}: programming mode at the given rate.
     *
     * @param rate the rate both sides change to
     * @return the message
     */
    public static AckOptionSelect programming(IecBaudRate rate) {
        return new AckOptionSelect('0', rate.modeCCode(), '1');
    }

    /**
     * {@code ACK 2 Z 2}: mode E, HDLC (DLMS) at the given rate.
     *
     * @param rate the rate both sides change to
     * @return the message
     */
    public static AckOptionSelect hdlc(IecBaudRate rate) {
        return new AckOptionSelect('2', rate.modeCCode(), '2');
    }

    /** @return the rate Z names, or empty for a reserved digit {@code '7'..'9'} */
    public Optional<IecBaudRate> baudRate() {
        return IecBaudRate.ofModeCCode(baudCode);
    }

    /** @return whether the client selected HDLC (mode E): the line then runs 8N1 instead of 7E1 */
    public boolean selectsHdlc() {
        return protocolControl == '2';
    }
}
