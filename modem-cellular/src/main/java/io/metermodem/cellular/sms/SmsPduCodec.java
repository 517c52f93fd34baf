package io.metermodem.cellular.sms;

import io.metermodem.hal.cellular.IncomingSms;
import io.metermodem.hal.cellular.OutgoingSms;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The seam between the AT drivers and the TS 23.040 PDU codec (HAL-7). The drivers speak PDU mode
 * ({@code AT+CMGF=0}) and move hex strings; what is inside the PDUs is this interface's business.
 * The real codec lives in its own module and is plugged in by whoever assembles the firmware.
 *
 * <p>Implementations must be safe to call from the driver's scheduler thread and keep their
 * reassembly state bounded (drop incomplete concatenations after a while).
 */
public interface SmsPduCodec {

    /**
     * Encodes a message into SMS-SUBMIT parts, concatenated with a user data header when it does
     * not fit one part.
     *
     * @param sms the message
     * @return the parts in sending order, at least one; each without the SMSC address field (see {@link SubmitPdu})
     * @throws IllegalArgumentException when the message cannot be encoded (too long)
     */
    List<SubmitPdu> encode(OutgoingSms sms);

    /**
     * Takes one received SMS-DELIVER PDU as {@code AT+CMGR} or the {@code +CMT} URC give it: hex,
     * <em>starting with the SMSC address field</em> (TS 27.005 3.1, {@code <pdu>}).
     *
     * @param pduHex the PDU in hex
     * @param now    the current time, to age out incomplete concatenations
     * @return the whole message when this PDU completes it (a single-part message at once), empty
     *         while parts are missing
     * @throws MalformedPduException when the PDU cannot be decoded
     */
    Optional<IncomingSms> decode(String pduHex, Instant now) throws MalformedPduException;
}
