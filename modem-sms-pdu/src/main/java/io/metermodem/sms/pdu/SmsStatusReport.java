package io.metermodem.sms.pdu;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * SMS-STATUS-REPORT (TS 23.040 9.2.2.3): the service centre's report on a message the modem sent
 * with TP-SRR set.
 *
 * @param serviceCentre         the SMSC of the prefix (a number), empty without one
 * @param messageReference      TP-MR of the submitted message
 * @param recipient             TP-RA, the recipient of that message
 * @param moreMessagesToSend    TP-MMS clear
 * @param statusReportQualifier TP-SRQ: reports an SMS-COMMAND rather than an SMS-SUBMIT
 * @param serviceCentreTime     TP-SCTS, when the SMSC received the message
 * @param dischargeTime         TP-DT, when it was delivered or the SMSC gave up
 * @param status                TP-ST: 0x00..0x1F completed (0x00 received), 0x20..0x3F still trying,
 *                              0x40..0x7F failed
 * @param protocolId            TP-PID, when the parameter indicator announces it
 * @param dataCoding            TP-DCS, when the parameter indicator announces it
 * @param reportData            TP-UD, when the parameter indicator announces it
 */
public record SmsStatusReport(Optional<Address> serviceCentre, int messageReference, Address recipient,
        boolean moreMessagesToSend, boolean statusReportQualifier, OffsetDateTime serviceCentreTime,
        OffsetDateTime dischargeTime, int status, OptionalInt protocolId, Optional<DataCoding> dataCoding,
        Optional<UserData> reportData) implements Sms {

    /**
     * @throws IllegalArgumentException if a field is out of range, the data does not match its coding, or
     *                                  the SMSC is alphanumeric
     */
    public SmsStatusReport {
        Objects.requireNonNull(serviceCentre, "serviceCentre");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(serviceCentreTime, "serviceCentreTime");
        Objects.requireNonNull(dischargeTime, "dischargeTime");
        Objects.requireNonNull(protocolId, "protocolId");
        Objects.requireNonNull(dataCoding, "dataCoding");
        Objects.requireNonNull(reportData, "reportData");
        Checks.serviceCentre(serviceCentre);
        Checks.octet("message reference", messageReference);
        Checks.octet("status", status);
        if (protocolId.isPresent()) {
            Checks.octet("protocol identifier", protocolId.getAsInt());
        }
        if (reportData.isPresent()) {
            Checks.userData(dataCoding.orElse(DataCoding.GSM_7BIT), reportData.get());
        }
    }

    /** @return whether the message reached its recipient (TP-ST 0x00..0x1F, transaction completed) */
    public boolean delivered() {
        return status <= 0x1F;
    }

    @Override
    public UserData userData() {
        return reportData.orElse(UserData.text(""));
    }
}
