package io.metermodem.config.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of the configuration at rest (CFG-8): AES-256-GCM under the board's device key
 * ({@link io.metermodem.hal.Board#deviceKey()}), which is never stored in the flash it protects.
 *
 * <p>{@link #seal} encrypts and authenticates a plaintext together with associated data that is
 * authenticated but not encrypted (the store passes its record header, so that a changed sequence
 * number or version is detected too). The result is {@code nonce (12 bytes) || ciphertext || tag
 * (16 bytes)}: {@link CipherSuite#overheadBytes()} = 28 bytes more than the plaintext. Every seal
 * takes a fresh random 96-bit nonce from {@link SecureRandom}. Random nonces are safe here because a
 * configuration flash is written at most some hundred thousand times in its life (erase endurance),
 * far below the 2<sup>32</sup> seals per key that NIST SP 800-38D allows for random nonces.
 *
 * <p>{@link #open} verifies the tag before releasing anything: tampered, truncated or foreign data
 * and a wrong key all yield an {@link AtRestCipherException}, never garbage plaintext.
 *
 * <h2>Why the JDK provider and not Bouncy Castle</h2>
 * The cipher is the JDK's {@code AES/GCM/NoPadding} ({@code javax.crypto}, SunJCE provider):
 * <ul>
 *   <li>it adds no dependency to a library module that every firmware and user test pulls in;</li>
 *   <li>HotSpot replaces its AES and GHASH loops by intrinsics using the CPU's AES instructions
 *       (AES-NI/CLMUL on x86, the ARMv8 crypto extensions of a Raspberry Pi 4/5), whereas Bouncy
 *       Castle's pure-Java engine runs table-based AES several times slower and is not constant time;</li>
 *   <li>FIPS-validated JDK builds and providers plug in underneath the same {@code Cipher} API, so a
 *       deployment that must use certified cryptography changes configuration, not code.</li>
 * </ul>
 *
 * <h2>No encryption</h2>
 * {@link #none()} passes data through unchanged, for unit tests, development boards without a device
 * key and reading images from tools. It gives neither confidentiality nor authenticity (the store's
 * CRC still detects accidental damage). Stores record the {@link CipherSuite} in every record and
 * refuse a record of another suite, so an encrypting modem never accepts a plaintext record planted
 * in its flash. Production firmware always uses {@link #AtRestCipher(byte[])}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * AtRestCipher cipher = new AtRestCipher(board.deviceKey());
 * byte[] sealed = cipher.seal(plaintext, header);
 * byte[] again = cipher.open(sealed, header);      // throws AtRestCipherException if tampered
 * }</pre>
 */
public final class AtRestCipher {

    /** Bytes of the device key: 32, for AES-256. */
    public static final int KEY_BYTES = 32;
    /** Bytes of the GCM nonce (IV): 12, the size GCM handles without an extra GHASH pass. */
    public static final int NONCE_BYTES = 12;
    /** Bytes of the GCM authentication tag: 16, the full tag. */
    public static final int TAG_BYTES = 16;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final AtRestCipher NONE = new AtRestCipher();

    /** {@code null} for {@link #none()}. */
    private final SecretKeySpec key;
    private final SecureRandom random;

    /**
     * An AES-256-GCM cipher under a device key.
     *
     * @param deviceKey32 the 32-byte device key; copied, so the caller may wipe its array
     * @throws IllegalArgumentException for a key of another length
     * @throws IllegalStateException    if the JDK offers no AES/GCM (a broken runtime)
     */
    public AtRestCipher(byte[] deviceKey32) {
        Objects.requireNonNull(deviceKey32, "deviceKey32");
        if (deviceKey32.length != KEY_BYTES) {
            throw new IllegalArgumentException("device key must be " + KEY_BYTES + " bytes (AES-256), got "
                    + deviceKey32.length);
        }
        this.key = new SecretKeySpec(deviceKey32, "AES"); // SecretKeySpec copies the array
        this.random = new SecureRandom();
        try {
            // Fail at construction, not at the first save, if the runtime lacks AES-GCM.
            Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime offers no " + TRANSFORMATION, e);
        }
    }

    private AtRestCipher() {
        this.key = null;
        this.random = null;
    }

    /**
     * The pass-through cipher: {@link #seal} and {@link #open} return copies of their input. For
     * tests and development only; see the class documentation.
     *
     * @return the shared pass-through instance
     */
    public static AtRestCipher none() {
        return NONE;
    }

    /** @return how this cipher protects data */
    public CipherSuite suite() {
        return key == null ? CipherSuite.NONE : CipherSuite.AES_256_GCM;
    }

    /** @return bytes that {@link #seal} adds to a plaintext: 28 for AES-256-GCM, 0 for none */
    public int overheadBytes() {
        return suite().overheadBytes();
    }

    /**
     * Encrypts and authenticates.
     *
     * @param plaintext      the data to protect
     * @param associatedData data that must be presented unchanged to {@link #open}, not encrypted
     *                       and not part of the result; may be empty
     * @return {@code nonce || ciphertext || tag}, {@link #overheadBytes()} longer than the plaintext
     * @throws IllegalArgumentException if the result would exceed the largest Java array
     */
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        if (key == null) {
            return plaintext.clone();
        }
        if (plaintext.length > Integer.MAX_VALUE - 64 - overheadBytes()) {
            throw new IllegalArgumentException("plaintext of " + plaintext.length + " bytes is too large to seal");
        }
        byte[] sealed = new byte[plaintext.length + overheadBytes()];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(associatedData);
            int written = cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE_BYTES);
            if (written != plaintext.length + TAG_BYTES) {
                throw new IllegalStateException("AES-GCM produced " + written + " bytes for " + plaintext.length
                        + " bytes of plaintext");
            }
            return sealed;
        } catch (GeneralSecurityException e) {
            // Key and parameters were checked above: this is a broken provider, not bad input.
            throw new IllegalStateException("AES-256-GCM encryption failed", e);
        }
    }

    /**
     * Verifies and decrypts.
     *
     * @param sealed         a result of {@link #seal}
     * @param associatedData the same associated data as given to {@link #seal}
     * @return the plaintext
     * @throws AtRestCipherException if the input is too short to be sealed data, or if it, the
     *                               associated data or the key differ from those of the seal
     */
    public byte[] open(byte[] sealed, byte[] associatedData) throws AtRestCipherException {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(associatedData, "associatedData");
        if (key == null) {
            return sealed.clone();
        }
        if (sealed.length < overheadBytes()) {
            throw new AtRestCipherException(AtRestCipherException.Reason.TRUNCATED, "sealed data of "
                    + sealed.length + " bytes is shorter than the " + overheadBytes()
                    + " bytes of an AES-GCM nonce and tag", null);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            // The JDK's GCM buffers the whole input and checks the tag before returning any plaintext.
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new AtRestCipherException(AtRestCipherException.Reason.AUTHENTICATION_FAILED,
                    "AES-256-GCM authentication of " + sealed.length + " sealed bytes failed: the data or its"
                            + " associated data was changed, or it was sealed under another device key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM decryption failed", e);
        }
    }

    /** @return the suite, never the key */
    @Override
    public String toString() {
        return "AtRestCipher[" + suite() + "]";
    }
}
