package io.metermodem.config.password;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 hash of a password (CFG-6, SEC-5): what the modem keeps instead of the
 * configuration, communication and CSD passwords.
 *
 * <p>Its text form, {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}, is what the
 * configuration record and {@code .cfg} exports hold, so a configuration copied to another modem
 * keeps its passwords without anyone seeing them. {@link #matches(String)} recomputes the hash of a
 * candidate and compares with {@link MessageDigest#isEqual}, which takes the same time wherever the
 * bytes differ. {@link #toString()} shows nothing of the salt or hash.
 *
 * <p>The iteration count is bounded ({@link #MIN_ITERATIONS}..{@link #MAX_ITERATIONS}) also when a
 * hash is read from outside (a {@code .cfg} file): a hash with an absurd count would otherwise make
 * each later password check a denial of service.
 */
public final class PasswordHash {

    /** The prefix of the text form; a value starting with it is taken as a hash, never as a password. */
    public static final String PREFIX = "pbkdf2-sha256$";
    /** Iterations used for new hashes in production. */
    public static final int DEFAULT_ITERATIONS = 100_000;
    /** Lowest iteration count accepted (tests use it to stay fast). */
    public static final int MIN_ITERATIONS = 1_000;
    /** Highest iteration count accepted, so a foreign hash cannot make checks arbitrarily slow. */
    public static final int MAX_ITERATIONS = 1_000_000;
    /** Salt length of new hashes, bytes. */
    public static final int SALT_BYTES = 16;
    /** Hash length, bytes. */
    public static final int HASH_BYTES = 32;
    /** Longest password hashed; longer candidates never match (bounded work per check). */
    public static final int MAX_PASSWORD_CHARS = 256;

    private static final int MAX_ENCODED_CHARS = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Hashes a password with a fresh random salt.
     *
     * @param password   the password, 1..{@value #MAX_PASSWORD_CHARS} characters
     * @param iterations PBKDF2 iterations, {@value #MIN_ITERATIONS}..{@value #MAX_ITERATIONS}
     * @return the hash
     * @throws IllegalArgumentException for an empty or too long password or an iteration count out of range
     */
    public static PasswordHash create(String password, int iterations) {
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("a password has 1.." + MAX_PASSWORD_CHARS + " characters");
        }
        checkIterations(iterations);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BYTES));
    }

    /**
     * Hashes a password with {@link #DEFAULT_ITERATIONS}.
     *
     * @param password the password
     * @return the hash
     */
    public static PasswordHash create(String password) {
        return create(password, DEFAULT_ITERATIONS);
    }

    /**
     * Tells whether a text looks like a hash's text form (starts with {@link #PREFIX}); whether it is
     * well formed is {@link #parse(String)}'s answer.
     *
     * @param text any text
     * @return true when the text claims to be a hash
     */
    public static boolean looksEncoded(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /**
     * Reads a hash from its text form, as found in a record or a {@code .cfg} file.
     *
     * @param encoded the text form
     * @return the hash, or empty when the text is not a well-formed hash within the bounds
     */
    public static Optional<PasswordHash> parse(String encoded) {
        if (!looksEncoded(encoded) || encoded.length() > MAX_ENCODED_CHARS) {
            return Optional.empty();
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3 || !parts[0].matches("[1-9][0-9]{0,6}")) {
            return Optional.empty();
        }
        int iterations = Integer.parseInt(parts[0]);
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            return Optional.empty();
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] hash = Base64.getDecoder().decode(parts[2]);
            if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
                return Optional.empty();
            }
            PasswordHash parsed = new PasswordHash(iterations, salt, hash);
            // Only the canonical spelling is accepted, so a stored hash always reads back equal.
            return parsed.encoded().equals(encoded) ? Optional.of(parsed) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks a candidate password. The work is the same PBKDF2 computation for every candidate of
     * bounded length and the comparison is constant-time, so timing does not tell how close a guess was.
     *
     * @param candidate the password to check; null or over-long never matches
     * @return true when the candidate is the password
     */
    public boolean matches(String candidate) {
        boolean usable = candidate != null && !candidate.isEmpty() && candidate.length() <= MAX_PASSWORD_CHARS;
        // Hash something even for unusable candidates, so they are not answered measurably faster.
        byte[] computed = derive(usable ? candidate : "\u0000", salt, iterations, hash.length);
        boolean equal = MessageDigest.isEqual(computed, hash);
        Arrays.fill(computed, (byte) 0);
        return usable & equal;
    }

    /**
     * The PBKDF2 iteration count of this hash.
     *
     * @return iterations
     */
    public int iterations() {
        return iterations;
    }

    /**
     * The text form {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, as stored and exported.
     * It is not the password and cannot be turned back into it.
     *
     * @return the text form
     */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash other && iterations == other.iterations
                && MessageDigest.isEqual(salt, other.salt) && MessageDigest.isEqual(hash, other.hash);
    }

    @Override
    public int hashCode() {
        return 31 * iterations + Arrays.hashCode(salt);
    }

    /** Shows only the algorithm and iteration count, nothing that helps a guess. */
    @Override
    public String toString() {
        return "PasswordHash[pbkdf2-sha256, " + iterations + " iterations]";
    }

    private static void checkIterations(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations " + iterations + " outside "
                    + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bytes) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide PBKDF2WithHmacSHA256; its absence is a broken JDK.
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
