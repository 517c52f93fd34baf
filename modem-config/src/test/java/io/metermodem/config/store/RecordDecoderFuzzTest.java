package io.metermodem.config.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.hal.mock.nvm.MockFlash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the record decoder of the A/B store (CFG-2, CFG-8, HAL-6) through {@link ConfigurationStore#load()}:
 * whatever the flash holds, loading gives the newest record that is still intact, or the documented "no
 * valid record" (empty), and never throws.
 *
 * <p>The input is a small program: which cipher and which history of commits the flash starts from, then
 * up to 32 damages (bit flips, set bytes, erased or zeroed ranges as torn writes and erases leave them,
 * written bytes, ranges copied from one slot to the other, a truncated image, 32-bit header fields). The
 * expected outcome is worked out apart from the decoder, slot by slot:
 * <ul>
 *   <li>with AES-256-GCM a slot is valid exactly when it begins with a record in the documented layout
 *       whose CRC matches and whose tag verifies under the device key: any record sealed under that key,
 *       from this history or not (see {@link #sealedUnderDeviceKey});</li>
 *   <li>without encryption records are deterministic, so a slot is valid exactly when encoding its header
 *       fields and payload gives back its bytes;</li>
 *   <li>a slot whose header is all erased bytes is empty, any other one corrupt; the valid record with
 *       the higher sequence number loads, slot A on a tie.</li>
 * </ul>
 * Then the store must still work: a commit goes to the slot that does not hold the loaded record, leaves
 * that record's slot byte for byte as it was, and is what loads next.
 */
class RecordDecoderFuzzTest {

    private static final int PAGE_SIZE = 64;
    /** Two slots of eight pages and one page that belongs to neither, which damage there must not matter. */
    private static final int PAGE_COUNT = 17;
    private static final int SLOT_BYTES = 8 * PAGE_SIZE;
    private static final int FLASH_BYTES = PAGE_SIZE * PAGE_COUNT;
    private static final AtRestCipher AES = Fixtures.cipher();
    /** The key {@link #AES} seals with, for the oracle's own AES-GCM. */
    private static final SecretKeySpec DEVICE_KEY = new SecretKeySpec(Fixtures.key(1), "AES");
    /** Record layout sizes, from the table on {@link ConfigurationStore}: header, GCM nonce and tag. */
    private static final int HEADER = 24;
    private static final int GCM_NONCE_BYTES = 12;
    private static final int GCM_TAG_BYTES = 16;
    private static final AtRestCipher NONE = AtRestCipher.none();
    private static final List<History> AES_HISTORIES = histories(AES);
    private static final List<History> PLAIN_HISTORIES = histories(NONE);

    /** A record a history committed, with the bytes it occupies in flash. */
    private record Committed(StoredRecord record, byte[] image) {
    }

    /** A flash after some commits. */
    private record History(byte[] flash, List<Committed> committed) {
    }

    @FuzzTest
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // above -Pfuzz's fuzz.seconds; a replay takes milliseconds
    void load(byte[] input) throws IOException {
        Program program = new Program(input);
        int start = program.u8();
        boolean encrypted = (start & 0x80) == 0;
        AtRestCipher cipher = encrypted ? AES : NONE;
        History history = (encrypted ? AES_HISTORIES : PLAIN_HISTORIES).get(start % 4);
        byte[] image = history.flash().clone();
        int damages = program.u8() % 33;
        for (int i = 0; i < damages; i++) {
            damage(image, program);
        }
        MockFlash flash = new MockFlash(PAGE_SIZE, PAGE_COUNT);
        flash.loadFrom(image);
        ConfigurationStore store = new ConfigurationStore(flash, cipher);

        Expected a = expected(cipher, history, image, Slot.A);
        Expected b = expected(cipher, history, image, Slot.B);
        Optional<Slot> current = a.record().isPresent()
                && (b.record().isEmpty() || a.record().get().sequence() >= b.record().get().sequence()) ? Optional.of(Slot.A)
                : b.record().isPresent() ? Optional.of(Slot.B) : Optional.empty();
        Optional<StoredRecord> wanted = current.flatMap(slot -> (slot == Slot.A ? a : b).record());

        assertEquals(wanted, store.load(), "the newest intact record, or none");
        StoreHealth health = store.health();
        assertStatus(cipher, a, health.slotA());
        assertStatus(cipher, b, health.slotB());
        assertEquals(current, health.current());
        if (wanted.isPresent()) {
            assertTrue(store.matchesFlash(wanted.get()));
        }

        // The store keeps working on whatever it found.
        byte[] payload = Fixtures.payload(program.u16() % (store.maxPayloadBytes() + 1), 9);
        int formatVersion = program.u8();
        long newest = wanted.map(StoredRecord::sequence).orElse(0L);
        if (newest == Long.MAX_VALUE) {
            // Only a forged plain record can claim the last sequence number; the store says so and writes nothing.
            assertThrows(IllegalStateException.class, () -> store.commit(payload, formatVersion));
            assertArrayEquals(image, flash.snapshot());
            return;
        }
        StoredRecord committed = store.commit(payload, formatVersion);
        assertEquals(newest + 1, committed.sequence());
        assertArrayEquals(payload, committed.payload());
        assertEquals(Optional.of(committed), new ConfigurationStore(flash, cipher).load());
        byte[] after = flash.snapshot();
        Slot kept = current.orElse(Slot.B); // with nothing valid, the commit goes to slot A
        int keptFrom = kept.ordinal() * SLOT_BYTES;
        assertTrue(Arrays.equals(image, keptFrom, keptFrom + SLOT_BYTES, after, keptFrom, keptFrom + SLOT_BYTES),
                "the commit must not touch slot " + kept + ", which holds the newest record");
        assertTrue(Arrays.equals(image, 2 * SLOT_BYTES, FLASH_BYTES, after, 2 * SLOT_BYTES, FLASH_BYTES),
                "the commit must not touch the page beyond the slots");
    }

    /** What a slot must read as: a record, an empty slot, or corrupt contents. */
    private record Expected(Optional<StoredRecord> record, boolean empty) {
    }

    private static Expected expected(AtRestCipher cipher, History history, byte[] image, Slot slot) {
        int from = slot.ordinal() * SLOT_BYTES;
        boolean erasedHeader = true;
        for (int i = from; i < from + RecordCodec.HEADER_BYTES; i++) {
            erasedHeader &= image[i] == (byte) 0xFF;
        }
        if (erasedHeader) {
            return new Expected(Optional.empty(), true);
        }
        if (cipher == AES) {
            Optional<StoredRecord> sealed = sealedUnderDeviceKey(image, from);
            for (Committed c : history.committed()) {
                if (Arrays.equals(image, from, from + c.image().length, c.image(), 0, c.image().length)) {
                    // Cross-check of the oracle: it reads this history's own records as they were committed.
                    assertEquals(Optional.of(c.record()), sealed, "the oracle misreads a committed record");
                }
            }
            return new Expected(sealed, false);
        }
        // Without encryption a record is a pure function of its fields: re-encode what the header claims.
        ByteBuffer slotBytes = ByteBuffer.wrap(image, from, SLOT_BYTES).slice();
        int formatVersion = slotBytes.getInt(8);
        long sequence = slotBytes.getLong(12);
        int length = slotBytes.getInt(20);
        if (sequence < 1 || formatVersion < 0 || length < 0 || length > SLOT_BYTES - RecordCodec.FRAMING_BYTES) {
            return new Expected(Optional.empty(), false);
        }
        byte[] payload = Arrays.copyOfRange(image, from + RecordCodec.HEADER_BYTES, from + RecordCodec.HEADER_BYTES
                + length);
        byte[] encoded = RecordCodec.encode(NONE, sequence, formatVersion, payload);
        if (!Arrays.equals(image, from, from + encoded.length, encoded, 0, encoded.length)) {
            return new Expected(Optional.empty(), false);
        }
        int crc = slotBytes.getInt(RecordCodec.HEADER_BYTES + length);
        return new Expected(Optional.of(new StoredRecord(sequence, formatVersion, payload, crc)), false);
    }

    /**
     * Whether a slot of an encrypting store holds a genuine record, worked out from the layout documented
     * on {@link ConfigurationStore} with the JDK's CRC-32C and AES-GCM rather than the store's codec.
     *
     * <p>The rule (CFG-2, CFG-8): a record is genuine exactly when its header fields are possible, its
     * CRC-32C matches and its GCM tag verifies under the device key with the header as associated data.
     * Only the key can make such a record, so no damage or forgery passes; but the format keeps no
     * record of where a record came from, so every record ever sealed under the key is genuine wherever
     * it lies. An earlier version of this oracle accepted only the records of the history the run started
     * from, and Jazzer refuted it by writing the third record of the three-commit history (sealed under
     * the same key) over slot A of the two-commit history: a genuine newer record that the store rightly
     * loads. Records from earlier runs and from the commit at the end of each run are just as genuine.
     * Equally, an older record copied back over the newer one (a rollback) loads.
     *
     * @return the record with its payload decrypted, or empty when the slot does not hold a genuine one
     */
    private static Optional<StoredRecord> sealedUnderDeviceKey(byte[] image, int from) {
        ByteBuffer slot = ByteBuffer.wrap(image, from, SLOT_BYTES).slice();
        int formatVersion = slot.getInt(8);
        long sequence = slot.getLong(12);
        int sealedLength = slot.getInt(20);
        boolean headerPossible = slot.getInt(0) == 0x4D4D_4346 // "MMCF"
                && slot.get(4) == 1 // layout version
                && slot.get(5) == 1 // cipher suite: AES-256-GCM
                && slot.getShort(6) == 0 // reserved
                && formatVersion >= 0 && sequence >= 1
                && sealedLength >= GCM_NONCE_BYTES + GCM_TAG_BYTES
                && sealedLength <= SLOT_BYTES - HEADER - 4; // the 4-byte CRC must fit the slot too
        if (!headerPossible) {
            return Optional.empty();
        }
        int body = HEADER + sealedLength;
        CRC32C crc = new CRC32C();
        crc.update(image, from, body);
        int storedCrc = slot.getInt(body);
        if ((int) crc.getValue() != storedCrc) {
            return Optional.empty();
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, DEVICE_KEY, new GCMParameterSpec(8 * GCM_TAG_BYTES, image, from + HEADER,
                    GCM_NONCE_BYTES));
            gcm.updateAAD(image, from, HEADER);
            byte[] payload = gcm.doFinal(image, from + HEADER + GCM_NONCE_BYTES, sealedLength - GCM_NONCE_BYTES);
            return Optional.of(new StoredRecord(sequence, formatVersion, payload, storedCrc));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES-GCM failed", e);
        }
    }

    private static void assertStatus(AtRestCipher cipher, Expected expected, SlotStatus actual) {
        if (expected.record().isPresent()) {
            StoredRecord r = expected.record().get();
            assertEquals(new SlotStatus.Valid(r.sequence(), r.formatVersion(), r.payloadLength(),
                    r.payloadLength() + cipher.overheadBytes() + RecordCodec.FRAMING_BYTES, r.crc()), actual);
        } else if (expected.empty()) {
            assertInstanceOf(SlotStatus.Empty.class, actual);
        } else {
            SlotStatus.Corrupt corrupt = assertInstanceOf(SlotStatus.Corrupt.class, actual);
            assertFalse(corrupt.detail().isBlank(), "a corrupt slot says why");
        }
    }

    /** Applies one damage, as the program describes it, to the flash image. */
    private static void damage(byte[] image, Program program) {
        int op = program.u8() % 8;
        int at = program.u16() % FLASH_BYTES;
        switch (op) {
            case 0 -> image[at] ^= (byte) (1 << (program.u8() % 8)); // retention error
            case 1 -> image[at] = (byte) program.u8();
            case 2 -> Arrays.fill(image, at, at + program.u16() % (FLASH_BYTES - at + 1), (byte) 0xFF); // torn erase
            case 3 -> Arrays.fill(image, at, at + program.u16() % (FLASH_BYTES - at + 1), (byte) 0x00);
            case 4 -> {
                int n = Math.min(program.u8(), FLASH_BYTES - at);
                for (int i = 0; i < n; i++) {
                    image[at + i] = (byte) program.u8();
                }
            }
            case 5 -> {
                int to = program.u16() % FLASH_BYTES;
                int n = program.u16() % (FLASH_BYTES - Math.max(at, to) + 1);
                System.arraycopy(image.clone(), at, image, to, n); // e.g. one slot's record over the other's
            }
            case 6 -> Arrays.fill(image, at, FLASH_BYTES, (byte) 0xFF); // an image cut short: the rest erased
            default -> {
                int to = Math.min(at, FLASH_BYTES - 4);
                ByteBuffer.wrap(image).putInt(to, program.u32()); // a header field: length, sequence, version
            }
        }
    }

    /** Reads the fuzz input as numbers; past its end every number is 0. */
    private static final class Program {
        private final byte[] input;
        private int at;

        Program(byte[] input) {
            this.input = input;
        }

        int u8() {
            return at < input.length ? input[at++] & 0xFF : 0;
        }

        int u16() {
            return u8() << 8 | u8();
        }

        int u32() {
            return u16() << 16 | u16();
        }
    }

    /** Flashes after 0, 1, 2 and 3 commits of payloads of different sizes and format versions. */
    private static List<History> histories(AtRestCipher cipher) {
        try {
            List<History> histories = new ArrayList<>();
            MockFlash flash = new MockFlash(PAGE_SIZE, PAGE_COUNT);
            ConfigurationStore store = new ConfigurationStore(flash, cipher);
            List<Committed> committed = new ArrayList<>();
            histories.add(new History(flash.snapshot(), List.copyOf(committed)));
            int[][] commits = {{120, 1}, {300, 2}, {0, 7}};
            for (int[] commit : commits) {
                StoredRecord record = store.commit(Fixtures.payload(commit[0], commit[1]), commit[1]);
                Slot slot = record.sequence() % 2 == 1 ? Slot.A : Slot.B;
                int from = slot.ordinal() * SLOT_BYTES;
                byte[] snapshot = flash.snapshot();
                committed.add(new Committed(record, Arrays.copyOfRange(snapshot, from,
                        from + store.recordBytes(record.payloadLength()))));
                histories.add(new History(snapshot, List.copyOf(committed)));
            }
            return List.copyOf(histories);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
