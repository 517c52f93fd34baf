package io.metermodem.sms.pdu;

/**
 * A PDU that cannot be decoded (SMS-13): names the {@link PduField} and the octet offset, counted from
 * the first octet of the given PDU (the SMSC length octet when the PDU has the SMSC prefix), where
 * decoding stopped. For a {@link PduField#HEX} error the offset is the octet the bad character belongs
 * to.
 */
public final class MalformedPduException extends Exception {

    private static final long serialVersionUID = 1L;

    private final PduField field;
    private final int offset;
    private final String reason;

    /**
     * @param field  the field in error
     * @param offset the octet offset in the PDU
     * @param reason what is wrong, in words
     */
    public MalformedPduException(PduField field, int offset, String reason) {
        super(field + " at octet " + offset + ": " + reason);
        this.field = field;
        this.offset = offset;
        this.reason = reason;
    }

    /** @return the field in error */
    public PduField field() {
        return field;
    }

    /** @return the octet offset in the PDU where the error is */
    public int offset() {
        return offset;
    }

    /** @return what is wrong, without the field and offset */
    public String reason() {
        return reason;
    }
}
