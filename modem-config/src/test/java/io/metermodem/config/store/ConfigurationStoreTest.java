package io.metermodem.config.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.hal.nvm.NvmFailureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The A/B configuration store's behaviour without faults, and its limits (CFG-2, HAL-6). */
class ConfigurationStoreTest {

    private final MockFlash flash = Fixtures.smallFlash();
    private final ConfigurationStore store = new ConfigurationStore(flash, Fixtures.cipher());

    @Test
    @DisplayName("CFG-2: a fresh device's flash holds no configuration, and both slots report empty")
    void freshFlashLoadsNothing() throws IOException {
        assertEquals(Optional.empty(), store.load());
        StoreHealth health = store.health();
        assertInstanceOf(SlotStatus.Empty.class, health.slotA());
        assertInstanceOf(SlotStatus.Empty.class, health.slotB());
        assertEquals(Optional.empty(), health.current());
    }

    @Test
    @DisplayName("CFG-2: a committed configuration loads back exactly in a new store on the same flash")
    void commitThenLoad() throws IOException {
        byte[] payload = Fixtures.payload(1000, 1);

        StoredRecord committed = store.commit(payload, 3);

        Optional<StoredRecord> loaded = new ConfigurationStore(flash, Fixtures.cipher()).load();
        assertEquals(Optional.of(committed), loaded);
        assertArrayEquals(payload, loaded.orElseThrow().payload());
        assertEquals(1, committed.sequence());
        assertEquals(3, committed.formatVersion());
    }

    @Test
    @DisplayName("CFG-2: commits alternate between the slots with increasing sequence numbers, the newest wins")
    void commitsAlternateSlots() throws IOException {
        for (int i = 1; i <= 5; i++) {
            StoredRecord record = store.commit(Fixtures.payload(10 * i, i), 1);

            assertEquals(i, record.sequence());
            StoreHealth health = store.health();
            assertEquals(Optional.of(i % 2 == 1 ? Slot.A : Slot.B), health.current());
            assertEquals(i > 1, health.bothValid());
            assertEquals(Optional.of(record), store.load());
        }
    }

    @Test
    @DisplayName("CFG-2: the RAM copy matches the flash after a commit, and not after a newer commit")
    void matchesFlashAfterCommit() throws IOException {
        StoredRecord ram = store.commit(Fixtures.payload(64, 1), 1);
        assertTrue(store.matchesFlash(ram));

        store.commit(Fixtures.payload(64, 1), 1); // equal payload, yet a new record with a new CRC

        assertFalse(store.matchesFlash(ram));
    }

    @Test
    @DisplayName("CFG-2: a bit flip in the current slot makes the RAM copy mismatch the flash (the manual's error -1)")
    void matchesFlashDetectsFlip() throws IOException {
        StoredRecord ram = store.commit(Fixtures.payload(64, 1), 1);

        flash.flipBit(30, 5);

        assertFalse(store.matchesFlash(ram));
        assertEquals(CorruptionReason.CRC_MISMATCH, ((SlotStatus.Corrupt) store.health().slotA()).reason());
    }

    @Test
    @DisplayName("CFG-2: a record written with format version 1 loads with version 1, so a newer firmware can migrate it")
    void formatVersionIsKept() throws IOException {
        store.commit("apn=internet".getBytes(StandardCharsets.UTF_8), 1);

        ConfigurationStore newerFirmware = new ConfigurationStore(flash, Fixtures.cipher());
        StoredRecord old = newerFirmware.load().orElseThrow();
        assertEquals(1, old.formatVersion());
        StoredRecord migrated = newerFirmware.commit("apn.name=internet".getBytes(StandardCharsets.UTF_8), 2);

        assertEquals(Optional.of(migrated), newerFirmware.load());
        assertEquals(2, migrated.formatVersion());
        assertEquals(1, ((SlotStatus.Valid) newerFirmware.health().slotA()).formatVersion(), "old copy kept in A");
    }

    @Test
    @DisplayName("CFG-2: payloads up to maxPayloadBytes are stored, a larger one is refused and nothing is written")
    void payloadIsBounded() throws IOException {
        int max = store.maxPayloadBytes();
        assertEquals(Fixtures.PAGE_SIZE * Fixtures.PAGE_COUNT / 2 - 56, max);
        assertEquals(Fixtures.PAGE_SIZE * Fixtures.PAGE_COUNT / 2, store.recordBytes(max));
        StoredRecord full = store.commit(Fixtures.payload(max, 1), 1);
        long programmed = flash.statistics().bytesProgrammed();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.commit(new byte[max + 1], 1));

