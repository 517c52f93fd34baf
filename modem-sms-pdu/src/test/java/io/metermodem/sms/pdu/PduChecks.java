package io.metermodem.sms.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The decoder's contract (SMS-13), checked the same way by the seeded properties and the Jazzer fuzz
 * tests: any input gives either a message or a {@link MalformedPduException} that names a field and
 * an octet inside the input, and never another exception; a message that decodes encodes again
 * (every decoded field is in range) and decodes back to an equal message.
 */
final class PduChecks {

    private static final HexFormat HEX = HexFormat.of();

    private PduChecks() {
    }

    /**
     * Decodes octets, then checks the contract.
     *
     * @return the message, empty when the input was refused with a typed error
     */
    static Optional<Sms> decode(byte[] pdu, boolean withServiceCentre) {
        Sms sms;
        try {
            sms = SmsPdu.decode(pdu, withServiceCentre);
        } catch (MalformedPduException e) {
            assertTypedError(e, pdu.length);
            return Optional.empty();
        }
        assertNotNull(sms);
        if (!withServiceCentre) {
            assertEquals(Optional.empty(), sms.serviceCentre(), "a bare TPDU has no SMSC");
        }
        assertReencodes(sms);
        return Optional.of(sms);
    }

    /**
     * Decodes hex text (with the SMSC prefix) through every entry point that takes text, then checks the
     * contract.
     *
     * @return the message, empty when the input was refused with a typed error
     */
    static Optional<Sms> decodeHex(String text) {
        // The octets a hex error may point at: the digits after stripping, two per octet.
        int octets = text.strip().length() / 2;
        tpdu(text, octets);
        Sms sms;
        try {
            sms = SmsPdu.decode(text);
        } catch (MalformedPduException e) {
            assertTypedError(e, octets);
            return Optional.empty();
        }
        assertReencodes(sms);
        // The typed entry points agree with the general one.
        typed(text, octets, sms instanceof SmsDeliver, true);
        typed(text, octets, sms instanceof SmsSubmit, false);
        return Optional.of(sms);
    }

    private static void tpdu(String text, int octets) {
        try {
            Sms bare = SmsPdu.decodeTpdu(text);
            assertEquals(Optional.empty(), bare.serviceCentre());
            assertReencodes(bare);
        } catch (MalformedPduException e) {
            assertTypedError(e, octets);
        }
    }

    private static void typed(String text, int octets, boolean matches, boolean deliver) {
        try {
            assertNotNull(deliver ? SmsPdu.decodeDeliver(text) : SmsPdu.decodeSubmit(text));
            assertTrue(matches, "a typed decode accepted another message type");
        } catch (MalformedPduException e) {
            assertFalse(matches, () -> "the typed decode refused what decode() took: " + e.getMessage());
            assertEquals(PduField.FIRST_OCTET, e.field(), e.getMessage());
            assertTypedError(e, octets);
        }
    }

    /** The error names its field and an octet inside the input, and says so in its message. */
    static void assertTypedError(MalformedPduException e, int inputOctets) {
        assertNotNull(e.field(), "field");
        assertNotNull(e.reason(), "reason");
        assertFalse(e.reason().isBlank(), "a reason in words");
        assertTrue(e.offset() >= 0 && e.offset() <= Math.max(inputOctets, 0),
                () -> "offset " + e.offset() + " outside the " + inputOctets + " octet(s) of the input: " + e.getMessage());
        assertEquals(e.field() + " at octet " + e.offset() + ": " + e.reason(), e.getMessage());
    }

    /** Encoding a decoded message works and decodes back to the same message, with and without prefix. */
    static void assertReencodes(Sms sms) {
        EncodedPart part;
        try {
            part = SmsPdu.encode(sms);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("a decoded message does not encode again: " + sms, e);
        }
        byte[] octets = HEX.parseHex(part.hex());
        int prefix = 1 + (octets[0] & 0xFF);
        assertEquals(octets.length - prefix, part.tpduLength(), "AT+CMGS length");
        assertEquals(part.hex().substring(2 * prefix), part.tpduHex());
        assertTrue(octets.length <= SmsPdu.MAX_PDU_OCTETS, () -> octets.length + " octets");
        try {
            assertEquals(sms, SmsPdu.decode(part.hex()), "decode(encode(m)) == m");
            if (sms.serviceCentre().isEmpty()) {
                assertEquals(sms, SmsPdu.decodeTpdu(part.tpduHex()), "the bare TPDU decodes the same");
            }
        } catch (MalformedPduException e) {
            fail("the encoding of a decoded message does not decode: " + e.getMessage() + " in " + part.hex());
        }
    }
}
