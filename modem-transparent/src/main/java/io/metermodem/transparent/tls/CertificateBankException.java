package io.metermodem.transparent.tls;

import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * A certificate bank slot cannot be stored or used (SEC-6). {@link #problem()} says why in a form
 * code can act on (an SMS reply, a configuration tool's message); the message names the slot.
 */
public class CertificateBankException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Problem {
        /** The settings select a slot that holds nothing, or select none where one is needed. */
        MISSING_SLOT,
        /** The text is not PEM, a block is not valid Base64, or a block does not decode. */
        BAD_PEM,
        /** A key format the bank does not read (PKCS#1, SEC1, encrypted PKCS#8). */
        UNSUPPORTED_KEY,
        /** The private key does not belong to the slot's first certificate. */
        KEY_MISMATCH,
        /** The slot has a certificate but the use needs its private key, or a key without a certificate. */
        MISSING_KEY,
        /** The JDK could not build the TLS context. */
        CONTEXT_FAILED
    }

    private final Problem problem;
    private final int slot;

    /**
     * @param problem what is wrong
     * @param slot    the slot concerned, 0 if none
     * @param message details
     */
    public CertificateBankException(Problem problem, int slot, String message) {
        super("certificate bank slot " + slot + ": " + message);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.slot = slot;
    }

    /**
     * @param problem what is wrong
     * @param slot    the slot concerned, 0 if none
     * @param message details
     * @param cause   the underlying failure
     */
    public CertificateBankException(Problem problem, int slot, String message, Throwable cause) {
        this(problem, slot, message);
        initCause(cause);
    }

    /** @return what is wrong */
    public Problem problem() {
        return problem;
    }

    /** @return the slot concerned, 0 if none */
    public int slot() {
        return slot;
    }
}
