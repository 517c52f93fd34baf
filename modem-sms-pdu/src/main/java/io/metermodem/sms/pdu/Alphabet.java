package io.metermodem.sms.pdu;

/** The character set of the user data, as the data coding scheme gives it (TS 23.038 section 4). */
public enum Alphabet {
    /** GSM 7-bit default alphabet with the extension table, septets packed: 160 per message. */
    GSM_7BIT,
    /** 8-bit data, not text: 140 octets per message. */
    DATA_8BIT,
    /** UCS-2 (UTF-16 big-endian code units, surrogate pairs kept whole): 70 units per message. */
    UCS2
}
