package io.metermodem.sms.pdu;

/**
 * Where a part of a concatenated message belongs (TS 23.040 9.2.3.24.1 and 9.2.3.24.8).
 *
 * @param reference           the reference shared by all parts: 0..255, or 0..65535 with a 16-bit
 *                            reference
 * @param total               how many parts the message has, 1..255
 * @param sequence            which part this is, 1..total
 * @param sixteenBitReference whether the reference is 16-bit (IEI {@code 08}) rather than 8-bit
 *                            (IEI {@code 00})
 */
public record ConcatInfo(int reference, int total, int sequence, boolean sixteenBitReference) {

    /**
     * @throws IllegalArgumentException if a field is out of its range
     */
    public ConcatInfo {
        if (reference < 0 || reference > (sixteenBitReference ? 0xFFFF : 0xFF)) {
            throw new IllegalArgumentException("concatenation reference " + reference + " does not fit "
                    + (sixteenBitReference ? 16 : 8) + " bits");
        }
        if (total < 1 || total > 255) {
            throw new IllegalArgumentException("concatenation total " + total + " is not 1..255");
        }
        if (sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("concatenation sequence " + sequence + " is not 1.." + total);
        }
    }

    /** @return the information element that carries this */
    public InformationElement toElement() {
        if (sixteenBitReference) {
            return new InformationElement(InformationElement.CONCAT_16BIT,
                    new byte[] {(byte) (reference >>> 8), (byte) reference, (byte) total, (byte) sequence});
        }
        return new InformationElement(InformationElement.CONCAT_8BIT,
                new byte[] {(byte) reference, (byte) total, (byte) sequence});
    }

    @Override
    public String toString() {
        return String.format("part %d/%d, %d-bit reference %d", sequence, total, sixteenBitReference ? 16 : 8, reference);
    }
}
