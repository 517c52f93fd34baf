package io.metermodem.transparent.iec;

/**
 * The protocol modes of IEC 62056-21, as a meter announces them in its identification message.
 * The mode decides what follows the identification: nothing to negotiate (A), an automatic speed
 * change (B), an acknowledgement/option select by the client (C), or the same with HDLC (E).
 */
public enum IecProtocolMode {
    /** Mode A: the data message follows at 300 baud; no speed change. */
    A,
    /** Mode B: both sides change to the announced speed without acknowledgement. */
    B,
    /** Mode C: the client answers with {@code ACK V Z Y}, then both change speed (TR-9, TR-11). */
    C,
    /** Mode E: mode C with the enhanced identification {@code \2}; the client may select HDLC (DLMS). */
    E
}