        assertTrue(e.getMessage().contains("at most " + max), e.getMessage());
        assertEquals(programmed, flash.statistics().bytesProgrammed());
        assertEquals(Optional.of(full), store.load());
    }

    @Test
    @DisplayName("CFG-2: a negative format version is misuse")
    void negativeFormatVersionRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.commit(new byte[1], -1));
    }

    @Test
    @DisplayName("HAL-6: a commit erases only the pages of the inactive slot that the record needs")
    void commitErasesOnlyNeededPages() throws IOException {
        store.commit(Fixtures.payload(100, 1), 1); // slot A, pages 0..7

        store.commit(Fixtures.payload(300, 2), 1);  // slot B: 356 bytes -> pages 8 and 9

        assertEquals(1, flash.eraseCount(0));
        assertEquals(0, flash.eraseCount(1));
        assertEquals(1, flash.eraseCount(8));
        assertEquals(1, flash.eraseCount(9));
        assertEquals(0, flash.eraseCount(10));
    }

    @Test
    @DisplayName("HAL-6: a store in a region leaves the pages outside it untouched")
    void regionIsRespected() throws IOException {
        ConfigurationStore regional = new ConfigurationStore(flash, Fixtures.cipher(), new StoreRegion(4, 2));
        assertEquals(2 * Fixtures.PAGE_SIZE - 56, regional.maxPayloadBytes());

        StoredRecord a = regional.commit(Fixtures.payload(400, 1), 1);
        StoredRecord b = regional.commit(Fixtures.payload(400, 2), 1);

        assertEquals(4, regional.region().firstPageOf(Slot.A));
        assertEquals(6, regional.region().firstPageOf(Slot.B));
        for (int page = 0; page < Fixtures.PAGE_COUNT; page++) {
            assertEquals(page >= 4 && page < 8 ? 1 : 0, flash.eraseCount(page), "page " + page);
        }
        assertEquals(Optional.of(b), regional.load());
        assertNotEquals(a, b);
    }

    @Test
    @DisplayName("HAL-6: a region beyond the memory or too small for a record is refused")
    void impossibleRegionsRefused() {
        AtRestCipher cipher = Fixtures.cipher();
        assertThrows(IllegalArgumentException.class, () -> new ConfigurationStore(flash, cipher, new StoreRegion(10, 4)));
        assertThrows(IllegalArgumentException.class, () -> new StoreRegion(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new StoreRegion(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ConfigurationStore(new MockFlash(16, 4), cipher));
        assertThrows(IllegalArgumentException.class, () -> new ConfigurationStore(new MockFlash(256, 1), cipher));
    }

    @Test
    @DisplayName("HAL-6: a device that cannot be read makes load throw an IOException, not return empty")
    void deviceFailureIsAnIoException() {
        flash.cutPower();

        assertThrows(NvmFailureException.class, store::load);
        assertThrows(NvmFailureException.class, store::health);
    }

    @Test
    @DisplayName("CFG-2: a write that does not stick is caught by the read-back, and the previous record stays current")
    void readBackCatchesBadProgramming() throws IOException {
        StoredRecord previous = store.commit(Fixtures.payload(64, 1), 1);
        flash.stickAtZero(Fixtures.PAGE_SIZE * 8L + 2);
        ConfigurationStore failing = new ConfigurationStore(flash, Fixtures.cipher());

        NvmFailureException e = assertThrows(NvmFailureException.class,
                () -> failing.commit(Fixtures.payload(64, 2), 1));

        assertTrue(e.getMessage().contains("byte 2 of"), e.getMessage());
        assertEquals(Optional.of(previous), store.load());
    }

    @Test
    @DisplayName("CFG-2: the record's text form shows no payload bytes")
    void recordToStringHidesPayload() throws IOException {
        StoredRecord record = store.commit("pin=1234".getBytes(StandardCharsets.UTF_8), 1);

        assertFalse(record.toString().contains("1234"));
        assertTrue(record.toString().contains("8 bytes"), record.toString());
    }

    @Test
    @DisplayName("CFG-2: a stored record is immutable: changing the returned payload changes neither it nor the store")
    void recordIsImmutable() throws IOException {
        byte[] payload = Fixtures.payload(16, 1);
        StoredRecord record = store.commit(payload, 1);

        payload[0]++;
        record.payload()[1]++;

        assertTrue(store.matchesFlash(record));
        assertEquals(Fixtures.payload(16, 1)[1], record.payload()[1]);
    }
}
