package io.metermodem.testkit.module;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The network side of SMS for the {@link SimulatedCellularModule} (HAL-7): the mirror of the
 * driver's PDU codec. The simulated module only moves hex strings; whoever builds it plugs in a
 * real TS 23.040 codec or, in tests of the AT flow, a test double.
 */
public interface ModuleSmsCodec {

    /**
     * Encodes a message as the SMS-DELIVER PDUs the module stores and reports with {@code +CMTI}.
     *
     * @param originator        the sender's number
     * @param text              the text
     * @param serviceCentreTime the SMSC time stamp
     * @return the PDUs in hex, each starting with the SMSC address field, one per part
     */
    List<String> encodeDeliver(String originator, String text, Instant serviceCentreTime);

    /**
     * Decodes one SMS-SUBMIT PDU written after the {@code AT+CMGS} prompt.
     *
     * @param tpduHex the TPDU in hex, without the SMSC address field (the module strips it)
     * @return the message when this part completes it
     * @throws IllegalArgumentException when the PDU is not a valid SMS-SUBMIT
     */
    Optional<SubmittedSms> decodeSubmit(String tpduHex);
}
