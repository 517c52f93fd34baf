package io.metermodem.sms.pdu;

import static io.metermodem.sms.pdu.PeerProcess.gammu;
import static io.metermodem.sms.pdu.PeerProcess.hexUtf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.metermodem.testsupport.Interop;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Cross-check with an independent codec (SMS-13): Debian's python3-gammu decodes what we encode and we
 * decode what it encodes, in GSM 7-bit, UCS-2 and concatenated. Fails (never skips) without the peer.
 */
@Interop
class GammuInteropTest {

    private static final String NUMBER = "+46708251358";
    private static final String GSM_TEXT = "Zähler 42: 5€ [ok] {x} ~|^\\ @£$¥ èéùìò ÇØøÅå ΔΦΓΛΩΠΨΣΘΞ ÆæßÉ ¡¿§";
    private static final String UCS2_TEXT = "Счётчик №7 — OK ✓ 😀 中文";

    private static String theirsDecode(List<EncodedPart> parts, String expectedType) throws Exception {
        List<String> lines = gammu(PeerProcess.decodeInput(parts));
        List<Map<String, String>> decoded = PeerProcess.parts(lines);
        assertEquals(parts.size(), decoded.size(), lines.toString());
        for (int i = 0; i < parts.size(); i++) {
            Map<String, String> part = decoded.get(i);
            assertEquals(expectedType, part.get("type"));
            Sms ours = parts.get(i).message();
            assertEquals(PeerProcess.utf8(hexUtf8(ours.userData().text())), PeerProcess.utf8(part.get("text")), "part " + (i + 1));
            ours.concat().ifPresent(concat -> {
                assertEquals(String.valueOf(concat.reference()), part.get("ref"));
                assertEquals(String.valueOf(concat.sequence()), part.get("part"));
                assertEquals(String.valueOf(concat.total()), part.get("all"));
            });
        }
        return PeerProcess.joined(lines);
    }

    private static List<String> theirsEncode(String layout, boolean unicode, String text) throws Exception {
        return PeerProcess.hexLines(gammu("encode " + layout + " " + (unicode ? 1 : 0) + " " + NUMBER + "\n" + hexUtf8(text) + "\n"));
    }

    @Test
    @DisplayName("SMS-13 peer gammu: decodes our GSM 7-bit submit with extension-table characters, number and text equal")
    void gammuDecodesOurGsmSubmit() throws Exception {
        List<EncodedPart> parts = SmsPdu.encodeSubmit(NUMBER, GSM_TEXT);

        assertEquals(1, parts.size());
        assertEquals(GSM_TEXT, theirsDecode(parts, "Submit"));
        assertEquals(PeerProcess.hexUtf8(NUMBER), PeerProcess.parts(gammu(PeerProcess.decodeInput(parts))).get(0).get("number"));
    }

    @Test
    @DisplayName("SMS-13 peer gammu: decodes our UCS-2 submit, surrogate pair included")
    void gammuDecodesOurUcs2Submit() throws Exception {
        assertEquals(UCS2_TEXT, theirsDecode(SmsPdu.encodeSubmit(NUMBER, UCS2_TEXT), "Submit"));
    }

    @Test
    @DisplayName("SMS-13 peer gammu: links our concatenated 7-bit parts, 8- and 16-bit references, € on a part boundary")
    void gammuLinksOurConcatenatedGsm() throws Exception {
        String text = "a".repeat(152) + "€" + GSM_TEXT.repeat(4);

        assertEquals(text, theirsDecode(SmsPdu.encodeSubmit(Address.of(NUMBER), text,
                EncodeOptions.defaults().withConcatReference(200, false)), "Submit"));
        assertEquals(text, theirsDecode(SmsPdu.encodeSubmit(Address.of(NUMBER), text,
                EncodeOptions.defaults().withConcatReference(0xBEEF, true)), "Submit"));
    }

