package io.metermodem.sms.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;

/**
 * Seeded fuzz of the decoder (SMS-13): mutated valid PDUs, arbitrary octets and arbitrary text give a
 * message or a {@link MalformedPduException} with a field and an offset inside the input, never
 * another exception; whatever decodes encodes again and decodes back to itself ({@link PduChecks}).
 * Memory is bounded by construction (nothing is allocated beyond the input's size, hex beyond 400
 * digits is refused first). The coverage-guided counterpart is {@link PduDecoderFuzzTest}.
 */
class PduDecoderFuzzProperties {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final OffsetDateTime TIME = OffsetDateTime.of(2025, 12, 31, 23, 59, 58, 0, ZoneOffset.ofHoursMinutes(-3, -30));

    /** Valid PDUs of every kind, so that mutations reach deep into the decoder. */
    static final List<String> VALID = List.of(
            // PROTOCOLS.md: the AOSP SMS-DELIVER and the SMS-SUBMIT vectors
            "07914151551512F2040B916105551511F100006060605130308A04D4F29C0E",
            "0011000B916407281553F80000AA0AE8329BFD4697D9EC37",
            // a concatenated GSM submit (8-bit reference) and a UCS-2 one with a 16-bit reference
            SmsPdu.encodeSubmit("+4670", "x".repeat(170) + "€").get(0).hex(),
            SmsPdu.encodeSubmit(Address.of("+4670"), "ЖЖ😀".repeat(30), EncodeOptions.defaults().withConcatReference(300, true)).get(0).hex(),
            // a status report with the optional parameters, one without, an alphanumeric UCS-2 deliver
            "0006D60B911326880736F4111011719551401110117195714000",
            SmsPdu.encode(new SmsStatusReport(Optional.empty(), 7, Address.of("0301234"), true, true, TIME, TIME, 0x45,
                    OptionalInt.of(0), Optional.of(DataCoding.UCS2), Optional.of(UserData.text("fehlgeschlagen")))).hex(),
            "07911326040000F0040ED0D637396C7EBBCB0008111011719551400C00480065006C006C006F0021",
            // 8-bit data with absolute validity, and the enhanced validity format
            SmsPdu.encodeSubmit(Address.national("0301234567"), new byte[] {0, 1, (byte) 0xFF, 0x7F},
                    EncodeOptions.defaults().withValidityPeriod(new ValidityPeriod.Absolute(TIME))).get(0).hex(),
            "00" + "09" + "00" + "0191F1" + "00" + "00" + "423C0000000000" + "01" + "78");

    @Property(tries = 3000)
    @DisplayName("SMS-13: mutated valid PDUs decode or fail with a typed error inside the PDU, never another exception")
    void mutatedPdusFailCleanly(Gen gen) {
        byte[] base = HEX.parseHex(gen.oneOf(VALID));
        byte[] pdu = Arrays.copyOf(base, Math.max(0, base.length + gen.intBetween(-10, 10)));
        int changes = gen.size(0, 4);
        for (int i = 0; i < changes && pdu.length > 0; i++) {
            pdu[gen.intBetween(0, 999) % pdu.length] = gen.anyByte();
        }

        PduChecks.decode(pdu, gen.bool());
    }

    @Property(tries = 2000)
    @DisplayName("SMS-13: arbitrary bytes decode or fail with a typed error inside the PDU, never another exception")
    void arbitraryBytesFailCleanly(Gen gen) {
        PduChecks.decode(gen.bytes(0, 260), gen.bool());
    }

    @Property(tries = 2000)
    @DisplayName("SMS-13: arbitrary text as hex gives a message or a typed error, never another exception")
    void arbitraryHexTextFailsCleanly(Gen gen) {
        String text = switch (gen.uniformInt(0, 2)) {
            case 0 -> gen.string(0, 420, "0123456789abcdefABCDEF");
            case 1 -> gen.anyChars(0, 50);
            default -> gen.string(0, 60, "0123456789ABCDEF g\u0663\uFF10");
        };

        PduChecks.decodeHex(text);
    }

    @Property(tries = 1000)
    @DisplayName("SMS-13: hex of a valid PDU in either letter case, with white space around it, decodes the same")
    void hexCaseAndWhiteSpace(Gen gen) throws MalformedPduException {
        String hex = gen.oneOf(VALID);
        StringBuilder mixed = new StringBuilder();
        for (char c : hex.toCharArray()) {
            mixed.append(gen.bool() ? Character.toLowerCase(c) : c);
        }
        String text = gen.string(0, 3, " \t\r\n") + mixed + gen.string(0, 3, " \t\r\n");

        assertEquals(SmsPdu.decode(hex), SmsPdu.decode(text));
        PduChecks.decodeHex(text);
    }
}
