package io.metermodem.sms.pdu;

/** The field of a PDU in which decoding found an error, as a {@link MalformedPduException} reports it. */
public enum PduField {
    /** The hex text itself: odd length, a non-hex character, or longer than any PDU can be. */
    HEX,
    /** The length octet of the SMSC address that {@code AT+CMGR} and {@code AT+CMGS} put first. */
    SMSC_LENGTH,
    /** The SMSC address. */
    SMSC_ADDRESS,
    /** The first octet of the TPDU (message type, flags). */
    FIRST_OCTET,
    /** TP-MR, the message reference. */
    MESSAGE_REFERENCE,
    /** TP-OA, TP-DA or TP-RA: the originator, destination or recipient address. */
    ADDRESS,
    /** TP-PID, the protocol identifier. */
    PROTOCOL_ID,
    /** TP-DCS, the data coding scheme. */
    DATA_CODING,
    /** TP-SCTS, the service centre time stamp. */
    TIMESTAMP,
    /** TP-VP, the validity period. */
    VALIDITY_PERIOD,
    /** TP-DT, the discharge time of a status report. */
    DISCHARGE_TIME,
    /** TP-ST, the status of a status report. */
    STATUS,
    /** TP-PI, the parameter indicator of a status report. */
    PARAMETER_INDICATOR,
    /** TP-UDL, the user data length. */
    USER_DATA_LENGTH,
    /** The user data header (TP-UDHI set). */
    USER_DATA_HEADER,
    /** TP-UD, the user data. */
    USER_DATA
}
