package io.metermodem.sms.pdu;

import java.util.Optional;

/**
 * A short message as one PDU carries it (TS 23.040 9.2.2), decoded by {@link SmsPdu#decode(String)}
 * and encoded by {@link SmsPdu#encode(Sms)}. The message type indicator of the first octet selects
 * the type: {@code 00} SMS-DELIVER, {@code 01} SMS-SUBMIT, {@code 10} SMS-STATUS-REPORT.
 */
public sealed interface Sms permits SmsDeliver, SmsSubmit, SmsStatusReport {

    /** @return the SMSC address of the {@code AT+CMGR}/{@code AT+CMGS} prefix, empty when it had none */
    Optional<Address> serviceCentre();

    /** @return the user data; empty text when a status report has none */
    UserData userData();

    /** @return the concatenation element of the user data header, if any */
    default Optional<ConcatInfo> concat() {
        return userData().concat();
    }
}
