package io.metermodem.sms.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encode then decode is the identity (SMS-13): any GSM 7-bit text (basic and extension table), any
 * UCS-2 text (surrogate pairs included), any 8-bit data, split into concatenated parts with 8- or
 * 16-bit references and reassembled in any order; and any SMS-DELIVER, SMS-SUBMIT or
 * SMS-STATUS-REPORT with every field drawn from its whole range. Small domains (every character of
 * the GSM tables, every septet count of one message, every DCS octet, every relative validity octet)
 * are tried exhaustively.
 */
class PduRoundTripProperties {

    /** Every character of the GSM basic table (escape excluded) and of its extension table. */
    static final String GSM_CHARS = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà" + "\f^{}\\[~]|€";
    private static final String NUMBER_DIGITS = "0123456789*#abc";

    /** A GSM text: any characters of both tables, or one dense in escape pairs so cuts land next to them. */
    static String gsmText(Gen gen) {
        return gen.bool() ? gen.string(0, 800, GSM_CHARS) : gen.string(140, 500, "a€[]x");
    }

    /**
     * A UCS-2 text of up to 400 pieces, each a code unit outside the surrogates (or nothing), a
     * supplementary code point (a surrogate pair), or a Cyrillic letter.
     */
    static String ucs2Text(Gen gen) {
        int pieces = gen.size(0, 400);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            switch (gen.uniformInt(0, 2)) {
                case 0 -> {
                    if (gen.bool()) {
                        char c = gen.charBetween('\u0000', (char) 0xF7FF);
                        text.append(c < 0xD800 ? c : (char) (c + 0x0800)); // skip the surrogate block
                    }
                }
                case 1 -> text.appendCodePoint(gen.intBetween(0x10000, 0x10FFFF));
                default -> text.append(gen.oneOf('Ж', 'Я'));
            }
        }
        return text.toString();
    }

    @Property(tries = 300)
    @DisplayName("SMS-13: any GSM 7-bit text (basic and extension table) survives submit encode -> decode -> reassembly, any split")
    void gsmTextRoundTrips(Gen gen) throws MalformedPduException {
        String text = gsmText(gen);
        int reference = gen.intBetween(0, 0xFFFF);
        boolean sixteenBit = gen.bool();
        EncodeOptions options = EncodeOptions.defaults().withConcatReference(sixteenBit ? reference : reference & 0xFF, sixteenBit);

        List<EncodedPart> parts = SmsPdu.encodeSubmit(Address.of("+4912345"), text, options);

        assertRoundTrip(text, parts, Alphabet.GSM_7BIT, sixteenBit ? 152 : 153);
    }

    @Property(tries = 300)
    @DisplayName("SMS-13: any UCS-2 text (surrogate pairs included) survives submit encode -> decode -> reassembly, any split")
    void ucs2TextRoundTrips(Gen gen) throws MalformedPduException {
        String text = ucs2Text(gen);
        int reference = gen.intBetween(0, 0xFF);
        boolean sixteenBit = gen.bool();
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
    @DisplayName("SMS-13: delivered parts in any order reassemble to the sent text (GSM and UCS-2)")
    void deliveredPartsReassembleInAnyOrder(Gen gen) throws MalformedPduException {
        String text = gen.bool() ? ucs2Text(gen) : gsmText(gen);
        Address from = Address.alphanumeric("Operator");
        OffsetDateTime time = OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(-3, -30));
        List<EncodedPart> parts = gen.shuffled(SmsPdu.encodeDeliver(from, time, text,
                EncodeOptions.defaults().withConcatReference(7, false)));
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
    @DisplayName("SMS-13: a text cut at arbitrary points (even inside a surrogate pair) into concatenated delivers reassembles exactly")
    void arbitrarySplitReassembles(Gen gen) throws MalformedPduException {
        boolean useUcs2 = gen.bool();
        String text = useUcs2 ? ucs2Text(gen) : gsmText(gen);
        boolean sixteenBit = gen.bool();
        Alphabet alphabet = useUcs2 ? Alphabet.UCS2 : Alphabet.GSM_7BIT;
        // cut into pieces of random size that still fit one part each
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length() || pieces.isEmpty()) {
            int end = Math.min(text.length(), start + gen.intBetween(1, useUcs2 ? 66 : 76));
            pieces.add(text.substring(start, end));
            start = end;
        }
        // a UCS-2 text of 400 pieces has at most 800 units, so never more than 255 parts
        assertTrue(pieces.size() <= SmsPdu.MAX_PARTS, pieces.size() + " pieces");
        List<SmsDeliver> parts = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            UserData ud = UserData.text(pieces.get(i)).withHeader(List.of(
                    new ConcatInfo(sixteenBit ? 0xABCD : 0xAB, pieces.size(), i + 1, sixteenBit).toElement()));
            SmsDeliver part = SmsDeliver.of(Address.of("+3612345"), OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                    DataCoding.of(alphabet), ud);
            parts.add(SmsPdu.decodeDeliver(SmsPdu.encode(part).hex()));
        }
        parts = gen.shuffled(parts);
        Reassembler reassembler = new Reassembler(Duration.ofMinutes(5), 1, 255);

        ReassemblyResult last = null;
        for (SmsDeliver part : parts) {
            last = reassembler.accept(part, Instant.EPOCH);
        }

        assertEquals(text, assertInstanceOf(ReassemblyResult.Complete.class, last).message().text());
    }

    @Property(tries = 200)
    @DisplayName("SMS-13: 8-bit data of any length survives encode -> decode, split into 134-octet parts (133 with a 16-bit reference)")
    void binaryRoundTrips(Gen gen) throws MalformedPduException {
        // mostly up to a few parts, sometimes up to the 255 parts the most data needs
        byte[] data = gen.chance(0.05) ? gen.bytes(0, SmsPdu.MAX_PARTS * 133) : gen.bytes(0, 1200);
        boolean sixteenBit = gen.bool();
        int reference = gen.intBetween(0, sixteenBit ? 0xFFFF : 0xFF);

        List<EncodedPart> parts = SmsPdu.encodeSubmit(Address.national("0301234567"), data,
                EncodeOptions.defaults().withConcatReference(reference, sixteenBit));

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            SmsSubmit decoded = SmsPdu.decodeSubmit(parts.get(i).hex());
            assertEquals(parts.get(i).message(), decoded);
            assertEquals(Alphabet.DATA_8BIT, decoded.dataCoding().alphabet());
            if (parts.size() > 1) {
                assertEquals(new ConcatInfo(reference, parts.size(), i + 1, sixteenBit), decoded.concat().orElseThrow());
                assertTrue(decoded.userData().binary().length <= (sixteenBit ? 133 : 134));
            }
            joined.writeBytes(decoded.userData().binary());
        }
        assertArrayEquals(data, joined.toByteArray());
    }

    @Property(tries = 1000)
    @DisplayName("SMS-13: any SMS-DELIVER, SMS-SUBMIT or SMS-STATUS-REPORT, every field over its range, decodes to itself")
    void anyMessageRoundTrips(Gen gen) throws MalformedPduException {
        Sms sms = message(gen);

        EncodedPart part = SmsPdu.encode(sms);

        assertEquals(sms, SmsPdu.decode(part.hex()));
        PduChecks.assertReencodes(sms);
    }

    /** A message of any type with every field drawn from its range; the user data fits one message. */
    static Sms message(Gen gen) {
        return switch (gen.uniformInt(0, 2)) {
            case 0 -> {
                DataCoding coding = dataCoding(gen);
                yield new SmsDeliver(serviceCentre(gen), address(gen, true), gen.bool(), gen.bool(), gen.bool(),
                        gen.intBetween(0, 255), coding, timestamp(gen), userData(gen, coding));
            }
            case 1 -> {
                DataCoding coding = dataCoding(gen);
                yield new SmsSubmit(serviceCentre(gen), gen.intBetween(0, 255), address(gen, false), gen.bool(),
                        gen.bool(), gen.bool(), gen.intBetween(0, 255), coding, validity(gen), userData(gen, coding));
            }
            default -> {
                OptionalInt pid = gen.bool() ? OptionalInt.of(gen.intBetween(0, 255)) : OptionalInt.empty();
                Optional<DataCoding> coding = gen.bool() ? Optional.of(dataCoding(gen)) : Optional.empty();
                Optional<UserData> data = gen.bool()
                        ? Optional.of(userData(gen, coding.orElse(DataCoding.GSM_7BIT))) : Optional.empty();
                yield new SmsStatusReport(serviceCentre(gen), gen.intBetween(0, 255), address(gen, true), gen.bool(),
                        gen.bool(), timestamp(gen), timestamp(gen), gen.intBetween(0, 255), pid, coding, data);
            }
        };
    }

    private static Optional<Address> serviceCentre(Gen gen) {
        return gen.bool() ? Optional.empty() : Optional.of(number(gen));
    }

    /** A number of any type but alphanumeric, any numbering plan, 0 to 20 digits of the BCD set. */
    private static Address number(Gen gen) {
        TypeOfNumber type = gen.oneOf(TypeOfNumber.UNKNOWN, TypeOfNumber.INTERNATIONAL, TypeOfNumber.NATIONAL,
                TypeOfNumber.NETWORK_SPECIFIC, TypeOfNumber.SUBSCRIBER, TypeOfNumber.ABBREVIATED, TypeOfNumber.RESERVED);
        return new Address(type, gen.intBetween(0, 15), gen.string(0, Address.MAX_DIGITS, NUMBER_DIGITS));
    }

    private static Address address(Gen gen, boolean alphanumericAllowed) {
        if (alphanumericAllowed && gen.chance(0.3)) {
            String name = gen.string(0, Address.MAX_ALPHANUMERIC_SEPTETS, GSM_CHARS);
            while (GsmAlphabet.septetCount(name) > Address.MAX_ALPHANUMERIC_SEPTETS) {
                name = name.substring(1);
            }
            return Address.alphanumeric(name);
        }
        return number(gen);
    }

    /** Any DCS octet but the compressed ones, which the codec does not support. */
    private static DataCoding dataCoding(Gen gen) {
        if (gen.chance(0.3)) {
            return gen.oneOf(DataCoding.GSM_7BIT, DataCoding.UCS2, DataCoding.DATA_8BIT);
        }
        DataCoding coding = new DataCoding(gen.intBetween(0, 255));
        return coding.compressed() ? new DataCoding(coding.octet() & ~0x20) : coding;
    }

    /** Any time of 2000..2099 in any whole-quarter-hour zone within +-18 h. */
    static OffsetDateTime timestamp(Gen gen) {
        LocalDate day = LocalDate.of(2000, 1, 1).plusDays(gen.intBetween(0, 36524));
        return OffsetDateTime.of(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), gen.intBetween(0, 23),
                gen.intBetween(0, 59), gen.intBetween(0, 59), 0, ZoneOffset.ofTotalSeconds(gen.intBetween(-72, 72) * 15 * 60));
    }

    private static ValidityPeriod validity(Gen gen) {
        return switch (gen.uniformInt(0, 3)) {
            case 0 -> new ValidityPeriod.None();
            case 1 -> new ValidityPeriod.Relative(gen.intBetween(0, 255));
            case 2 -> new ValidityPeriod.Absolute(timestamp(gen));
            default -> new ValidityPeriod.Enhanced(gen.bytes(7, 7));
        };
    }

    /**
     * User data for the coding: sometimes a header of random elements (a concatenation element among
     * them), then as much text or data as still fits one message, often all of it.
     */
    private static UserData userData(Gen gen, DataCoding coding) {
        List<InformationElement> header = new ArrayList<>();
        int headerOctets = 0;
        if (gen.chance(0.4)) {
            headerOctets = 1;
            int elements = gen.intBetween(0, 4);
            for (int i = 0; i < elements; i++) {
                InformationElement element = gen.bool()
                        ? new ConcatInfo(gen.intBetween(0, 255), gen.intBetween(1, 255), 1, false).toElement()
                        : new InformationElement(gen.intBetween(0, 255), gen.bytes(0, 40));
                if (headerOctets + 2 + element.data().length > SmsPdu.MAX_OCTETS) {
                    break;
                }
                header.add(element);
                headerOctets += 2 + element.data().length;
            }
            if (header.isEmpty()) {
                headerOctets = 0;
            }
        }
        UserData body = switch (coding.alphabet()) {
            case GSM_7BIT -> {
                int septets = SmsPdu.MAX_SEPTETS - (headerOctets * 8 + 6) / 7;
                String text = gen.string(0, septets, GSM_CHARS);
                while (GsmAlphabet.septetCount(text) > septets) {
                    text = text.substring(1);
                }
                yield UserData.text(text);
            }
            case UCS2 -> {
                int units = (SmsPdu.MAX_OCTETS - headerOctets) / 2;
                String text = ucs2Text(gen);
                yield UserData.text(text.substring(0, Math.min(units, text.length())));
            }
            case DATA_8BIT -> UserData.binary(gen.bytes(0, SmsPdu.MAX_OCTETS - headerOctets));
        };
        return body.withHeader(header);
    }

    static Stream<Arguments> gsmCharacters() {
        return GSM_CHARS.chars().mapToObj(c -> Arguments.of((char) c));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("gsmCharacters")
    @DisplayName("SMS-13: every character of the GSM basic and extension tables, alone and after 159 septets, stays GSM 7-bit and decodes back")
    void everyGsmCharacter(char c) throws MalformedPduException {
        String alone = String.valueOf(c);
        int septets = GsmAlphabet.septets(c);
        String full = "a".repeat(SmsPdu.MAX_SEPTETS - septets) + c;

        for (String text : List.of(alone, full, c + "b", "@" + c + "@")) {
            List<EncodedPart> parts = SmsPdu.encodeSubmit("+46708251358", text);
            assertEquals(1, parts.size(), "fits one message");
            SmsSubmit decoded = SmsPdu.decodeSubmit(parts.get(0).hex());
            assertEquals(DataCoding.GSM_7BIT, decoded.dataCoding());
            assertEquals(text, decoded.text());
        }
        // one septet more no longer fits one message
        assertEquals(2, SmsPdu.encodeSubmit("+46708251358", "a" + full).size());
    }

    static IntStream septetCounts() {
        return IntStream.rangeClosed(0, SmsPdu.MAX_SEPTETS);
    }

    @ParameterizedTest(name = "{0} septets")
    @MethodSource("septetCounts")
    @DisplayName("SMS-13: every text length of one message (0..160 septets) round-trips exactly: no trailing @ at 8n-1, no lost septet")
    void everySeptetCount(int count) throws MalformedPduException {
        for (String text : List.of("x".repeat(count), "@".repeat(count), count == 0 ? "" : "a".repeat(count - 1) + "@")) {
            EncodedPart part = SmsPdu.encodeSubmit("+46708251358", text).get(0);
            assertEquals(13 + (count * 7 + 7) / 8, part.tpduLength(), "UDL and packed octets");
            assertEquals(text, SmsPdu.decodeSubmit(part.hex()).text());
        }
    }

    static IntStream octets() {
        return IntStream.rangeClosed(0, 255);
    }

    @ParameterizedTest(name = "DCS {0}")
    @MethodSource("octets")
    @DisplayName("SMS-13: every DCS octet: a message in its alphabet round-trips, a compressed one is refused both ways with a DATA_CODING error")
    void everyDataCodingScheme(int octet) throws MalformedPduException {
        DataCoding coding = new DataCoding(octet);
        UserData ud = switch (coding.alphabet()) {
            case GSM_7BIT -> UserData.text("Hi € [x]");
            case UCS2 -> UserData.text("Жé😀");
            case DATA_8BIT -> UserData.binary(new byte[] {0, (byte) 0xFF, 0x1B});
        };
        OffsetDateTime time = OffsetDateTime.of(2025, 6, 30, 12, 0, 0, 0, ZoneOffset.ofHours(2));
        if (coding.compressed()) {
            assertThrows(IllegalArgumentException.class, () -> SmsDeliver.of(Address.of("+1"), time, coding, ud));
            String hex = "00" + "04" + "0191F1" + "00" + String.format("%02X", octet) + "52600321000080" + "00";
            MalformedPduException e = assertThrows(MalformedPduException.class, () -> SmsPdu.decode(hex));
            assertEquals(PduField.DATA_CODING, e.field());
            assertEquals(6, e.offset());
            return;
        }
        SmsDeliver sms = SmsDeliver.of(Address.of("+1"), time, coding, ud);

        SmsDeliver decoded = SmsPdu.decodeDeliver(SmsPdu.encode(sms).hex());

        assertEquals(sms, decoded);
        assertEquals(coding.messageClass(), decoded.dataCoding().messageClass());
    }

    @ParameterizedTest(name = "TP-VP {0}")
    @MethodSource("octets")
    @DisplayName("SMS-13: every relative validity octet round-trips, and atLeast(duration) gives it back")
    void everyRelativeValidity(int octet) throws MalformedPduException {
        ValidityPeriod.Relative validity = new ValidityPeriod.Relative(octet);
        EncodedPart part = SmsPdu.encodeSubmit(Address.of("+1"), "x", EncodeOptions.defaults().withValidityPeriod(validity)).get(0);

        assertEquals(validity, SmsPdu.decodeSubmit(part.hex()).validityPeriod());
        assertEquals(validity, ValidityPeriod.Relative.atLeast(validity.duration()));
    }
}
