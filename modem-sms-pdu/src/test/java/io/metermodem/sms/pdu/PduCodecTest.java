package io.metermodem.sms.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Features of the codec beyond the vectors (SMS-13): addresses, time stamps, validity, DCS, status reports, errors. */
class PduCodecTest {

    private static final OffsetDateTime TIME = OffsetDateTime.of(2025, 12, 31, 23, 59, 58, 0, ZoneOffset.ofHoursMinutes(-3, -30));

    private static MalformedPduException malformed(String hex) {
        return assertThrows(MalformedPduException.class, () -> SmsPdu.decode(hex));
    }

    @Test
    @DisplayName("SMS-13: an alphanumeric originator is 7-bit packed with type D0 and a semi-octet length, and decodes back")
    void alphanumericOriginator() throws MalformedPduException {
        EncodedPart part = SmsPdu.encodeDeliver(Address.alphanumeric("Vodafone"), TIME, "hi", EncodeOptions.defaults()).get(0);

        // 8 septets = 56 bits = 14 semi-octets, packed into 7 octets
        assertTrue(part.tpduHex().startsWith("04" + "0E" + "D0" + "D637396C7EBBCB"), part.tpduHex());
        SmsDeliver sms = SmsPdu.decodeDeliver(part.hex());
        assertEquals(TypeOfNumber.ALPHANUMERIC, sms.originator().type());
        assertEquals("Vodafone", sms.originator().toString());
        assertEquals("Operator€", SmsPdu.decodeDeliver(SmsPdu.encodeDeliver(Address.alphanumeric("Operator€"), TIME, "x",
                EncodeOptions.defaults()).get(0).hex()).originator().digits());
    }

    @Test
    @DisplayName("SMS-13: international (91), unknown (81) and national (A1) numbers; odd digit counts padded with F")
    void numberTypes() throws MalformedPduException {
        assertTrue(SmsPdu.encodeSubmit("+4670825", "x").get(0).tpduHex().startsWith("0100" + "07" + "91" + "640728F5"));
        assertTrue(SmsPdu.encodeSubmit("0301234567", "x").get(0).tpduHex().startsWith("0100" + "0A" + "81" + "3010325476"));
        EncodedPart national = SmsPdu.encodeSubmit(Address.national("030123456"), "x", EncodeOptions.defaults()).get(0);
        assertTrue(national.tpduHex().startsWith("0100" + "09" + "A1" + "30103254F6"));

        assertEquals(Address.national("030123456"), SmsPdu.decodeSubmit(national.hex()).destination());
        assertEquals(Address.of("*#12"), SmsPdu.decodeSubmit(SmsPdu.encodeSubmit("*#12", "x").get(0).hex()).destination());
        assertThrows(IllegalArgumentException.class, () -> Address.of("+49 17x"));
    }

