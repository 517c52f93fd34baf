package io.metermodem.sms.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SMS vectors of PROTOCOLS.md, exact hex both ways (SMS-13). */
class ProtocolVectorsTest {

    private static final String DELIVER = "07914151551512F2040B916105551511F100006060605130308A04D4F29C0E";
    private static final String SUBMIT = "0011000B916407281553F80000AA0AE8329BFD4697D9EC37";

    @Test
    @DisplayName("SMS-13: the AOSP SMS-DELIVER vector decodes to SMSC, originator, PID, DCS, time stamp -07:00 and \"Test\"")
    void deliverVectorDecodes() throws MalformedPduException {
        SmsDeliver sms = SmsPdu.decodeDeliver(DELIVER.toLowerCase());

        assertEquals(Optional.of(Address.international("14155551212")), sms.serviceCentre());
        assertEquals(Address.international("16505551111"), sms.originator());
        assertEquals("+16505551111", sms.originator().toString());
        assertEquals(0, sms.protocolId());
        assertEquals(DataCoding.GSM_7BIT, sms.dataCoding());
        assertEquals(OffsetDateTime.of(2006, 6, 6, 15, 3, 3, 0, ZoneOffset.ofHours(-7)), sms.serviceCentreTime());
        assertEquals("Test", sms.text());
        assertEquals(Optional.empty(), sms.concat());
    }

    @Test
    @DisplayName("SMS-13: encoding the decoded SMS-DELIVER vector gives its exact hex")
    void deliverVectorEncodes() {
        SmsDeliver sms = new SmsDeliver(Optional.of(Address.international("14155551212")),
                Address.international("16505551111"), false, false, false, 0, DataCoding.GSM_7BIT,
                OffsetDateTime.of(2006, 6, 6, 15, 3, 3, 0, ZoneOffset.ofHours(-7)), UserData.text("Test"));

        EncodedPart part = SmsPdu.encode(sms);

        assertEquals(DELIVER, part.hex());
        assertEquals(DELIVER.length() / 2 - 8, part.tpduLength());
    }

    @Test
    @DisplayName("SMS-13: the SMS-SUBMIT vector decodes to no SMSC, relative validity AA (4 days), +46708251358, \"hellohello\"")
    void submitVectorDecodes() throws MalformedPduException {
        SmsSubmit sms = SmsPdu.decodeSubmit(SUBMIT);

        assertEquals(Optional.empty(), sms.serviceCentre());
        assertEquals(0, sms.messageReference());
        assertEquals(Address.of("+46708251358"), sms.destination());
        assertEquals(new ValidityPeriod.Relative(0xAA), sms.validityPeriod());
        assertEquals(Duration.ofDays(4), ((ValidityPeriod.Relative) sms.validityPeriod()).duration());
        assertEquals("hellohello", sms.text());
    }

    @Test
    @DisplayName("SMS-13: encoding \"hellohello\" to +46708251358 with validity AA gives the vector's hex and AT+CMGS=23")
    void submitVectorEncodes() {
        List<EncodedPart> parts = SmsPdu.encodeSubmit(Address.of("+46708251358"), "hellohello",
                EncodeOptions.defaults().withValidityPeriod(ValidityPeriod.Relative.atLeast(Duration.ofDays(4))));

        assertEquals(1, parts.size());
        assertEquals(SUBMIT, parts.get(0).hex());
        assertEquals(23, parts.get(0).tpduLength());
        assertEquals(SUBMIT.substring(2), parts.get(0).tpduHex());
    }

    @Test
    @DisplayName("SMS-13: the bare TPDU of the SMS-SUBMIT vector (no SMSC prefix) decodes the same")
    void submitVectorWithoutPrefix() throws MalformedPduException {
        Sms sms = SmsPdu.decodeTpdu(SUBMIT.substring(2));

        assertEquals("hellohello", assertInstanceOf(SmsSubmit.class, sms).text());
    }

    @Test
    @DisplayName("SMS-13: concatenation headers are 05 00 03 ref total seq and 06 08 04 refHi refLo total seq")
    void concatenationHeaders() throws MalformedPduException {
        String text = "a".repeat(200);
        EncodedPart eight = SmsPdu.encodeSubmit(Address.of("+4670"), text,
                EncodeOptions.defaults().withConcatReference(0x42, false)).get(0);
        EncodedPart sixteen = SmsPdu.encodeSubmit(Address.of("+4670"), text,
                EncodeOptions.defaults().withConcatReference(0x1234, true)).get(1);

        // first octet 41 (UDHI, SUBMIT), MR 00, DA 04 91 6407, PID 00, DCS 00, UDL A0 = 7 + 153 septets
        assertEquals("41000491640700" + "00" + "A0" + "050003420201", eight.tpduHex().substring(0, 30));
        String tpdu = sixteen.tpduHex();
        assertEquals("0608041234" + "0202", tpdu.substring(18, 32));
        assertEquals(new ConcatInfo(0x1234, 2, 2, true), SmsPdu.decode(sixteen.hex()).concat().orElseThrow());
    }
}
