package io.metermodem.sms.pdu;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz of the TS 23.040 decoder (SMS-13) for SMS-DELIVER, SMS-SUBMIT and
 * SMS-STATUS-REPORT. Every input must give either a message or a {@link MalformedPduException}
 * naming the field and an octet offset inside the input; nothing else may escape. A message that
 * decodes must encode again and decode back to an equal message ({@link PduChecks}).
 *
 * <p>The committed seeds ({@code PduDecoderFuzzTestInputs/<method>/}) are the PROTOCOLS.md vectors,
 * the other message kinds and known-bad PDUs; without {@code -Pfuzz} they replay as regression tests.
 */
class PduDecoderFuzzTest {

    /** The input is the PDU's octets, decoded once with the SMSC prefix and once as a bare TPDU. */
    @FuzzTest
    void decode(byte[] input) {
        PduChecks.decode(input, true);
        PduChecks.decode(input, false);
    }

    /** The input is text, as {@code +CMGR} shows it: hex digits, either case, perhaps with white space. */
    @FuzzTest
    void decodeHex(byte[] input) {
        PduChecks.decodeHex(new String(input, StandardCharsets.UTF_8));
    }
}