    @Test
    @DisplayName("SMS-13 peer gammu: links our concatenated UCS-2 delivers from an alphanumeric sender")
    void gammuLinksOurConcatenatedUcs2Deliver() throws Exception {
        String text = UCS2_TEXT.repeat(8);
        List<EncodedPart> parts = SmsPdu.encodeDeliver(Address.alphanumeric("Stadtwerk"),
                OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.ofHours(-5)), text,
                EncodeOptions.defaults().withConcatReference(17, false));

        assertEquals(text, theirsDecode(parts, "Deliver"));
        assertEquals(hexUtf8("Stadtwerk"), PeerProcess.parts(gammu(PeerProcess.decodeInput(parts))).get(0).get("number"));
    }

    @Test
    @DisplayName("SMS-13 peer gammu: decodes our SMS-STATUS-REPORT (recipient, message reference, status)")
    void gammuDecodesOurStatusReport() throws Exception {
        OffsetDateTime time = OffsetDateTime.of(2026, 11, 24, 3, 4, 5, 0, ZoneOffset.ofHours(1));
        for (int status : new int[] {0x00, 0x46}) {
            SmsStatusReport report = new SmsStatusReport(java.util.Optional.of(Address.international("14155551212")), 0x2A,
                    Address.of(NUMBER), false, false, time, time.plusSeconds(30), status, java.util.OptionalInt.empty(),
                    java.util.Optional.empty(), java.util.Optional.empty());

            Map<String, String> decoded = PeerProcess.parts(gammu(PeerProcess.decodeInput(List.of(SmsPdu.encode(report))))).get(0);

            assertEquals("Status_Report", decoded.get("type"));
            assertEquals(hexUtf8(NUMBER), decoded.get("number"));
            assertEquals("42", decoded.get("mr"));
            assertEquals(String.valueOf(status), decoded.get("status"));
        }
    }

    @Test
    @DisplayName("SMS-13 peer gammu: we decode its GSM 7-bit submit and deliver")
    void weDecodeGammuGsm() throws Exception {
        SmsSubmit submit = SmsPdu.decodeSubmit(theirsEncode("Submit", false, GSM_TEXT).get(0));
        SmsDeliver deliver = SmsPdu.decodeDeliver(theirsEncode("Deliver", false, GSM_TEXT).get(0));

        assertEquals(GSM_TEXT, submit.text());
        assertEquals(Address.of(NUMBER), submit.destination());
        assertEquals(GSM_TEXT, deliver.text());
        assertEquals(Address.of(NUMBER), deliver.originator());
    }

    @Test
    @DisplayName("SMS-13 peer gammu: we decode its UCS-2 submit")
    void weDecodeGammuUcs2() throws Exception {
        SmsSubmit submit = SmsPdu.decodeSubmit(theirsEncode("Submit", true, UCS2_TEXT).get(0));

        assertEquals(Alphabet.UCS2, submit.dataCoding().alphabet());
        assertEquals(UCS2_TEXT, submit.text());
    }

    @Test
    @DisplayName("SMS-13 peer gammu: we reassemble its concatenated 7-bit and UCS-2 delivers")
    void weReassembleGammuConcatenated() throws Exception {
        for (boolean unicode : new boolean[] {false, true}) {
            String text = unicode ? UCS2_TEXT.repeat(7) : GSM_TEXT.repeat(5);
            List<String> hex = theirsEncode("Deliver", unicode, text);
            Reassembler reassembler = new Reassembler(Duration.ofMinutes(5), 4, 32);
            ReassemblyResult result = null;
            for (String part : hex.reversed()) {
                result = reassembler.accept(SmsPdu.decodeDeliver(part), Instant.EPOCH);
            }
            assertEquals(text, assertInstanceOf(ReassemblyResult.Complete.class, result).message().text());
            assertEquals(hex.size(), assertInstanceOf(ReassemblyResult.Complete.class, result).message().parts().size());
        }
    }
}
