package io.metermodem.sms.pdu;

import java.util.Objects;
import java.util.Optional;

/**
 * SMS-SUBMIT (TS 23.040 9.2.2.2): a message the modem hands to the service centre with
 * {@code AT+CMGS}.
 *
 * @param serviceCentre       the SMSC of the prefix (a number), empty to let the module use its stored one
 * @param messageReference    TP-MR, 0..255 (modules usually replace it)
 * @param destination         TP-DA
 * @param rejectDuplicates    TP-RD
 * @param replyPath           TP-RP
 * @param statusReportRequest TP-SRR
 * @param protocolId          TP-PID, 0..255
 * @param dataCoding          TP-DCS
 * @param validityPeriod      TP-VP and, through its type, TP-VPF
 * @param userData            TP-UD with its header
 */
public record SmsSubmit(Optional<Address> serviceCentre, int messageReference, Address destination,
        boolean rejectDuplicates, boolean replyPath, boolean statusReportRequest, int protocolId,
        DataCoding dataCoding, ValidityPeriod validityPeriod, UserData userData) implements Sms {

    /**
     * @throws IllegalArgumentException if the user data does not match the data coding, a field is out
     *                                  of range, or the SMSC is alphanumeric
     */
    public SmsSubmit {
        Objects.requireNonNull(serviceCentre, "serviceCentre");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(dataCoding, "dataCoding");
        Objects.requireNonNull(validityPeriod, "validityPeriod");
        Objects.requireNonNull(userData, "userData");
        if (destination.type() == TypeOfNumber.ALPHANUMERIC) {
            throw new IllegalArgumentException("a destination cannot be alphanumeric");
        }
        Checks.serviceCentre(serviceCentre);
        Checks.octet("message reference", messageReference);
        Checks.octet("protocol identifier", protocolId);
        Checks.userData(dataCoding, userData);
    }

    /** @return the text (empty for 8-bit data) */
    public String text() {
        return userData.text();
    }
}
