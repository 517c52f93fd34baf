/**
 * SMS PDU codec (SMS-13) after 3GPP TS 23.040 and TS 23.038.
 *
 * <ul>
 *   <li>{@link io.metermodem.sms.pdu.SmsPdu}: the entry point. Decodes a {@code +CMGR}/{@code +CMT}
 *       hex PDU into an {@link io.metermodem.sms.pdu.SmsDeliver},
 *       {@link io.metermodem.sms.pdu.SmsSubmit} or {@link io.metermodem.sms.pdu.SmsStatusReport};
 *       encodes those records back; and splits a text into the parts to send with {@code AT+CMGS}
 *       ({@link io.metermodem.sms.pdu.EncodedPart}: hex and TPDU length).</li>
 *   <li>{@link io.metermodem.sms.pdu.GsmAlphabet}: the GSM 7-bit default alphabet and extension
 *       table, septet counting.</li>
 *   <li>{@link io.metermodem.sms.pdu.Reassembler}: joins concatenated parts, bounded in pending
 *       messages and parts, with time-outs for missing parts.</li>
 * </ul>
 *
 * <p>Malformed input never raises an unchecked exception: it is a
 * {@link io.metermodem.sms.pdu.MalformedPduException} with the {@link io.metermodem.sms.pdu.PduField}
 * and octet offset where decoding stopped. Misuse of the encoding API (a text that does not fit
 * 255 parts, a character the chosen alphabet lacks) is an {@link IllegalArgumentException}.
 */
package io.metermodem.sms.pdu;
