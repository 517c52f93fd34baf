package io.metermodem.config.crypto;

/**
 * How an {@link AtRestCipher} protects data (CFG-8). The {@link #id()} is written into every stored
 * record, so that a store reading a record sealed another way refuses it instead of misreading it;
 * in particular a store that encrypts never accepts a plaintext record planted in its flash.
 */
public enum CipherSuite {
    /** No protection at all: for tests and development boards only (see {@link AtRestCipher#none()}). */
    NONE(0, 0),
    /** AES-256 in Galois/Counter Mode: 12-byte random nonce, ciphertext, 16-byte authentication tag. */
    AES_256_GCM(1, AtRestCipher.NONCE_BYTES + AtRestCipher.TAG_BYTES);

    private final int id;
    private final int overheadBytes;

    CipherSuite(int id, int overheadBytes) {
        this.id = id;
        this.overheadBytes = overheadBytes;
    }

    /** @return the number stored in a record's header, 0..255; never changes for a suite */
    public int id() {
        return id;
    }

    /** @return how many bytes sealing adds to the plaintext */
    public int overheadBytes() {
        return overheadBytes;
    }
}
