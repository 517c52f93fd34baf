/**
 * The 3GPP TS 23.040 SMS PDU codec (SMS-13) that drives the cellular module in PDU mode
 * ({@code AT+CMGF=0}): SMS-DELIVER, SMS-SUBMIT and SMS-STATUS-REPORT in both directions, the GSM
 * 7-bit default alphabet with its extension table, UCS-2 and 8-bit data, concatenated messages with
 * 8- and 16-bit references, splitting of long texts and a bounded reassembler.
 *
 * <p>Sans-I/O and dependency-free: hex or bytes in, typed messages out, and back. Every malformed
 * PDU is reported as a checked {@link io.metermodem.sms.pdu.MalformedPduException} naming the field
 * and the octet offset; time for the reassembler's time-outs is passed in as {@link java.time.Instant}s.
 */
module io.metermodem.sms.pdu {
    exports io.metermodem.sms.pdu;
}
