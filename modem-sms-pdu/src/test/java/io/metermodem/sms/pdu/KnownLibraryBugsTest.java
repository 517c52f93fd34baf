package io.metermodem.sms.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each known library bug that PROTOCOLS.md lists, proven absent (SMS-13). */
class KnownLibraryBugsTest {

    private static final Address TO = Address.of("+46708251358");

    /** The user data of a TPDU hex (after UDL), for a submit to {@link #TO} without validity period. */
    private static String userDataHex(EncodedPart part) {
        // 11 00 0B 91 6407281553F8 00 DCS UDL = 13 octets before the user data
        return part.tpduHex().substring(2 * 13);
    }

    @Test
    @DisplayName("SMS-13 bug 'fill bits ignored after UDH': the text after a 6-octet UDH starts on the next septet boundary (1 fill bit)")
    void fillBitsAfterUserDataHeader() throws MalformedPduException {
        EncodedPart first = SmsPdu.encodeSubmit(TO, "x".repeat(200), EncodeOptions.defaults().withConcatReference(0xEB, false)).get(0);

        // 'x' = 0x78 shifted left by the one fill bit = F0; the same bytes gammu writes for this text
        assertTrue(userDataHex(first).startsWith("050003EB0201" + "F0783C1E8FC7E3F1"), userDataHex(first));
        assertEquals("x".repeat(153), SmsPdu.decodeSubmit(first.hex()).text());
    }

    @Test
    @DisplayName("SMS-13 bug 'fill bits ignored after UDH': a 16-bit reference UDH (7 octets, 8 septets) needs no fill bit")
    void noFillBitsAfterSevenOctetHeader() throws MalformedPduException {
        EncodedPart first = SmsPdu.encodeSubmit(TO, "x".repeat(200), EncodeOptions.defaults().withConcatReference(0x7E57, true)).get(0);

        assertTrue(userDataHex(first).startsWith("0608047E570201" + "783C1E8F"), userDataHex(first));
        assertEquals("x".repeat(152), SmsPdu.decodeSubmit(first.hex()).text());
    }

    @Test
    @DisplayName("SMS-13 bug 'wrong UDL in 7-bit': TP-UDL counts septets of header, fill and text (A0 = 7 + 153; 36 = 7 + 47)")
    void userDataLengthInSeptets() {
        List<EncodedPart> parts = SmsPdu.encodeSubmit(TO, "x".repeat(200), EncodeOptions.defaults());

        assertEquals("A0", parts.get(0).tpduHex().substring(24, 26));
        assertEquals("36", parts.get(1).tpduHex().substring(24, 26));
        // without a header: septets, an escape pair counting two ("a€" = 3 septets, 3 octets)
        EncodedPart euro = SmsPdu.encodeSubmit("+46708251358", "a€").get(0);
        assertEquals("03", euro.tpduHex().substring(24, 26));
        assertEquals(13 + 3, euro.tpduLength());
    }

    @Test
    @DisplayName("SMS-13 bug '€ not mapped': € is the GSM escape pair 1B 65 in DCS 00, not UCS-2, and decodes back to €")
    void euroIsMappedToTheExtensionTable() throws MalformedPduException {
        EncodedPart part = SmsPdu.encodeSubmit("+46708251358", "€").get(0);

        assertEquals("00", part.tpduHex().substring(22, 24), "DCS");
        assertEquals("02" + "9B32", part.tpduHex().substring(24));
        assertEquals("€", SmsPdu.decodeSubmit(part.hex()).text());
        assertEquals("€{}[]~|^\\\f", SmsPdu.decodeSubmit(SmsPdu.encodeSubmit("+1", "€{}[]~|^\\\f").get(0).hex()).text());
    }

    @Test
    @DisplayName("SMS-13 bug 'extended characters not counted double when splitting': 159 letters + € is 161 septets, two parts")
    void extendedCharactersCountDouble() {
        String text = "a".repeat(159) + "€";

        assertEquals(161, GsmAlphabet.septetCount(text));
        assertEquals(2, SmsPdu.encodeSubmit("+46708251358", text).size());
        assertEquals(1, SmsPdu.encodeSubmit("+46708251358", "a".repeat(158) + "€").size());
    }

    @Test
    @DisplayName("SMS-13 bug 'extended characters not counted double when splitting': an escape pair is never split across parts")
    void escapePairNeverSplit() throws MalformedPduException {
        String text = "a".repeat(152) + "€" + "b".repeat(10);

        List<String> texts = SmsPdu.split(text, Alphabet.GSM_7BIT, false);
        List<EncodedPart> parts = SmsPdu.encodeSubmit("+46708251358", text);

        assertEquals(List.of("a".repeat(152), "€" + "b".repeat(10)), texts);
        assertEquals("a".repeat(152), SmsPdu.decodeSubmit(parts.get(0).hex()).text());
        assertEquals("€" + "b".repeat(10), SmsPdu.decodeSubmit(parts.get(1).hex()).text());
        // part 1 has 7 + 152 septets: the escape did not slip in as a lone 1B
        assertEquals("9F", parts.get(0).tpduHex().substring(24, 26));
    }

    @Test
    @DisplayName("SMS-13 bug 'trailing @ when septets = 8n-1': 7 and 15 septets decode without a trailing @")
    void noTrailingAtSign() throws MalformedPduException {
        for (String text : List.of("abcdefg", "abcdefghijklmno")) {
            EncodedPart part = SmsPdu.encodeSubmit("+46708251358", text).get(0);
            assertEquals(text.length() * 7 / 8 + 1, part.tpduLength() - 13, "octets of user data for " + text);
            assertEquals(text, SmsPdu.decodeSubmit(part.hex()).text());
        }
    }

    @Test
    @DisplayName("SMS-13 bug 'trailing @ when septets = 8n-1': a text that really ends in @ keeps it")
    void realTrailingAtSignKept() throws MalformedPduException {
        EncodedPart part = SmsPdu.encodeSubmit("+46708251358", "abcdef@").get(0);

        assertEquals("abcdef@", SmsPdu.decodeSubmit(part.hex()).text());
    }
}
