package io.metermodem.config.store;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.crypto.AtRestCipherException;
import io.metermodem.config.crypto.CipherSuite;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.CRC32C;

/**
 * Encodes and checks one record in the layout documented on {@link ConfigurationStore}. Pure: bytes
 * in, bytes or a verdict out, so the store's I/O and the format are tested apart.
 */
final class RecordCodec {

    /** "MMCF": metermodem configuration. Not 0xFF.. nor 0x00.., so erased or zeroed flash never matches. */
    static final int MAGIC = 0x4D4D_4346;
    /** Version of the record layout itself (not of the caller's payload). */
    static final int LAYOUT_VERSION = 1;
    static final int HEADER_BYTES = 24;
    static final int CRC_BYTES = 4;
    /** Header and CRC: what the store adds around the sealed payload. */
    static final int FRAMING_BYTES = HEADER_BYTES + CRC_BYTES;

    private static final int OFFSET_LENGTH = 20;
    private static final int OFFSET_SEQUENCE = 12;

    /** Outcome of checking a whole record image. */
    record Decoded(SlotStatus status, Optional<StoredRecord> record) {
    }

    private RecordCodec() {
    }

    /**
     * @param cipher        seals the payload, bound to the header
     * @param sequence      1 or more
     * @param formatVersion 0 or more
     * @param payload       plaintext
     * @return the complete record as it is written to flash
     */
    static byte[] encode(AtRestCipher cipher, long sequence, int formatVersion, byte[] payload) {
        int sealedLength = payload.length + cipher.overheadBytes();
        byte[] header = header(cipher.suite(), formatVersion, sequence, sealedLength);
        byte[] sealed = cipher.seal(payload, header);
        byte[] image = new byte[HEADER_BYTES + sealed.length + CRC_BYTES];
        System.arraycopy(header, 0, image, 0, HEADER_BYTES);
        System.arraycopy(sealed, 0, image, HEADER_BYTES, sealed.length);
        ByteBuffer.wrap(image).putInt(HEADER_BYTES + sealed.length, crc(image, HEADER_BYTES + sealed.length));
        return image;
    }

    static byte[] header(CipherSuite suite, int formatVersion, long sequence, int sealedLength) {
        return ByteBuffer.allocate(HEADER_BYTES)
                .putInt(MAGIC)
                .put((byte) LAYOUT_VERSION)
                .put((byte) suite.id())
                .putShort((short) 0) // reserved: must be zero, so a later layout can use it
                .putInt(formatVersion)
                .putLong(sequence)
                .putInt(sealedLength)
                .array();
    }

    /**
     * Checks a header before the rest of the slot is read, so a damaged length never makes the
     * store read beyond its slot.
     *
     * @param header    the first {@link #HEADER_BYTES} bytes of a slot
     * @param suite     the store's cipher suite
     * @param minSealed smallest sealed length the cipher can produce
     * @param maxSealed largest sealed length that fits the slot
     * @return the verdict when the header already rules the slot out (empty or corrupt), else empty
     */
    static Optional<SlotStatus> checkHeader(byte[] header, CipherSuite suite, int minSealed, int maxSealed) {
        if (allErased(header)) {
            return Optional.of(new SlotStatus.Empty());
        }
        ByteBuffer in = ByteBuffer.wrap(header);
        int magic = in.getInt();
        int layout = Byte.toUnsignedInt(in.get());
        int cipherId = Byte.toUnsignedInt(in.get());
        int reserved = Short.toUnsignedInt(in.getShort());
        int formatVersion = in.getInt();
        long sequence = in.getLong();
        int sealedLength = in.getInt();
        OptionalLong claimed = OptionalLong.of(sequence);
        if (magic != MAGIC) {
            return corrupt(CorruptionReason.BAD_MAGIC, String.format("magic is 0x%08X, expected 0x%08X", magic, MAGIC),
                    OptionalLong.empty());
        }
        if (layout != LAYOUT_VERSION) {
            return corrupt(CorruptionReason.UNSUPPORTED_LAYOUT, "record layout version " + layout
                    + " is not supported; this firmware reads version " + LAYOUT_VERSION, claimed);
        }
        if (cipherId != suite.id()) {
            return corrupt(CorruptionReason.CIPHER_MISMATCH, "record was sealed with cipher suite " + cipherId
                    + ", the store uses " + suite + " (" + suite.id() + ")", claimed);
        }
        if (reserved != 0 || formatVersion < 0 || sequence < 1) {
            return corrupt(CorruptionReason.BAD_HEADER, "impossible header values: reserved=" + reserved
                    + ", format version=" + formatVersion + ", sequence=" + sequence, claimed);
        }
        if (sealedLength < minSealed || sealedLength > maxSealed) {
            return corrupt(CorruptionReason.BAD_LENGTH, "sealed payload length " + sealedLength + " is outside "
                    + minSealed + ".." + maxSealed, claimed);
        }
        return Optional.empty();
    }

    /** @return the sealed length stated by a header that passed {@link #checkHeader} */
    static int sealedLength(byte[] header) {
        return ByteBuffer.wrap(header).getInt(OFFSET_LENGTH);
    }

    /**
     * Checks the CRC and opens the payload of a record whose header passed {@link #checkHeader}.
     *
     * @param image  header, sealed payload and CRC
     * @param cipher the store's cipher
     * @return valid with the record, or corrupt with the reason
     */
    static Decoded decode(byte[] image, AtRestCipher cipher) {
        ByteBuffer in = ByteBuffer.wrap(image);
        long sequence = in.getLong(OFFSET_SEQUENCE);
        int formatVersion = in.getInt(8);
        int body = image.length - CRC_BYTES;
        int stored = in.getInt(body);
        int computed = crc(image, body);
        OptionalLong claimed = OptionalLong.of(sequence);
        if (stored != computed) {
            return new Decoded(new SlotStatus.Corrupt(CorruptionReason.CRC_MISMATCH, String.format(
                    "CRC-32C is 0x%08X, the record holds 0x%08X (torn write or damaged bits)", computed, stored),
                    claimed), Optional.empty());
        }
        byte[] header = Arrays.copyOfRange(image, 0, HEADER_BYTES);
        byte[] payload;
        try {
            payload = cipher.open(Arrays.copyOfRange(image, HEADER_BYTES, body), header);
        } catch (AtRestCipherException e) {
            return new Decoded(new SlotStatus.Corrupt(CorruptionReason.AUTHENTICATION_FAILED, e.getMessage(), claimed),
                    Optional.empty());
        }
        StoredRecord record = new StoredRecord(sequence, formatVersion, payload, stored);
        return new Decoded(new SlotStatus.Valid(sequence, formatVersion, payload.length, image.length, stored),
                Optional.of(record));
    }

    static int crc(byte[] data, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, length);
        return (int) crc.getValue();
    }

    private static boolean allErased(byte[] bytes) {
        for (byte b : bytes) {
            if (b != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static Optional<SlotStatus> corrupt(CorruptionReason reason, String detail, OptionalLong sequence) {
        return Optional.of(new SlotStatus.Corrupt(reason, detail, sequence));
    }
}
