package io.metermodem.config.store;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one slot of a {@link ConfigurationStore} holds (CFG-2), for diagnostics: a valid record, no
 * record, or damaged contents with the reason.
 */
public sealed interface SlotStatus permits SlotStatus.Valid, SlotStatus.Empty, SlotStatus.Corrupt {

    /**
     * A record that passed every check and decrypted.
     *
     * @param sequence      the record's sequence number; the higher of two valid slots is current
     * @param formatVersion the caller's configuration format version
     * @param payloadBytes  length of the decrypted payload
     * @param recordBytes   bytes the whole record occupies in flash
     * @param crc           the record's CRC-32C
     */
    record Valid(long sequence, int formatVersion, int payloadBytes, int recordBytes, int crc) implements SlotStatus {
    }

    /** The slot starts erased: never written, or its erase completed before a write began. */
    record Empty() implements SlotStatus {
    }

    /**
     * Contents that are not a valid record. The store ignores such a slot and uses the other one.
     *
     * @param reason         why the contents were refused
     * @param detail         a sentence with the offending values, for the log
     * @param headerSequence the sequence number as read from the unverified header when the header
     *                       was readable; for diagnostics only, it may itself be damaged
     */
    record Corrupt(CorruptionReason reason, String detail, OptionalLong headerSequence) implements SlotStatus {

        /**
         * @throws NullPointerException for a missing component
         */
        public Corrupt {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(headerSequence, "headerSequence");
        }
    }
}
