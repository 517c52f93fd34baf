package io.metermodem.sms.pdu;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzz of the decoder (SMS-13): arbitrary bytes and text give a message or a {@link MalformedPduException}
 * with a field and an offset inside the input, never another exception. Memory is bounded by
 * construction (nothing is allocated beyond the input's size, hex beyond 400 digits is refused first).
 */
class PduDecoderFuzzProperties {

    private static final HexFormat HEX = HexFormat.of();

    @Provide
    Arbitrary<byte[]> mutatedPdus() {
        // Start from valid PDUs of every kind so the fuzz goes deep, then flip, cut and extend.
        String[] seeds = {
            "07914151551512F2040B916105551511F100006060605130308A04D4F29C0E",
            "0011000B916407281553F80000AA0AE8329BFD4697D9EC37",
            SmsPdu.encodeSubmit("+4670", "x".repeat(170) + "€").get(0).hex(),
            SmsPdu.encodeSubmit(Address.of("+4670"), "ЖЖ😀".repeat(30), EncodeOptions.defaults().withConcatReference(300, true)).get(0).hex(),
            "0006D60B911326880736F4111011719551401110117195714000",
            "07911326040000F0040ED0D637396C7EBBCB0008111011719551400C00480065006C006C006F0021",
        };
        return Combinators.combine(Arbitraries.of(seeds), Arbitraries.integers().between(0, 999).list().ofMaxSize(4),
                Arbitraries.bytes().list().ofSize(4), Arbitraries.integers().between(-10, 10))
                .as((seed, positions, values, resize) -> {
                    byte[] base = HEX.parseHex(seed);
                    byte[] out = java.util.Arrays.copyOf(base, Math.max(0, base.length + resize));
                    for (int i = 0; i < positions.size() && out.length > 0; i++) {
                        out[positions.get(i) % out.length] = values.get(i);
                    }
                    return out;
                });
    }

    @Property(tries = 3000)
    @Label("SMS-13: mutated valid PDUs decode or fail with a typed error inside the PDU, never another exception")
    void mutatedPdusFailCleanly(@ForAll("mutatedPdus") byte[] pdu, @ForAll boolean withServiceCentre) {
        assertDecodesOrFailsCleanly(pdu, withServiceCentre);
    }

    @Property(tries = 2000)
    @Label("SMS-13: arbitrary bytes decode or fail with a typed error inside the PDU, never another exception")
    void arbitraryBytesFailCleanly(@ForAll @Size(max = 260) byte[] pdu, @ForAll boolean withServiceCentre) {
        assertDecodesOrFailsCleanly(pdu, withServiceCentre);
    }

    @Property(tries = 2000)
    @Label("SMS-13: arbitrary text as hex gives a message or a typed error, never another exception")
    void arbitraryHexTextFailsCleanly(@ForAll("hexish") String text) {
        try {
            assertNotNull(SmsPdu.decode(text));
        } catch (MalformedPduException e) {
            assertNotNull(e.field());
            assertTrue(e.offset() >= 0 && e.offset() <= SmsPdu.MAX_PDU_OCTETS, e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> hexish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789abcdefABCDEF".toCharArray()).ofMaxLength(420),
                Arbitraries.strings().ofMaxLength(50),
                Arbitraries.strings().withChars("0123456789ABCDEF g\u0663\uFF10".toCharArray()).ofMaxLength(60));
    }

    private static void assertDecodesOrFailsCleanly(byte[] pdu, boolean withServiceCentre) {
        try {
            Sms sms = SmsPdu.decode(pdu, withServiceCentre);
            // whatever decodes must encode again (its fields are all in range)
            assertNotNull(SmsPdu.encode(sms).hex());
        } catch (MalformedPduException e) {
            assertNotNull(e.field());
            assertTrue(e.offset() >= 0 && e.offset() <= Math.max(pdu.length, SmsPdu.MAX_PDU_OCTETS), e.getMessage());
        }
    }
}