    @Test
    @DisplayName("SMS-13: time stamps keep their time zone: -03:30 is octet 49 (sign bit), +05:45 is 32, round trip exact")
    void timeZones() throws MalformedPduException {
        String negative = SmsPdu.encodeDeliver(Address.of("+1"), TIME, "x", EncodeOptions.defaults()).get(0).tpduHex();
        OffsetDateTime nepal = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 45));
        String positive = SmsPdu.encodeDeliver(Address.of("+1"), nepal, "x", EncodeOptions.defaults()).get(0).tpduHex();

        // 04 01 91 1F 00 00 | SCTS: 52 21 13 32 95 85 49
        assertEquals("52211332958549", negative.substring(12, 26));
        assertEquals("00101000000032", positive.substring(12, 26));
        assertEquals(TIME, SmsPdu.decodeDeliver("00" + negative).serviceCentreTime());
        assertEquals(nepal, SmsPdu.decodeDeliver("00" + positive).serviceCentreTime());
        assertThrows(IllegalArgumentException.class, () -> SmsPdu.encodeDeliver(Address.of("+1"),
                TIME.withOffsetSameLocal(ZoneOffset.ofHoursMinutes(1, 10)), "x", EncodeOptions.defaults()));
    }

    @Test
    @DisplayName("SMS-13: relative validity periods follow the four ranges of TS 23.040 9.2.3.12.1")
    void relativeValidity() {
        assertEquals(Duration.ofMinutes(5), new ValidityPeriod.Relative(0).duration());
        assertEquals(Duration.ofHours(12), new ValidityPeriod.Relative(143).duration());
        assertEquals(Duration.ofMinutes(12 * 60 + 30), new ValidityPeriod.Relative(144).duration());
        assertEquals(Duration.ofHours(24), new ValidityPeriod.Relative(167).duration());
        assertEquals(Duration.ofDays(2), new ValidityPeriod.Relative(168).duration());
        assertEquals(Duration.ofDays(30), new ValidityPeriod.Relative(196).duration());
        assertEquals(Duration.ofDays(35), new ValidityPeriod.Relative(197).duration());
        assertEquals(Duration.ofDays(63 * 7), new ValidityPeriod.Relative(255).duration());
        assertEquals(new ValidityPeriod.Relative(165), ValidityPeriod.Relative.atLeast(Duration.ofHours(23)));
        assertEquals(new ValidityPeriod.Relative(166), ValidityPeriod.Relative.atLeast(Duration.ofMinutes(23 * 60 + 1)));
    }

    @Test
    @DisplayName("SMS-13: absolute (VPF 11) and enhanced (VPF 01) validity periods decode; absolute round-trips")
    void absoluteAndEnhancedValidity() throws MalformedPduException {
        EncodedPart absolute = SmsPdu.encodeSubmit(Address.of("+1"), "x",
                EncodeOptions.defaults().withValidityPeriod(new ValidityPeriod.Absolute(TIME))).get(0);
        assertTrue(absolute.tpduHex().startsWith("19"), absolute.tpduHex());
        assertEquals(new ValidityPeriod.Absolute(TIME), SmsPdu.decodeSubmit(absolute.hex()).validityPeriod());

        // first octet 09 = SUBMIT, VPF 01; enhanced: format 2 (seconds), 3C = 60 s, single shot
        SmsSubmit enhanced = SmsPdu.decodeSubmit("00" + "09" + "00" + "0191F1" + "00" + "00" + "423C0000000000" + "01" + "78");
        ValidityPeriod.Enhanced vp = assertInstanceOf(ValidityPeriod.Enhanced.class, enhanced.validityPeriod());
        assertEquals(Optional.of(Duration.ofSeconds(60)), vp.duration());
        assertTrue(vp.singleShot());
        assertEquals("x", enhanced.text());
        ValidityPeriod.Enhanced hms = new ValidityPeriod.Enhanced(new byte[] {3, 0x10, 0x23, 0x54, 0, 0, 0});
        assertEquals(Optional.of(Duration.ofHours(1).plusMinutes(32).plusSeconds(45)), hms.duration());
        assertEquals(enhanced, SmsPdu.decodeSubmit(SmsPdu.encode(enhanced).hex()));
    }

    @Test
    @DisplayName("SMS-13: DCS groups: class 0 GSM (10), 8-bit class 1 (F5), UCS-2 message waiting (E8), reserved groups read as GSM")
    void dataCodingSchemes() {
        assertEquals(Alphabet.GSM_7BIT, new DataCoding(0x10).alphabet());
        assertEquals(OptionalInt.of(0), new DataCoding(0x10).messageClass());
        assertEquals(Alphabet.DATA_8BIT, new DataCoding(0xF5).alphabet());
        assertEquals(OptionalInt.of(1), new DataCoding(0xF5).messageClass());
        assertEquals(Alphabet.UCS2, new DataCoding(0xE8).alphabet());
        assertEquals(OptionalInt.empty(), new DataCoding(0xE8).messageClass());
        assertEquals(Alphabet.GSM_7BIT, new DataCoding(0x84).alphabet());
        assertEquals(Alphabet.UCS2, new DataCoding(0x48).alphabet());
        assertTrue(new DataCoding(0x20).compressed());
        assertFalse(new DataCoding(0xF0).compressed());
    }

    @Test
    @DisplayName("SMS-13: a UCS-2 delivery with DCS 08 decodes, including a surrogate pair")
    void ucs2Deliver() throws MalformedPduException {
        // SMSC none, DELIVER, OA +1, PID 00, DCS 08, SCTS, UDL 08, "Жé😀" as UTF-16BE
        SmsDeliver sms = SmsPdu.decodeDeliver("00" + "00" + "0191F1" + "00" + "08" + "52211332958549" + "08" + "041600E9D83DDE00");

        assertEquals("Жé😀", sms.text());
        assertEquals(Alphabet.UCS2, sms.dataCoding().alphabet());
    }

    @Test
    @DisplayName("SMS-13: a status report with and without the optional parameters round-trips; TP-ST 00 is delivered")
    void statusReport() throws MalformedPduException {
        SmsStatusReport plain = new SmsStatusReport(Optional.of(Address.international("14155551212")), 0x2A,
                Address.international("46708251358"), false, false, TIME, TIME.plusMinutes(1), 0x00,
                OptionalInt.empty(), Optional.empty(), Optional.empty());
        SmsStatusReport full = new SmsStatusReport(Optional.empty(), 7, Address.of("0301234"), true, true, TIME, TIME,
                0x45, OptionalInt.of(0), Optional.of(DataCoding.UCS2), Optional.of(UserData.text("fehlgeschlagen")));

        String hex = SmsPdu.encode(plain).hex();
        assertTrue(hex.startsWith("07914151551512F2" + "06" + "2A" + "0B916407281553F8"), hex);
        assertEquals(plain, SmsPdu.decode(hex));
        assertTrue(plain.delivered());
        SmsStatusReport decoded = assertInstanceOf(SmsStatusReport.class, SmsPdu.decode(SmsPdu.encode(full).hex()));
        assertEquals(full, decoded);
        assertFalse(decoded.delivered());
        assertEquals("fehlgeschlagen", decoded.userData().text());
    }

    @Test
    @DisplayName("SMS-13: 8-bit data with DCS 04, and gammu's empty SMSC field 01 81, decode")
    void binaryAndEmptyServiceCentre() throws MalformedPduException {
        SmsSubmit sms = SmsPdu.decodeSubmit("0181" + "11" + "00" + "0191F1" + "00" + "04" + "00" + "03" + "00FF7F");

        assertArrayEquals(new byte[] {0, (byte) 0xFF, 0x7F}, sms.userData().binary());
        assertEquals("", sms.text());
        assertEquals(Optional.of(new Address(TypeOfNumber.UNKNOWN, 1, "")), sms.serviceCentre());
    }

    @Test
    @DisplayName("SMS-13: one message holds 160 septets / 70 UCS-2 units / 140 octets; parts hold 153 / 67 / 134")
    void capacities() {
        assertEquals(1, SmsPdu.encodeSubmit("+1", "a".repeat(160)).size());
        assertEquals(2, SmsPdu.encodeSubmit("+1", "a".repeat(161)).size());
        assertEquals(List.of(153, 8), SmsPdu.split("a".repeat(161), Alphabet.GSM_7BIT, false).stream().map(String::length).toList());
        assertEquals(List.of(152, 9), SmsPdu.split("a".repeat(161), Alphabet.GSM_7BIT, true).stream().map(String::length).toList());
        assertEquals(1, SmsPdu.encodeSubmit("+1", "Ж".repeat(70)).size());
        assertEquals(List.of(67, 4), SmsPdu.split("Ж".repeat(71), Alphabet.UCS2, false).stream().map(String::length).toList());
        assertEquals(1, SmsPdu.encodeSubmit(Address.of("+1"), new byte[140], EncodeOptions.defaults()).size());
        assertEquals(2, SmsPdu.encodeSubmit(Address.of("+1"), new byte[141], EncodeOptions.defaults()).size());
        assertEquals(255, SmsPdu.split("a".repeat(153 * 255), Alphabet.GSM_7BIT, false).size());
        assertThrows(IllegalArgumentException.class, () -> SmsPdu.split("a".repeat(153 * 255 + 1), Alphabet.GSM_7BIT, false));
        assertThrows(IllegalArgumentException.class, () -> SmsPdu.encodeSubmit(Address.of("+1"), "Ж",
                EncodeOptions.defaults().withAlphabet(Alphabet.GSM_7BIT)));
    }

    @Test
    @DisplayName("SMS-13: a surrogate pair at a UCS-2 part boundary moves whole to the next part")
    void surrogatePairNeverSplit() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);

        List<String> parts = SmsPdu.split(text, Alphabet.UCS2, false);

        assertEquals(List.of("a".repeat(66), "😀" + "b".repeat(10)), parts);
    }

    @Test
    @DisplayName("SMS-13: malformed hex is a HEX error at the octet of the bad character, odd or over-long hex too")
    void hexErrors() {
        MalformedPduException bad = malformed("0011zz");
        assertEquals(PduField.HEX, bad.field());
        assertEquals(2, bad.offset());
        assertEquals(PduField.HEX, malformed("001").field());
        assertEquals(PduField.HEX, malformed("").field());
        assertEquals(PduField.HEX, malformed("00".repeat(201)).field());
    }

    @Test
    @DisplayName("SMS-13: malformed PDUs name the field and octet offset where they go wrong")
    void fieldErrors() {
        MalformedPduException smsc = malformed("0C91" + "00".repeat(20));
        assertEquals(PduField.SMSC_LENGTH, smsc.field());
        assertEquals(0, smsc.offset());

        MalformedPduException type = malformed("00" + "03");
        assertEquals(PduField.FIRST_OCTET, type.field());
        assertEquals(1, type.offset());

        MalformedPduException address = malformed("00" + "11" + "00" + "0B91" + "6407");
        assertEquals(PduField.ADDRESS, address.field());
        assertEquals(5, address.offset());

        MalformedPduException month = malformed("00" + "04" + "0191F1" + "00" + "00" + "52314132958549" + "00");
        assertEquals(PduField.TIMESTAMP, month.field());
        assertEquals(7, month.offset());

        MalformedPduException digit = malformed("00" + "04" + "0191F1" + "00" + "00" + "522113A2958549" + "00");
        assertEquals(PduField.TIMESTAMP, digit.field());
        assertEquals(10, digit.offset());

        MalformedPduException compressed = malformed("00" + "04" + "0191F1" + "00" + "20" + "52211332958549" + "00");
        assertEquals(PduField.DATA_CODING, compressed.field());
        assertEquals(6, compressed.offset());

        MalformedPduException truncated = malformed("00" + "04" + "0191F1" + "00" + "00" + "52211332958549" + "05" + "E8");
        assertEquals(PduField.USER_DATA, truncated.field());
        assertEquals(16, truncated.offset());

        MalformedPduException tooLong = malformed("00" + "04" + "0191F1" + "00" + "00" + "52211332958549" + "A1" + "00".repeat(141));
        assertEquals(PduField.USER_DATA_LENGTH, tooLong.field());
        assertEquals(14, tooLong.offset());

        MalformedPduException trailing = malformed("00" + "04" + "0191F1" + "00" + "00" + "52211332958549" + "01" + "78" + "00");
        assertEquals(PduField.USER_DATA, trailing.field());
        assertEquals(16, trailing.offset());

        MalformedPduException header = malformed("00" + "44" + "0191F1" + "00" + "04" + "52211332958549" + "04" + "05000302");
        assertEquals(PduField.USER_DATA_HEADER, header.field());
        assertEquals(15, header.offset());

        MalformedPduException odd = malformed("00" + "04" + "0191F1" + "00" + "08" + "52211332958549" + "03" + "004100");
        assertEquals(PduField.USER_DATA, odd.field());

        MalformedPduException filler = malformed("00" + "04" + "0491" + "F121" + "00" + "00" + "52211332958549" + "00");
        assertEquals(PduField.ADDRESS, filler.field());
        assertEquals(4, filler.offset());
    }

    @Test
    @DisplayName("SMS-13: decodeDeliver refuses an SMS-SUBMIT with a FIRST_OCTET error, and the other way round")
    void wrongMessageType() {
        MalformedPduException e = assertThrows(MalformedPduException.class,
                () -> SmsPdu.decodeDeliver("0011000B916407281553F80000AA0AE8329BFD4697D9EC37"));
        assertEquals(PduField.FIRST_OCTET, e.field());
        assertEquals(1, e.offset());
        assertThrows(MalformedPduException.class,
                () -> SmsPdu.decodeSubmit("07914151551512F2040B916105551511F100006060605130308A04D4F29C0E"));
    }

    @Test
    @DisplayName("SMS-13: a concatenation element with sequence 0 is ignored, as TS 23.040 asks")
    void invalidConcatenationIgnored() throws MalformedPduException {
        SmsDeliver sms = SmsPdu.decodeDeliver("00" + "44" + "0191F1" + "00" + "04" + "52211332958549" + "07" + "050003010200" + "41");

        assertEquals(Optional.empty(), sms.concat());
        assertEquals(1, sms.userData().header().size());
    }

    @Test
    @DisplayName("SMS-13: an alphanumeric SMSC address is refused: decoding names SMSC_ADDRESS at its type octet, encoding throws")
    void alphanumericServiceCentreRefused() throws MalformedPduException {
        // Found while fuzzing (seed bad-alphanumeric-smsc-7-octets): a packed SMSC name of 7 octets read as
        // 8 septets and came back from encode -> decode with a trailing '@'.
        MalformedPduException e = malformed("08D09B60381C0E87C3" + "04" + "0191F1" + "00" + "00" + "52211332958549" + "00");
        assertEquals(PduField.SMSC_ADDRESS, e.field());
        assertEquals(1, e.offset());
        assertEquals("SMSC_ADDRESS at octet 1: type of address D0 is alphanumeric; an SMSC address is a number", e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> EncodeOptions.defaults().withServiceCentre(Address.alphanumeric("Operator")));
        assertThrows(IllegalArgumentException.class, () -> new SmsDeliver(Optional.of(Address.alphanumeric("Operator")),
                Address.of("+1"), false, false, false, 0, DataCoding.GSM_7BIT, TIME, UserData.text("x")));
        // a number is fine, whatever its type
        assertEquals(Optional.of(Address.national("0301234")), SmsPdu.decodeSubmit(SmsPdu.encodeSubmit(Address.of("+1"), "x",
                EncodeOptions.defaults().withServiceCentre(Address.national("0301234"))).get(0).hex()).serviceCentre());
    }
}
