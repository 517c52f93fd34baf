package io.metermodem.config.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * AES-256-GCM sealing of the configuration with the device key (CFG-8): what is sealed opens to the same
 * bytes, the sealed bytes do not show the plaintext and differ on every seal, and any change to them,
 * to the header they are bound to, or another key is refused as an authentication failure.
 */
class AtRestCipherTest {

    private static final byte[] KEY = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] OTHER_KEY = HexFormat.of().parseHex(
            "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] AD = "header".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLAINTEXT = "apn.password=apn-secret-passw0rd".getBytes(StandardCharsets.US_ASCII);

    private final AtRestCipher cipher = new AtRestCipher(KEY);

    @Test
    @DisplayName("CFG-8: sealed data opens to the plaintext and is nonce || ciphertext || tag, 28 bytes longer")
    void sealThenOpen() throws AtRestCipherException {
        byte[] sealed = cipher.seal(PLAINTEXT, AD);

        assertEquals(PLAINTEXT.length + 28, sealed.length);
        assertEquals(CipherSuite.AES_256_GCM, cipher.suite());
        assertArrayEquals(PLAINTEXT, cipher.open(sealed, AD));
        assertFalse(contains(sealed, "apn-secret".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    @DisplayName("CFG-8: every seal takes a fresh nonce, so sealing the same plaintext twice never gives the same bytes")
    void freshNoncePerSeal() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            byte[] sealed = cipher.seal(PLAINTEXT, AD);
            assertTrue(nonces.add(HexFormat.of().formatHex(sealed, 0, AtRestCipher.NONCE_BYTES)), "nonce repeated");
        }
    }

    @Test
    @DisplayName("CFG-8: an empty plaintext is sealed and authenticated too")
    void emptyPlaintext() throws AtRestCipherException {
        byte[] sealed = cipher.seal(new byte[0], AD);

        assertEquals(28, sealed.length);
        assertArrayEquals(new byte[0], cipher.open(sealed, AD));
    }

    @Test
    @DisplayName("CFG-8: any single bit flipped in nonce, ciphertext or tag makes open fail with authentication failed")
    void everyTamperedBitIsDetected() {
        byte[] sealed = cipher.seal(PLAINTEXT, AD);
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] tampered = sealed.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));

            AtRestCipherException e = assertThrows(AtRestCipherException.class, () -> cipher.open(tampered, AD));
            assertEquals(AtRestCipherException.Reason.AUTHENTICATION_FAILED, e.reason());
        }
    }

    @Test
    @DisplayName("CFG-8: changed associated data (the record header) makes open fail")
    void associatedDataIsBound() {
        byte[] sealed = cipher.seal(PLAINTEXT, AD);

        AtRestCipherException e = assertThrows(AtRestCipherException.class,
                () -> cipher.open(sealed, "Header".getBytes(StandardCharsets.US_ASCII)));

        assertEquals(AtRestCipherException.Reason.AUTHENTICATION_FAILED, e.reason());
        assertTrue(e.getMessage().contains("another device key"), e.getMessage());
    }

    @Test
    @DisplayName("CFG-8: another device's key cannot open the data")
    void wrongKeyIsRefused() {
        byte[] sealed = cipher.seal(PLAINTEXT, AD);

        AtRestCipherException e = assertThrows(AtRestCipherException.class,
                () -> new AtRestCipher(OTHER_KEY).open(sealed, AD));

        assertEquals(AtRestCipherException.Reason.AUTHENTICATION_FAILED, e.reason());
    }

    @Test
    @DisplayName("CFG-8: data shorter than a nonce and a tag is refused as truncated, also when cut anywhere")
    void truncatedIsRefused() {
        byte[] sealed = cipher.seal(PLAINTEXT, AD);
        for (int length = 0; length < sealed.length; length++) {
            byte[] cut = Arrays.copyOf(sealed, length);

            AtRestCipherException e = assertThrows(AtRestCipherException.class, () -> cipher.open(cut, AD));

            assertEquals(length < 28 ? AtRestCipherException.Reason.TRUNCATED
                    : AtRestCipherException.Reason.AUTHENTICATION_FAILED, e.reason(), "length " + length);
        }
    }

    @Test
    @DisplayName("CFG-8: a device key must be exactly 32 bytes (AES-256)")
    void keyLengthIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new AtRestCipher(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> new AtRestCipher(new byte[33]));
    }

    @Test
    @DisplayName("CFG-8: the cipher copies the key, so wiping the caller's array changes nothing")
    void keyIsCopied() throws AtRestCipherException {
        byte[] key = KEY.clone();
        AtRestCipher copied = new AtRestCipher(key);
        byte[] sealed = copied.seal(PLAINTEXT, AD);

        Arrays.fill(key, (byte) 0);

        assertArrayEquals(PLAINTEXT, copied.open(sealed, AD));
        assertFalse(copied.toString().contains("0001020304"), copied.toString());
    }

    @Test
    @DisplayName("CFG-8: the pass-through cipher for tests adds nothing and hides nothing, and hands out copies")
    void noneIsPassThrough() throws AtRestCipherException {
        AtRestCipher none = AtRestCipher.none();
        byte[] plaintext = PLAINTEXT.clone();

        byte[] sealed = none.seal(plaintext, AD);

        assertArrayEquals(PLAINTEXT, sealed);
        assertEquals(0, none.overheadBytes());
        assertEquals(CipherSuite.NONE, none.suite());
        // A copy, not the caller's array: changing the result leaves the input as it was.
        sealed[0] ^= 0x01;
        assertArrayEquals(PLAINTEXT, plaintext);
        byte[] opened = none.open(sealed, new byte[0]);
        assertArrayEquals(sealed, opened);
        opened[1] ^= 0x01;
        assertEquals(PLAINTEXT[1], sealed[1], "open must copy as well");
    }

    @Test
    @DisplayName("CFG-8: the ciphertext differs from the plaintext, and two seals of one plaintext differ in nonce"
            + " and ciphertext but both open to it byte for byte")
    void ciphertextHidesThePlaintext() throws AtRestCipherException {
        byte[] first = cipher.seal(PLAINTEXT, AD);
        byte[] second = cipher.seal(PLAINTEXT, AD);
        byte[] firstCiphertext = Arrays.copyOfRange(first, AtRestCipher.NONCE_BYTES,
                AtRestCipher.NONCE_BYTES + PLAINTEXT.length);
        byte[] secondCiphertext = Arrays.copyOfRange(second, AtRestCipher.NONCE_BYTES,
                AtRestCipher.NONCE_BYTES + PLAINTEXT.length);

        assertFalse(Arrays.equals(PLAINTEXT, firstCiphertext), "the ciphertext is not the plaintext");
        assertFalse(Arrays.equals(first, 0, AtRestCipher.NONCE_BYTES, second, 0, AtRestCipher.NONCE_BYTES),
                "the two nonces are equal");
        assertFalse(Arrays.equals(firstCiphertext, secondCiphertext), "the two ciphertexts are equal");
        assertArrayEquals(PLAINTEXT, cipher.open(first, AD));
        assertArrayEquals(PLAINTEXT, cipher.open(second, AD));
    }

    @Property(tries = 300)
    @DisplayName("CFG-8: for any plaintext and header, open(seal(x)) == x byte for byte; the ciphertext is not x;"
            + " nonces differ; any flipped bit, another header and another key are refused")
    void sealedContentsForAnyInput(Gen gen) throws AtRestCipherException {
        byte[] plaintext = gen.bytes(0, 600);
        byte[] header = gen.bytes(0, 40);

        byte[] sealed = cipher.seal(plaintext, header);
        byte[] again = cipher.seal(plaintext, header);

        assertEquals(plaintext.length + AtRestCipher.NONCE_BYTES + AtRestCipher.TAG_BYTES, sealed.length);
        assertArrayEquals(plaintext, cipher.open(sealed, header));
        assertArrayEquals(plaintext, cipher.open(again, header));
        assertFalse(Arrays.equals(sealed, 0, AtRestCipher.NONCE_BYTES, again, 0, AtRestCipher.NONCE_BYTES),
                "nonce repeated");
        if (plaintext.length >= 8) {
            // Equal 8-byte ciphertext and plaintext happens by chance once in 2^64.
            assertFalse(Arrays.equals(plaintext, 0, plaintext.length, sealed, AtRestCipher.NONCE_BYTES,
                    AtRestCipher.NONCE_BYTES + plaintext.length), "the ciphertext is the plaintext");
        }

        byte[] flipped = sealed.clone();
        int bit = gen.uniformInt(0, flipped.length * 8 - 1);
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        assertAuthenticationFails(() -> cipher.open(flipped, header));

        byte[] otherHeader = header.length == 0 ? new byte[] {0} : header.clone();
        otherHeader[gen.uniformInt(0, otherHeader.length - 1)] ^= (byte) (1 << gen.uniformInt(0, 7));
        assertAuthenticationFails(() -> cipher.open(sealed, otherHeader));

        byte[] otherKey = KEY.clone();
        otherKey[gen.uniformInt(0, otherKey.length - 1)] ^= (byte) (1 << gen.uniformInt(0, 7));
        assertAuthenticationFails(() -> new AtRestCipher(otherKey).open(sealed, header));
    }

    private static void assertAuthenticationFails(org.junit.jupiter.api.function.Executable open) {
        AtRestCipherException e = assertThrows(AtRestCipherException.class, open);
        assertEquals(AtRestCipherException.Reason.AUTHENTICATION_FAILED, e.reason());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
