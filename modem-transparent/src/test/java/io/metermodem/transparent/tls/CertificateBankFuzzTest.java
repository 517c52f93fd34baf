package io.metermodem.transparent.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.metermodem.transparent.tls.CertificateBankException.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Fuzzing of the certificate bank's PEM reader (SEC-6, TR-10): the input is the text a slot is
 * stored from, which comes from outside (a file, remote configuration). {@link CertificateBank#store}
 * must either store a slot that holds 1..{@value CertificateBank#MAX_CERTIFICATES_PER_SLOT}
 * certificates and a key exactly when the text had a {@code PRIVATE KEY} block, or refuse the text
 * with a {@link CertificateBankException} of a kind its Javadoc names ({@code BAD_PEM},
 * {@code UNSUPPORTED_KEY}, {@code KEY_MISMATCH}, {@code MISSING_KEY}) for the right slot, leaving
 * what the slot held before unchanged. Any other exception escaping is a finding.
 *
 * <p>The first byte of the input chooses how the rest is used, so that the fuzzer reaches the JDK's
 * DER readers and not only the PEM splitter: 0, the text itself (ISO-8859-1); 1, the DER of a
 * {@code CERTIFICATE} block; 2, a two-byte length, that many bytes of certificate DER, and the DER
 * of its {@code PRIVATE KEY}; 3, the text itself as UTF-8. The committed inputs in
 * {@code CertificateBankFuzzTestInputs/pemText/} (made with OpenSSL: EC, RSA and Ed25519 slots, CA
 * certificates, PKCS#1 and encrypted keys, a mismatched key, too many certificates, broken
 * Base64 and DER) are replayed by every build.
 */
class CertificateBankFuzzTest {

    private static final Set<Problem> STORE_PROBLEMS =
            EnumSet.of(Problem.BAD_PEM, Problem.UNSUPPORTED_KEY, Problem.KEY_MISMATCH, Problem.MISSING_KEY);
    private static final int SLOT = 5;
    /** A bank whose slot holds a valid certificate and key before each input: a refused text must leave it so. */
    private static final CertificateBank BANK = new CertificateBank();
    private static final String BEFORE_PEM = beforePem();
    private static final CertificateSlot BEFORE = storeBefore();

    private static String beforePem() {
        try {
            return TestPki.issue(TestPki.selfSignedCa("Fuzz CA"), "fuzz modem").slotPem();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        }
    }

    private static CertificateSlot storeBefore() {
        try {
            return BANK.store(SLOT, "before", BEFORE_PEM);
        } catch (CertificateBankException e) {
            throw new IllegalStateException("the test certificate was refused", e);
        }
    }

    @FuzzTest
    void pemText(byte[] input) throws Exception {
        String text = text(input);
        CertificateSlot stored;
        try {
            stored = BANK.store(SLOT, "fuzz", text);
        } catch (CertificateBankException e) {
            assertTrue(STORE_PROBLEMS.contains(e.problem()), () -> "undocumented problem " + e.problem() + ": " + e);
            assertEquals(SLOT, e.slot());
            assertTrue(e.getMessage().startsWith("certificate bank slot " + SLOT + ": "), e.getMessage());
            assertEquals(Optional.of(BEFORE), BANK.slot(SLOT), "a refused text changed the slot");
            return;
        }
        // Stored (rare): check it, then put the slot back as the next input expects it.
        assertEquals(Optional.of(stored), BANK.slot(SLOT));
        assertEquals(SLOT, stored.number());
        assertTrue(stored.certificates().size() >= 1
                && stored.certificates().size() <= CertificateBank.MAX_CERTIFICATES_PER_SLOT, stored::toString);
        boolean hasKeyBlock = PemBlock.parse(SLOT, text).stream().anyMatch(b -> b.type().equals("PRIVATE KEY"));
        assertEquals(hasKeyBlock, stored.privateKey().isPresent(), stored::toString);
        // The slot's text is fixed and never shows the key. (A subject may well contain the word
        // PRIVATE: a 5-minute run put it there, so the test compares the whole text instead.)
        assertEquals("CertificateSlot[" + SLOT + " 'fuzz', " + stored.leaf().getSubjectX500Principal().getName() + ", "
                + stored.certificates().size() + " certificate(s)" + (hasKeyBlock ? ", with key" : "") + "]",
                stored.toString());
        stored.privateKey().ifPresent(key -> assertFalse(stored.toString().contains(
                Base64.getEncoder().encodeToString(key.getEncoded()).substring(0, 16)), "the slot shows its key"));
        assertEquals(BEFORE, BANK.store(SLOT, "before", BEFORE_PEM));
    }

    private static String text(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        byte[] payload = Arrays.copyOfRange(input, 1, input.length);
        return switch (input[0] & 3) {
            case 0 -> new String(payload, StandardCharsets.ISO_8859_1);
            case 1 -> TestPki.pem("CERTIFICATE", payload);
            case 2 -> {
                int length = payload.length < 2 ? 0 : Math.min(payload.length - 2, (payload[0] & 0xFF) << 8 | payload[1] & 0xFF);
                int from = Math.min(2, payload.length);
                byte[] certificate = Arrays.copyOfRange(payload, from, from + length);
                byte[] key = Arrays.copyOfRange(payload, from + length, payload.length);
                yield TestPki.pem("CERTIFICATE", certificate) + TestPki.pem("PRIVATE KEY", key);
            }
            default -> new String(payload, StandardCharsets.UTF_8);
        };
    }
}
