package io.metermodem.transparent.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.transparent.tls.CertificateBankException.Problem;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CertificateBankTest {

    private static TestPki.Issued ca;
    private static TestPki.Issued modem;
    private static TestPki.Issued other;

    @BeforeAll
    static void pki() throws Exception {
        ca = TestPki.selfSignedCa("Test CA");
        modem = TestPki.issue(ca, "modem");
        other = TestPki.issue(ca, "other");
    }

    private final CertificateBank bank = new CertificateBank();

    @Test
    @DisplayName("SEC-6: a slot stores a PEM certificate with its PKCS#8 key; a CA slot stores certificates only")
    void storesSlots() throws Exception {
        CertificateSlot own = bank.store(1, "modem", modem.slotPem());
        CertificateSlot trust = bank.store(2, "CA", ca.certificatePem());

        assertEquals(modem.certificate(), own.leaf());
        assertTrue(own.privateKey().isPresent());
        assertTrue(trust.privateKey().isEmpty());
        assertEquals(java.util.List.of(1, 2), bank.usedSlots());
        assertFalse(own.toString().contains("PRIVATE"), own.toString());
    }

    @Test
    @DisplayName("SEC-6: a key that belongs to another certificate is refused as KEY_MISMATCH and the slot is unchanged")
    void keyMismatch() {
        CertificateBankException e = assertThrows(CertificateBankException.class,
                () -> bank.store(1, "bad", modem.certificatePem() + other.keyPem()));
        assertEquals(Problem.KEY_MISMATCH, e.problem());
        assertEquals(1, e.slot());
        assertEquals(Optional.empty(), bank.slot(1));
    }

    @Test
    @DisplayName("SEC-6: text that is not PEM, or broken Base64, is refused as BAD_PEM")
    void badPem() {
        assertEquals(Problem.BAD_PEM, assertThrows(CertificateBankException.class,
                () -> bank.store(3, "", "hello")).problem());
        assertEquals(Problem.BAD_PEM, assertThrows(CertificateBankException.class,
                () -> bank.store(3, "", "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n")).problem());
        assertEquals(Problem.BAD_PEM, assertThrows(CertificateBankException.class,
                () -> bank.store(3, "", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")).problem());
        assertEquals(Problem.BAD_PEM, assertThrows(CertificateBankException.class,
                () -> bank.store(3, "", "-----BEGIN CERTIFICATE-----\nAAAA\n")).problem());
    }

    @Test
    @DisplayName("SEC-6: an END line that shares the BEGIN line's dashes is not a block: BAD_PEM, not an exception")
    void endLineOverlappingBeginLine() {
        // Found by CertificateBankFuzzTest: the body once ended before it began (StringIndexOutOfBounds).
        CertificateBankException e = assertThrows(CertificateBankException.class,
                () -> bank.store(3, "", "-----BEGIN CERTIFICATE-------END CERTIFICATE-----\n"));
        assertEquals(Problem.BAD_PEM, e.problem());
        assertTrue(e.getMessage().contains("no '-----END CERTIFICATE-----'"), e.getMessage());
        assertEquals(Optional.empty(), bank.slot(3));
    }

    @Test
    @DisplayName("SEC-6: a certificate whose Ed25519 key is an empty bit string is BAD_PEM, not the JDK's own exception")
    void emptyEd25519Key() throws Exception {
        // Found by a 5-minute CertificateBankFuzzTest run: the JDK 25 X.509 reader throws
        // ArrayIndexOutOfBoundsException for it. The committed input holds two length bytes, then the DER.
        byte[] input;
        try (var in = getClass().getResourceAsStream("CertificateBankFuzzTestInputs/pemText/crash-ed25519-key-empty-bit-string")) {
            input = in.readAllBytes();
        }
        int length = (input[1] & 0xFF) << 8 | input[2] & 0xFF;
        byte[] der = java.util.Arrays.copyOfRange(input, 3, 3 + length);
        CertificateBankException e = assertThrows(CertificateBankException.class,
                () -> bank.store(3, "", TestPki.pem("CERTIFICATE", der)));
        assertEquals(Problem.BAD_PEM, e.problem());
        assertTrue(e.getMessage().contains("certificate 0 does not decode"), e.getMessage());
        assertEquals(Optional.empty(), bank.slot(3));
    }

    @Test
    @DisplayName("SEC-6: PKCS#1 keys are refused with a conversion hint")
    void pkcs1Refused() {
        CertificateBankException e = assertThrows(CertificateBankException.class,
                () -> bank.store(1, "", modem.certificatePem() + TestPki.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3})));
        assertEquals(Problem.UNSUPPORTED_KEY, e.problem());
        assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());
    }

    @Test
    @DisplayName("TR-10: selecting an empty slot, or none, is a MISSING_SLOT error naming the parameter")
    void missingSlot() throws Exception {
        CertificateBankException e = assertThrows(CertificateBankException.class,
                () -> bank.serverContext(new TlsSettings(true, 4, 0, false)));
        assertEquals(Problem.MISSING_SLOT, e.problem());
        assertTrue(e.getMessage().contains("tm.cert"), e.getMessage());

        bank.store(1, "modem", modem.slotPem());
        CertificateBankException noCa = assertThrows(CertificateBankException.class,
                () -> bank.serverContext(new TlsSettings(true, 1, 0, true)));
        assertEquals(Problem.MISSING_SLOT, noCa.problem());
        assertTrue(noCa.getMessage().contains("tm.ca_cert"), noCa.getMessage());
    }

    @Test
    @DisplayName("TR-10: a server certificate slot without a key is a MISSING_KEY error")
    void missingKey() throws Exception {
        bank.store(2, "CA", ca.certificatePem());
        assertEquals(Problem.MISSING_KEY, assertThrows(CertificateBankException.class,
                () -> bank.serverContext(new TlsSettings(true, 2, 2, true))).problem());
    }

    @Test
    @DisplayName("SEC-6: certreset gives tm.tls_enable, tm.cert, tm.ca_cert and tm.verify all 0")
    void certReset() {
        assertEquals(new TlsSettings(false, 0, 0, false), TlsSettings.certReset());
        assertThrows(IllegalStateException.class, () -> bank.serverContext(TlsSettings.certReset()));
    }

    @Test
    @DisplayName("TR-10: slot numbers outside 0..16 are refused")
    void slotRange() {
        assertThrows(IllegalArgumentException.class, () -> new TlsSettings(true, 17, 0, false));
        assertThrows(IllegalArgumentException.class, () -> bank.store(0, "", ca.certificatePem()));
    }
}
