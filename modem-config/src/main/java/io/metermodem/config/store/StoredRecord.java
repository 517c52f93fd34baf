package io.metermodem.config.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * One configuration record as stored by a {@link ConfigurationStore} (CFG-2), with its payload
 * decrypted. Immutable: the payload is copied in and out, so a record kept as the firmware's RAM
 * copy cannot change behind {@link ConfigurationStore#matchesFlash(StoredRecord)}'s back.
 *
 * @param sequence      the record's sequence number, increasing with every commit; never 0 for a
 *                      record the store produced
 * @param formatVersion the caller's configuration format version, so a newer firmware can migrate
 * @param payload       the plaintext payload
 * @param crc           the CRC-32C of the record as stored in flash (over header and sealed payload);
 *                      it differs for every commit, even of equal payloads, because of the fresh nonce
 */
public record StoredRecord(long sequence, int formatVersion, byte[] payload, int crc) {

    /**
     * @throws IllegalArgumentException for a negative sequence or format version
     * @throws NullPointerException     for a missing payload
     */
    public StoredRecord {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, got " + sequence);
        }
        if (formatVersion < 0) {
            throw new IllegalArgumentException("format version must not be negative, got " + formatVersion);
        }
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** @return a copy of the plaintext payload */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return the payload's length, without copying it */
    public int payloadLength() {
        return payload.length;
    }

    /** Equal when every component is, the payload compared by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StoredRecord r && sequence == r.sequence && formatVersion == r.formatVersion
                && crc == r.crc && Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, formatVersion, crc, Arrays.hashCode(payload));
    }

    /** Shows the payload's length only: it may hold passwords. */
    @Override
    public String toString() {
        return "StoredRecord[sequence=" + sequence + ", formatVersion=" + formatVersion + ", payload="
                + payload.length + " bytes, crc=0x" + String.format("%08X", crc) + "]";
    }
}
