package io.metermodem.config.store;

/**
 * Why a slot's contents are not a valid record (CFG-2, CFG-8). A torn write after a power cut
 * usually shows as {@link #CRC_MISMATCH} or {@link #BAD_LENGTH}; a retention bit flip as
 * {@link #CRC_MISMATCH} or a header reason; a wrong device key or a forged record as
 * {@link #AUTHENTICATION_FAILED}.
 */
public enum CorruptionReason {
    /** The slot does not start with the record magic: foreign data or a damaged first bytes. */
    BAD_MAGIC,
    /** The record layout version is unknown, e.g. written by a newer firmware with another layout. */
    UNSUPPORTED_LAYOUT,
    /** The record was sealed with another {@link io.metermodem.config.crypto.CipherSuite} than the store uses. */
    CIPHER_MISMATCH,
    /** A header field holds a value no writer produces (reserved bits, negative version or sequence). */
    BAD_HEADER,
    /** The stated payload length does not fit the slot or the cipher. */
    BAD_LENGTH,
    /** The CRC-32C over header and sealed payload does not match: torn write or damaged bits. */
    CRC_MISMATCH,
    /**
     * The CRC matches but the AES-GCM tag does not: the record was sealed under another device key,
     * or was changed by someone who recomputed the CRC.
     */
    AUTHENTICATION_FAILED
}
