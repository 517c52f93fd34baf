package io.metermodem.sms.pdu;

import java.util.Objects;
import java.util.Optional;

/**
 * Choices for {@link SmsPdu#encodeSubmit(Address, String, EncodeOptions)} and
 * {@link SmsPdu#encodeDeliver(Address, java.time.OffsetDateTime, String, EncodeOptions)}. Start from
 * {@link #defaults()} and change what is needed with the {@code with...} methods.
 *
 * @param serviceCentre       the SMSC to put in the prefix; empty writes {@code 00} so the module uses
 *                            its stored SMSC
 * @param alphabet            the alphabet; empty picks GSM 7-bit when every character has a septet code
 *                            and UCS-2 otherwise
 * @param concatReference     the reference shared by the parts of a long message (0..255, or 0..65535
 *                            with a 16-bit reference); the caller changes it from message to message
 * @param sixteenBitReference whether a long message uses IEI {@code 08} (16-bit reference) instead of
 *                            {@code 00}; costs one septet/octet per part
 * @param validityPeriod      TP-VP of a submit
 * @param statusReportRequest TP-SRR of a submit (TP-SRI of a deliver)
 * @param messageReference    TP-MR of a submit, 0..255
 */
public record EncodeOptions(Optional<Address> serviceCentre, Optional<Alphabet> alphabet, int concatReference,
        boolean sixteenBitReference, ValidityPeriod validityPeriod, boolean statusReportRequest, int messageReference) {

    /**
     * @throws IllegalArgumentException if a reference is out of range or the SMSC is alphanumeric
     */
    public EncodeOptions {
        Objects.requireNonNull(serviceCentre, "serviceCentre");
        Objects.requireNonNull(alphabet, "alphabet");
        Objects.requireNonNull(validityPeriod, "validityPeriod");
        if (concatReference < 0 || concatReference > (sixteenBitReference ? 0xFFFF : 0xFF)) {
            throw new IllegalArgumentException("concatenation reference " + concatReference + " does not fit "
                    + (sixteenBitReference ? 16 : 8) + " bits");
        }
        Checks.serviceCentre(serviceCentre);
        Checks.octet("message reference", messageReference);
    }

    /** @return no SMSC, automatic alphabet, 8-bit reference 0, no validity period, no status report */
    public static EncodeOptions defaults() {
        return new EncodeOptions(Optional.empty(), Optional.empty(), 0, false, new ValidityPeriod.None(), false, 0);
    }

    /**
     * @param smsc the SMSC address for the prefix, a number
     * @return a copy with it
     * @throws IllegalArgumentException if it is alphanumeric
     */
    public EncodeOptions withServiceCentre(Address smsc) {
        return new EncodeOptions(Optional.of(smsc), alphabet, concatReference, sixteenBitReference, validityPeriod,
                statusReportRequest, messageReference);
    }

    /**
     * @param chosen the alphabet to use instead of the automatic choice
     * @return a copy with it
     */
    public EncodeOptions withAlphabet(Alphabet chosen) {
        return new EncodeOptions(serviceCentre, Optional.of(chosen), concatReference, sixteenBitReference, validityPeriod,
                statusReportRequest, messageReference);
    }

    /**
     * @param reference the concatenation reference
     * @param sixteenBit whether it is a 16-bit reference
     * @return a copy with it
     */
    public EncodeOptions withConcatReference(int reference, boolean sixteenBit) {
        return new EncodeOptions(serviceCentre, alphabet, reference, sixteenBit, validityPeriod,
                statusReportRequest, messageReference);
    }

    /**
     * @param validity the validity period
     * @return a copy with it
     */
    public EncodeOptions withValidityPeriod(ValidityPeriod validity) {
        return new EncodeOptions(serviceCentre, alphabet, concatReference, sixteenBitReference, validity,
                statusReportRequest, messageReference);
    }

    /**
     * @param request whether to ask for a status report
     * @return a copy with it
     */
    public EncodeOptions withStatusReportRequest(boolean request) {
        return new EncodeOptions(serviceCentre, alphabet, concatReference, sixteenBitReference, validityPeriod,
                request, messageReference);
    }

    /**
     * @param reference TP-MR, 0..255
     * @return a copy with it
     */
    public EncodeOptions withMessageReference(int reference) {
        return new EncodeOptions(serviceCentre, alphabet, concatReference, sixteenBitReference, validityPeriod,
                statusReportRequest, reference);
    }
}
