package io.metermodem.config.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing of the configuration with the device key (CFG-8). */
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
    @DisplayName("CFG-8: the pass-through cipher for tests adds nothing and hides nothing")
    void noneIsPassThrough() throws AtRestCipherException {
        AtRestCipher none = AtRestCipher.none();

        byte[] sealed = none.seal(PLAINTEXT, AD);

        assertArrayEquals(PLAINTEXT, sealed);
        assertNotEquals(System.identityHashCode(PLAINTEXT), System.identityHashCode(sealed));
        assertArrayEquals(PLAINTEXT, none.open(sealed, new byte[0]));
        assertEquals(0, none.overheadBytes());
        assertEquals(CipherSuite.NONE, none.suite());
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
