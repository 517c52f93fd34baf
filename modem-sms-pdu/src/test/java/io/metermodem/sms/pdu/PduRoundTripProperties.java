package io.metermodem.sms.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Encode then decode is the identity (SMS-13): any GSM or UCS-2 text, any split, any reference size. */
class PduRoundTripProperties {

    private static final String GSM_CHARS = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà" + "\f^{}\\[~]|€";

    @Provide
    Arbitrary<String> gsmTexts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(GSM_CHARS.toCharArray()).ofMaxLength(800),
                // heavy on escape pairs so split points land between and inside them
                Arbitraries.strings().withChars("a€[]x".toCharArray()).ofMinLength(140).ofMaxLength(500));
    }

    @Provide
    Arbitrary<String> ucs2Texts() {
        net.jqwik.api.arbitraries.StringArbitrary units = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF');
        Arbitrary<String> pairs = Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString);
        return Arbitraries.oneOf(units.ofMaxLength(1), pairs, Arbitraries.strings().withChars("ЖЯ".toCharArray()).ofLength(1))
                .list().ofMaxSize(400).map(list -> String.join("", list));
    }

    @Property(tries = 300)
    @Label("SMS-13: any GSM 7-bit text (basic and extension table) survives submit encode -> decode -> reassembly, any split")
    void gsmTextRoundTrips(@ForAll("gsmTexts") String text, @ForAll @IntRange(max = 0xFFFF) int reference,
            @ForAll boolean sixteenBit) throws MalformedPduException {
        EncodeOptions options = EncodeOptions.defaults().withConcatReference(sixteenBit ? reference : reference & 0xFF, sixteenBit);

        List<EncodedPart> parts = SmsPdu.encodeSubmit(Address.of("+4912345"), text, options);

        assertRoundTrip(text, parts, Alphabet.GSM_7BIT, sixteenBit ? 152 : 153);
    }

    @Property(tries = 300)
    @Label("SMS-13: any UCS-2 text (surrogate pairs included) survives submit encode -> decode -> reassembly, any split")
    void ucs2TextRoundTrips(@ForAll("ucs2Texts") String text, @ForAll @IntRange(max = 0xFF) int reference,
            @ForAll boolean sixteenBit) throws MalformedPduException {
        EncodeOptions options = EncodeOptions.defaults().withAlphabet(Alphabet.UCS2).withConcatReference(reference, sixteenBit);

        List<EncodedPart> parts = SmsPdu.encodeSubmit(Address.of("+4912345"), text, options);

        assertRoundTrip(text, parts, Alphabet.UCS2, sixteenBit ? 66 : 67);
        for (EncodedPart part : parts) {
            String partText = ((SmsSubmit) SmsPdu.decode(part.hex())).text();
            assertFalse(!partText.isEmpty() && Character.isHighSurrogate(partText.charAt(partText.length() - 1)),
                    "a part ends in half a surrogate pair");
        }
    }

    private static void assertRoundTrip(String text, List<EncodedPart> parts, Alphabet alphabet, int perPart)
            throws MalformedPduException {
        StringBuilder joined = new StringBuilder();
        for (EncodedPart part : parts) {
            SmsSubmit decoded = assertInstanceOf(SmsSubmit.class, SmsPdu.decode(part.hex()));
            assertEquals(part.message(), decoded);
            assertEquals(alphabet, decoded.dataCoding().alphabet());
            assertEquals(part.hex().length() / 2 - 1, part.tpduLength());
            if (parts.size() > 1) {
                assertEquals(parts.size(), decoded.concat().orElseThrow().total());
                int size = alphabet == Alphabet.GSM_7BIT ? GsmAlphabet.septetCount(decoded.text()) : decoded.text().length();
                assertTrue(size <= perPart, size + " > " + perPart);
            }
            joined.append(decoded.text());
        }
        assertEquals(text, joined.toString());
    }

    @Property(tries = 200)
    @Label("SMS-13: delivered parts in any order reassemble to the sent text (GSM and UCS-2)")
    void deliveredPartsReassembleInAnyOrder(@ForAll("gsmTexts") String gsm, @ForAll("ucs2Texts") String ucs2,
            @ForAll boolean useUcs2, @ForAll java.util.Random random) throws MalformedPduException {
        String text = useUcs2 ? ucs2 : gsm;
        Address from = Address.alphanumeric("Operator");
        OffsetDateTime time = OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(-3, -30));
        List<EncodedPart> parts = new ArrayList<>(SmsPdu.encodeDeliver(from, time, text,
                EncodeOptions.defaults().withConcatReference(7, false)));
        Collections.shuffle(parts, random);
        Reassembler reassembler = new Reassembler(Duration.ofMinutes(5), 4, 300);

        ReassemblyResult last = null;
        for (EncodedPart part : parts) {
            last = reassembler.accept(SmsPdu.decodeDeliver(part.hex()), Instant.EPOCH);
        }

        ReassembledSms message = assertInstanceOf(ReassemblyResult.Complete.class, last).message();
        assertEquals(text, message.text());
        assertEquals(from, message.originator());
        assertEquals(time, message.first().serviceCentreTime());
        assertEquals(0, reassembler.pendingParts());
    }

    @Property(tries = 200)
    @Label("SMS-13: a text cut at arbitrary points (even inside a surrogate pair) into concatenated delivers reassembles exactly")
    void arbitrarySplitReassembles(@ForAll("gsmTexts") String gsm, @ForAll("ucs2Texts") String ucs2, @ForAll boolean useUcs2,
            @ForAll java.util.Random random, @ForAll boolean sixteenBit) throws MalformedPduException {
        String text = useUcs2 ? ucs2 : gsm;
        Alphabet alphabet = useUcs2 ? Alphabet.UCS2 : Alphabet.GSM_7BIT;
        // cut into pieces of random size that still fit one part each
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length() || pieces.isEmpty()) {
            int end = Math.min(text.length(), start + 1 + random.nextInt(useUcs2 ? 66 : 76));
            pieces.add(text.substring(start, end));
            start = end;
        }
        if (pieces.size() > 255) {
            return;
        }
        List<SmsDeliver> parts = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            UserData ud = UserData.text(pieces.get(i)).withHeader(List.of(
                    new ConcatInfo(sixteenBit ? 0xABCD : 0xAB, pieces.size(), i + 1, sixteenBit).toElement()));
            SmsDeliver part = SmsDeliver.of(Address.of("+3612345"), OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                    DataCoding.of(alphabet), ud);
            parts.add(SmsPdu.decodeDeliver(SmsPdu.encode(part).hex()));
        }
        Collections.shuffle(parts, random);
        Reassembler reassembler = new Reassembler(Duration.ofMinutes(5), 1, 255);

        ReassemblyResult last = null;
        for (SmsDeliver part : parts) {
            last = reassembler.accept(part, Instant.EPOCH);
        }

        assertEquals(text, assertInstanceOf(ReassemblyResult.Complete.class, last).message().text());
    }

    @Property(tries = 200)
    @Label("SMS-13: 8-bit data of any length survives encode -> decode, split into 134-octet parts")
    void binaryRoundTrips(@ForAll byte[] data) throws MalformedPduException {
        if (data.length > 255 * 134) {
            return;
        }
        List<EncodedPart> parts = SmsPdu.encodeSubmit(Address.national("0301234567"), data, EncodeOptions.defaults());

        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (EncodedPart part : parts) {
            SmsSubmit decoded = SmsPdu.decodeSubmit(part.hex());
            assertEquals(part.message(), decoded);
            joined.writeBytes(decoded.userData().binary());
        }
        assertEquals(java.util.HexFormat.of().formatHex(data), java.util.HexFormat.of().formatHex(joined.toByteArray()));
    }
}
