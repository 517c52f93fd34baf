package io.metermodem.transparent.iec;

/** Why an IEC 62056-21 readout failed (TR-9). */
public enum IecReadFailureKind {
    /** No byte of an identification arrived within the maximum reaction time after the sign-on. */
    NO_IDENTIFICATION,
    /** The identification line was not valid. */
    MALFORMED_IDENTIFICATION,
    /** Nothing that could start a data message arrived within the maximum reaction time. */
    NO_DATA,
    /** A message started but the next character did not come within the inter-character time-out. */
    INTER_CHARACTER_TIMEOUT,
    /** The data message arrived with a BCC that does not match its bytes. */
    BCC_ERROR,
    /** The data message was not valid (too long, cut off, bad characters). */
    MALFORMED_DATA,
    /** The meter answered with something that ends or refuses the exchange (NAK, break, another message). */
    UNEXPECTED_MESSAGE
}
