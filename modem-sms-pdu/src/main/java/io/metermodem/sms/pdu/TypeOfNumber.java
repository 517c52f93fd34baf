package io.metermodem.sms.pdu;

/** The type of number of an address (TS 23.040 9.1.2.5, bits 6..4 of the type-of-address octet). */
public enum TypeOfNumber {
    /** 000: unknown; the number is shown as it is. */
    UNKNOWN,
    /** 001: international; shown with a leading {@code +}. */
    INTERNATIONAL,
    /** 010: national. */
    NATIONAL,
    /** 011: network specific. */
    NETWORK_SPECIFIC,
    /** 100: subscriber number. */
    SUBSCRIBER,
    /** 101: alphanumeric, GSM 7-bit packed (a sender name such as {@code Vodafone}). */
    ALPHANUMERIC,
    /** 110: abbreviated number. */
    ABBREVIATED,
    /** 111: reserved. */
    RESERVED;

    /** @return the 3-bit code */
    public int code() {
        return ordinal();
    }

    static TypeOfNumber of(int code) {
        return values()[code & 7];
    }
}
