package io.metermodem.transparent.iec;

/** Why the meter line changes speed in a bridged IEC 62056-21 exchange (TR-11). */
public enum SwitchReason {
    /** The HES sent {@code ACK V Z Y}: the meter now talks at rate Z (7E1, or 8N1 for HDLC). */
    OPTION_SELECT,
    /** A break {@code SOH B0 ETX} ended the session: the meter is back at 300 baud. */
    BREAK,
    /** The HES starts a new sign-on: it is sent at 300 baud whatever the previous session used. */
    NEW_SIGN_ON
}
