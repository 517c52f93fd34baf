package io.metermodem.config.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Sealed data could not be opened (CFG-8): it was damaged or tampered with, sealed under another
 * device key, or bound to other associated data. Opening never returns garbage instead.
 */
public final class AtRestCipherException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    /** Why opening failed. */
    public enum Reason {
        /** The input is shorter than a nonce and a tag: it cannot be sealed data at all. */
        TRUNCATED,
        /**
         * The authentication tag does not match: the ciphertext, nonce, tag or associated data were
         * changed, or the data was sealed under a different key. GCM cannot tell these apart.
         */
        AUTHENTICATION_FAILED
    }

    private final Reason reason;

    /**
     * @param reason  why opening failed
     * @param message what was opened, for the log
     * @param cause   the provider's exception, or {@code null}
     */
    public AtRestCipherException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why opening failed */
    public Reason reason() {
        return reason;
    }
}
