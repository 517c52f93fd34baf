package io.metermodem.sms.pdu;

import static io.metermodem.sms.pdu.PeerProcess.hexUtf8;
import static io.metermodem.sms.pdu.PeerProcess.nodePdu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.testsupport.Interop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Cross-check with an independent codec (SMS-13): npm's node-pdu (SMSC left empty) decodes what we
 * encode and we decode what it encodes, in GSM 7-bit, UCS-2 and concatenated. Fails (never skips)
 * without the peer.
 */
@Interop
class NodePduInteropTest {

    private static final String NUMBER = "+46708251358";
    /** Every GSM character but §: node-pdu 2.1.1 decodes septet 5F as '`' instead of '§' (its bug, not ours). */
    private static final String GSM_TEXT = "Meter 0815: 5€ [ok] {x} ~|^\\ @£$¥ èéùìò ÇØøÅå ΔΦΓΛΩΠΨΣΘΞ ÆæßÉ ¡¿";
    private static final String UCS2_TEXT = "Счётчик №7 — OK ✓ 😀 中文";

    private static String theirsDecode(List<EncodedPart> parts) throws Exception {
        List<Map<String, String>> decoded = PeerProcess.parts(nodePdu(PeerProcess.decodeInput(parts)));
        assertEquals(parts.size(), decoded.size());
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Map<String, String> part = decoded.get(i);
            Sms ours = parts.get(i).message();
            assertEquals(ours instanceof SmsSubmit ? "Submit" : "Deliver", part.get("type"));
            assertEquals(hexUtf8(NUMBER.substring(1)), part.get("number"));
            ours.concat().ifPresent(concat -> {
                assertEquals(String.valueOf(concat.reference()), part.get("ref"));
                assertEquals(String.valueOf(concat.sequence()), part.get("part"));
                assertEquals(String.valueOf(concat.total()), part.get("all"));
            });
            joined.append(PeerProcess.utf8(part.get("text")));
        }
        return joined.toString();
    }

    private static List<String> theirsEncode(String text) throws Exception {
        return PeerProcess.hexLines(nodePdu("encode " + NUMBER + "\n" + hexUtf8(text) + "\n"));
    }

    private static String weDecode(List<String> hex) throws MalformedPduException {
        StringBuilder joined = new StringBuilder();
        int sequence = 1;
        for (String part : hex) {
            SmsSubmit submit = SmsPdu.decodeSubmit(part);
            assertEquals(Address.of(NUMBER), submit.destination());
            if (hex.size() > 1) {
                assertEquals(sequence++, submit.concat().orElseThrow().sequence());
            }
            joined.append(submit.text());
        }
        return joined.toString();
    }

    @Test
    @DisplayName("SMS-13 peer node-pdu: decodes our GSM 7-bit submit with extension-table characters")
    void nodePduDecodesOurGsm() throws Exception {
        assertEquals(GSM_TEXT, theirsDecode(SmsPdu.encodeSubmit(NUMBER, GSM_TEXT)));
    }

    @Test
    @DisplayName("SMS-13 peer node-pdu: decodes our UCS-2 submit, surrogate pair included")
    void nodePduDecodesOurUcs2() throws Exception {
        assertEquals(UCS2_TEXT, theirsDecode(SmsPdu.encodeSubmit(NUMBER, UCS2_TEXT)));
    }

    @Test
    @DisplayName("SMS-13 peer node-pdu: decodes our concatenated 7-bit (8- and 16-bit reference) and UCS-2 parts")
    void nodePduDecodesOurConcatenated() throws Exception {
        String gsm = "a".repeat(152) + "€" + GSM_TEXT.repeat(3);
        String ucs2 = UCS2_TEXT.repeat(6);

        assertEquals(gsm, theirsDecode(SmsPdu.encodeSubmit(Address.of(NUMBER), gsm, EncodeOptions.defaults().withConcatReference(99, false))));
        assertEquals(gsm, theirsDecode(SmsPdu.encodeSubmit(Address.of(NUMBER), gsm, EncodeOptions.defaults().withConcatReference(0x4242, true))));
        assertEquals(ucs2, theirsDecode(SmsPdu.encodeSubmit(Address.of(NUMBER), ucs2, EncodeOptions.defaults().withConcatReference(5, false))));
    }

    @Test
    @DisplayName("SMS-13 peer node-pdu: decodes our concatenated UCS-2 and 7-bit delivers with a negative time zone")
    void nodePduDecodesOurDelivers() throws Exception {
        // whole hours: node-pdu 2.1.1 prints -03:30 as "-3.5:00" (right value, odd format)
        java.time.OffsetDateTime time = java.time.OffsetDateTime.of(2026, 11, 24, 3, 4, 5, 0, java.time.ZoneOffset.ofHours(-5));
        for (String text : List.of(UCS2_TEXT.repeat(5), GSM_TEXT.repeat(4))) {
            List<EncodedPart> parts = SmsPdu.encodeDeliver(Address.of(NUMBER), time, text,
                    EncodeOptions.defaults().withConcatReference(33, false));

            assertEquals(text, theirsDecode(parts));
            List<Map<String, String>> decoded = PeerProcess.parts(nodePdu(PeerProcess.decodeInput(parts)));
            assertEquals("2026-11-24T03:04:05-05:00", decoded.get(0).get("time"));
        }
    }

    @Test
    @DisplayName("SMS-13 peer node-pdu: we decode its GSM 7-bit and UCS-2 submits")
    void weDecodeNodePdu() throws Exception {
        String ascii = "Hello meter 42 @ home: reading=1234.5 kWh";
        List<String> gsm = theirsEncode(ascii);
        List<String> ucs2 = theirsEncode(UCS2_TEXT);

        assertEquals("00", SmsPdu.decodeSubmit(gsm.get(0)).dataCoding().toString().substring(0, 2));
        assertEquals(ascii, weDecode(gsm));
        assertEquals(Alphabet.UCS2, SmsPdu.decodeSubmit(ucs2.get(0)).dataCoding().alphabet());
        assertEquals(UCS2_TEXT, weDecode(ucs2));
    }

    @Test
    @DisplayName("SMS-13 peer node-pdu: we decode its concatenated 7-bit and UCS-2 submits")
    void weDecodeNodePduConcatenated() throws Exception {
        String gsm = "The quick brown fox jumps over the lazy dog. ".repeat(9);
        String ucs2 = UCS2_TEXT.repeat(7);
        List<String> gsmParts = theirsEncode(gsm);
        List<String> ucs2Parts = theirsEncode(ucs2);

        assertTrue(gsmParts.size() > 1 && ucs2Parts.size() > 1, gsmParts.size() + " / " + ucs2Parts.size());
        assertEquals(gsm, weDecode(gsmParts));
        assertEquals(ucs2, weDecode(ucs2Parts));
    }
}
