package io.metermodem.config.store;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.hal.nvm.NonVolatileMemory;
import io.metermodem.hal.nvm.NvmFailureException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modem's configuration in non-volatile memory (CFG-2, CFG-8, HAL-6): a record that survives a
 * power cut at any moment, is never seen half written, and is unreadable without the device key.
 *
 * <h2>Slots</h2>
 * The store owns a {@link StoreRegion} of the memory, by default the whole of it
 * ({@link StoreRegion#wholeMemory}): two slots A and B of whole erase pages each. A
 * {@link #commit} always writes the slot that does <em>not</em> hold the newest valid record:
 * <ol>
 *   <li>both slots are read and checked, as {@link #load()} does;</li>
 *   <li>the pages of the other slot that the new record needs are erased, the first one first, so
 *       that an older record there is invalid from the first erased byte;</li>
 *   <li>the record, with a sequence number one above the newest valid one, is written and synced;</li>
 *   <li>it is read back and compared byte for byte, then checked like any loaded record (CRC and
 *       authentication). Only then does {@code commit} return: the record is current.</li>
 * </ol>
 * Until the last byte of the new record is programmed, the newest valid record is untouched, so a
 * power cut anywhere leaves either the previous record or the new one loadable (CFG-2). When
 * {@code commit} throws, the previous record stays current; only a cut after the new record's last
 * byte was programmed, but before {@code commit} returned, leaves the complete new record, which
 * is then equally valid. {@link #load()} reads both slots, drops every slot that fails a check
 * (torn write, bit flip, foreign data, another device key) and returns the valid record with the
 * higher sequence number.
 *
 * <h2>Record layout (layout version 1, big-endian)</h2>
 * <pre>
 * offset  bytes  field
 *  0      4      magic 0x4D4D4346 ("MMCF")
 *  4      1      record layout version: 1
 *  5      1      cipher suite id ({@link io.metermodem.config.crypto.CipherSuite#id()}): 1 = AES-256-GCM, 0 = none
 *  6      2      reserved, 0
 *  8      4      the caller's configuration format version, 0..2^31-1
 * 12      8      sequence number, 1.., one higher with every commit
 * 20      4      n = length of the sealed payload
 * 24      n      sealed payload: 12-byte nonce || AES-256-GCM ciphertext || 16-byte tag;
 *                the 24 header bytes are its associated data, so a changed header fails authentication
 * 24+n    4      CRC-32C over bytes 0 .. 24+n-1
 * </pre>
 * A record therefore takes {@link #recordBytes(int) payload + 56} bytes with AES-256-GCM. The CRC
 * detects torn writes and bit flips cheaply and tells them apart from authentication failures (a
 * wrong key, a forged record) in {@link #health()}; the GCM tag is what an attacker cannot forge.
 * The CRC-32C of the current record is the "configuration CRC" whose mismatch with the RAM copy
 * the manual reports as error -1 ({@link #matchesFlash}). A record whose layout version, cipher
 * suite or reserved field this firmware does not know is treated as corrupt, never guessed at.
 * Only the device key can seal a record, so any record whose CRC and tag check is one this device
 * wrote and is valid wherever it lies: the format keeps no monotonic counter, so a genuine record
 * copied from another slot or flash image (e.g. an older one written back) is not told apart.
 *
 * <h2>Errors</h2>
 * Damaged contents never throw: they make a slot {@link SlotStatus.Corrupt corrupt}, visible in
 * {@link #health()}. {@link IOException}s come only from the device (a failed read, write, erase or
 * sync, e.g. {@link NvmFailureException} after a power cut) and from a read-back that differs from
 * what was written. Misuse (a too large payload) is an {@link IllegalArgumentException}.
 *
 * <h2>Threads</h2>
 * Methods are synchronized; one store per region: two stores writing the same region at once could
 * both pick the same slot.
 *
 * <pre>{@code
 * ConfigurationStore store = new ConfigurationStore(board.nonVolatileMemory(), new AtRestCipher(board.deviceKey()));
 * Optional<StoredRecord> stored = store.load();            // empty on a fresh device
 * StoredRecord ram = stored.isPresent() ? stored.get() : store.commit(factoryDefaults(), FORMAT_VERSION);
 * ...
 * ram = store.commit(changedSettings, FORMAT_VERSION);   // on IOException `ram` is still what is stored
 * if (!store.matchesFlash(ram)) reportError(-1);          // CFG-2
 * }</pre>
 */
public final class ConfigurationStore {

    /**
     * Largest record the store writes, whatever the slot size: 1 MiB. A WM-E2S configuration is a
     * few KiB; the bound keeps the buffers of load and commit bounded on a large file-backed flash.
     */
    public static final int MAX_RECORD_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationStore.class);

    private final NonVolatileMemory memory;
    private final AtRestCipher cipher;
    private final StoreRegion region;
    /** Bytes of a slot the store may use: the slot, capped at {@link #MAX_RECORD_BYTES}. */
    private final int slotCapacity;

    /**
     * A store over the whole memory: slot A is the first half of the pages, slot B the second (an odd
     * last page stays unused). Nothing is read or written until the first call.
     *
     * @param memory the configuration flash
     * @param cipher seals the payload; {@code new AtRestCipher(board.deviceKey())} in a firmware
     * @throws IllegalArgumentException if the memory has fewer than two pages or its slots cannot hold
     *                                  an empty record
     */
    public ConfigurationStore(NonVolatileMemory memory, AtRestCipher cipher) {
        this(memory, cipher, StoreRegion.wholeMemory(Objects.requireNonNull(memory, "memory")));
    }

    /**
     * A store in a region of the memory, leaving the other pages to other users (e.g. a certificate
     * bank). Nothing is read or written until the first call.
     *
     * @param memory the configuration flash
     * @param cipher seals the payload
     * @param region where the two slots are
     * @throws IllegalArgumentException if the region reaches beyond the memory or a slot cannot hold an
     *                                  empty record
     */
    public ConfigurationStore(NonVolatileMemory memory, AtRestCipher cipher, StoreRegion region) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.region = Objects.requireNonNull(region, "region");
        if (region.endPage() > memory.pageCount()) {
            throw new IllegalArgumentException("region of two slots of " + region.pagesPerSlot() + " pages from page "
                    + region.firstPage() + " reaches beyond the " + memory.pageCount() + " pages of " + memory);
        }
        long slotBytes = (long) region.pagesPerSlot() * memory.pageSize();
        this.slotCapacity = (int) Math.min(slotBytes, MAX_RECORD_BYTES);
        if (slotCapacity < RecordCodec.FRAMING_BYTES + cipher.overheadBytes()) {
            throw new IllegalArgumentException("slots of " + slotBytes + " bytes cannot hold a record, which needs at"
                    + " least " + (RecordCodec.FRAMING_BYTES + cipher.overheadBytes()) + " bytes");
        }
    }

    /** @return where the two slots are */
    public StoreRegion region() {
        return region;
    }

    /** @return the largest payload {@link #commit} accepts: the slot size less {@link #recordBytes(int) framing} */
    public int maxPayloadBytes() {
        return slotCapacity - RecordCodec.FRAMING_BYTES - cipher.overheadBytes();
    }

    /**
     * Bytes a record occupies in flash, which are also the bytes a {@link #commit} programs.
     *
     * @param payloadLength plaintext bytes, 0..{@link #maxPayloadBytes()}
     * @return header, sealed payload and CRC
     * @throws IllegalArgumentException outside that range
     */
    public int recordBytes(int payloadLength) {
        checkPayloadLength(payloadLength);
        return RecordCodec.FRAMING_BYTES + cipher.overheadBytes() + payloadLength;
    }

    /**
     * Reads the current configuration: the valid record with the highest sequence number. Damaged
     * slots are skipped; {@link #health()} says why.
     *
     * @return the record with its payload decrypted, or empty when no slot holds a valid record (a
     *         fresh device, or one whose both copies are damaged or sealed under another key)
     * @throws IOException if the memory cannot be read
     */
    public synchronized Optional<StoredRecord> load() throws IOException {
        return scan().current();
    }

    /**
     * Stores a new configuration in the slot that does not hold the newest valid record, verifies it
     * by reading it back and makes it current. See the class documentation for the steps.
     *
     * @param payload       the configuration, 0..{@link #maxPayloadBytes()} bytes; copied
     * @param formatVersion the caller's format version, 0 or more, returned by {@link #load()} so
     *                      a newer firmware can migrate an older configuration
     * @return the stored record, as {@link #load()} will return it
     * @throws IllegalArgumentException for a too large payload or a negative format version
     * @throws IllegalStateException    if the sequence numbers are exhausted (2<sup>63</sup> commits)
     * @throws IOException              if the memory fails, the power is cut, or the read-back differs;
     *                                  the previous record then stays current
     */
    public synchronized StoredRecord commit(byte[] payload, int formatVersion) throws IOException {
        Objects.requireNonNull(payload, "payload");
        checkPayloadLength(payload.length);
        if (formatVersion < 0) {
            throw new IllegalArgumentException("format version must not be negative, got " + formatVersion);
        }
        // Read the slots again instead of trusting a cached state: if the current slot was damaged
        // since, the older copy in the other slot is now the newest valid one and must be kept.
        Scan scan = scan();
        Optional<SlotReading> newest = scan.newest();
        Slot target = newest.map(r -> r.slot().other()).orElse(Slot.A);
        long sequence = newest.map(r -> r.record().orElseThrow().sequence()).orElse(0L);
        if (sequence == Long.MAX_VALUE) {
            throw new IllegalStateException("sequence numbers are exhausted in slot " + newest.get().slot());
        }
        sequence++;
        byte[] image = RecordCodec.encode(cipher, sequence, formatVersion, payload);
        long base = slotAddress(target);
        int pages = (image.length + memory.pageSize() - 1) / memory.pageSize();
        int firstPage = region.firstPageOf(target);
        for (int page = firstPage; page < firstPage + pages; page++) {
            memory.erasePage(page);
        }
        memory.write(base, image, 0, image.length);
        memory.sync();
        StoredRecord stored = verify(target, base, image);
        LOG.debug("configuration record {} ({} payload bytes, format {}) committed to slot {}", sequence,
                payload.length, formatVersion, target);
        return stored;
    }

    /**
     * Compares the firmware's RAM copy with the current record in flash (CFG-2). The flash is read
     * again, so a record damaged since it was loaded is noticed: the manual reports such a mismatch
     * as error code -1.
     *
     * @param ramCopy the record the firmware runs with, as returned by {@link #load()} or {@link #commit}
     * @return whether the current valid record has the same sequence number, CRC, format version and
     *         payload; false when the current slot is damaged (the older slot or nothing is then
     *         current) or another record was committed since
     * @throws IOException if the memory cannot be read
     */
    public synchronized boolean matchesFlash(StoredRecord ramCopy) throws IOException {
        Objects.requireNonNull(ramCopy, "ramCopy");
        return scan().current().map(ramCopy::equals).orElse(false);
    }

    /**
     * Reads and checks both slots for diagnostics.
     *
     * @return what each slot holds and which one is current
     * @throws IOException if the memory cannot be read
     */
    public synchronized StoreHealth health() throws IOException {
        Scan scan = scan();
        return new StoreHealth(scan.a().status(), scan.b().status());
    }

    @Override
    public String toString() {
        return "ConfigurationStore[" + memory + ", pages " + region.firstPage() + ".." + (region.endPage() - 1)
                + ", " + cipher.suite() + "]";
    }

    /** What one slot holds; {@code record} is present exactly when {@code status} is valid. */
    private record SlotReading(Slot slot, SlotStatus status, Optional<StoredRecord> record) {
    }

    private record Scan(SlotReading a, SlotReading b) {

        Optional<SlotReading> newest() {
            if (a.record().isPresent()) {
                // On equal sequence numbers, which only a copied image produces, slot A wins.
                if (b.record().isPresent() && b.record().get().sequence() > a.record().get().sequence()) {
                    return Optional.of(b);
                }
                return Optional.of(a);
            }
            return b.record().isPresent() ? Optional.of(b) : Optional.empty();
        }

        Optional<StoredRecord> current() {
            return newest().flatMap(SlotReading::record);
        }
    }

    private Scan scan() throws IOException {
        return new Scan(read(Slot.A), read(Slot.B));
    }

    private SlotReading read(Slot slot) throws IOException {
        long base = slotAddress(slot);
        byte[] header = new byte[RecordCodec.HEADER_BYTES];
        memory.read(base, header, 0, header.length);
        Optional<SlotStatus> verdict = RecordCodec.checkHeader(header, cipher.suite(), cipher.overheadBytes(),
                slotCapacity - RecordCodec.FRAMING_BYTES);
        if (verdict.isPresent()) {
            log(slot, verdict.get());
            return new SlotReading(slot, verdict.get(), Optional.empty());
        }
        byte[] image = new byte[RecordCodec.FRAMING_BYTES + RecordCodec.sealedLength(header)];
        System.arraycopy(header, 0, image, 0, header.length);
        memory.read(base + header.length, image, header.length, image.length - header.length);
        RecordCodec.Decoded decoded = RecordCodec.decode(image, cipher);
        log(slot, decoded.status());
        return new SlotReading(slot, decoded.status(), decoded.record());
    }

    private StoredRecord verify(Slot slot, long base, byte[] image) throws IOException {
        byte[] back = new byte[image.length];
        memory.read(base, back, 0, back.length);
        int mismatch = Arrays.mismatch(image, back);
        if (mismatch >= 0) {
            throw new NvmFailureException(String.format("configuration record in slot %s did not program: byte %d"
                    + " of %d at 0x%X reads 0x%02X, written 0x%02X", slot, mismatch, image.length, base + mismatch,
                    back[mismatch], image[mismatch]));
        }
        RecordCodec.Decoded decoded = RecordCodec.decode(back, cipher);
        if (decoded.record().isEmpty()) {
            // Equal bytes that do not decode would be a codec bug; refuse to call it committed.
            throw new IllegalStateException("configuration record written to slot " + slot
                    + " does not check: " + decoded.status());
        }
        return decoded.record().get();
    }

    private long slotAddress(Slot slot) {
        return (long) region.firstPageOf(slot) * memory.pageSize();
    }

    private void checkPayloadLength(int length) {
        if (length < 0 || length > maxPayloadBytes()) {
            throw new IllegalArgumentException("configuration payload of " + length + " bytes does not fit: at most "
                    + maxPayloadBytes() + " bytes fit a slot of " + slotCapacity + " bytes with " + cipher.suite());
        }
    }

    private static void log(Slot slot, SlotStatus status) {
        // Debug only: a torn slot after a power cut is normal operation; health() is the report.
        if (status instanceof SlotStatus.Corrupt corrupt && LOG.isDebugEnabled()) {
            LOG.debug("configuration slot {} ignored: {}: {}", slot, corrupt.reason(), corrupt.detail());
        }
    }
}
