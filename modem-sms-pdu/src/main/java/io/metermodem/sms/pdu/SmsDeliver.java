package io.metermodem.sms.pdu;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * SMS-DELIVER (TS 23.040 9.2.2.1): a message the service centre delivers to the modem, as
 * {@code +CMGR} and {@code +CMT} show it in PDU mode.
 *
 * @param serviceCentre          the SMSC of the prefix (a number), empty without one
 * @param originator             TP-OA, the sender (a number or an alphanumeric name)
 * @param moreMessagesToSend     whether the SMSC has more messages waiting (TP-MMS bit clear)
 * @param replyPath              TP-RP
 * @param statusReportIndication TP-SRI: the sender asked for a status report
 * @param protocolId             TP-PID, 0..255
 * @param dataCoding             TP-DCS
 * @param serviceCentreTime      TP-SCTS, with the sender's time zone
 * @param userData               TP-UD with its header
 */
public record SmsDeliver(Optional<Address> serviceCentre, Address originator, boolean moreMessagesToSend,
        boolean replyPath, boolean statusReportIndication, int protocolId, DataCoding dataCoding,
        OffsetDateTime serviceCentreTime, UserData userData) implements Sms {

    /**
     * @throws IllegalArgumentException if the user data does not match the data coding, a field is out
     *                                  of range, or the SMSC is alphanumeric
     */
    public SmsDeliver {
        Objects.requireNonNull(serviceCentre, "serviceCentre");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(dataCoding, "dataCoding");
        Objects.requireNonNull(serviceCentreTime, "serviceCentreTime");
        Objects.requireNonNull(userData, "userData");
        Checks.serviceCentre(serviceCentre);
        Checks.octet("protocol identifier", protocolId);
        Checks.userData(dataCoding, userData);
    }

    /**
     * A plain delivered text without SMSC, flags or class.
     *
     * @param originator the sender
     * @param time       the service centre time stamp
     * @param coding     the data coding
     * @param userData   the user data
     * @return the message
     */
    public static SmsDeliver of(Address originator, OffsetDateTime time, DataCoding coding, UserData userData) {
        return new SmsDeliver(Optional.empty(), originator, false, false, false, 0, coding, time, userData);
    }

    /** @return the text (empty for 8-bit data) */
    public String text() {
        return userData.text();
    }
}
