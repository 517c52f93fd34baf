package io.metermodem.config.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.hal.mock.nvm.MockFlash;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retention errors (CFG-2, HAL-6): every single bit flip in a stored record is detected; the store
 * then falls back to the other slot and reports the damaged one.
 */
class BitFlipTest {

    /** With AES-GCM and without: the CRC alone must catch every single flip, the tag is a second wall. */
    static Stream<Named<AtRestCipher>> ciphers() {
        return Stream.of(Named.of("AES-256-GCM", Fixtures.cipher()), Named.of("no encryption", AtRestCipher.none()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    @DisplayName("CFG-2: any bit flip in the current record is detected and the older record in the other slot loads")
    void flipInCurrentSlotFallsBackToOlderRecord(AtRestCipher cipher) throws IOException {
        MockFlash original = Fixtures.smallFlash();
        ConfigurationStore store = new ConfigurationStore(original, cipher);
        StoredRecord older = store.commit(Fixtures.payload(300, 1), 1);  // slot A
        StoredRecord current = store.commit(Fixtures.payload(200, 2), 1); // slot B
        byte[] image = original.snapshot();
        long base = (long) store.region().firstPageOf(Slot.B) * Fixtures.PAGE_SIZE;
        int used = store.recordBytes(200);

        for (int offset = 0; offset < used; offset++) {
            for (int bit = 0; bit < 8; bit++) {
                MockFlash flash = Fixtures.flashWith(image);
                flash.flipBit(base + offset, bit);
                ConfigurationStore reopened = new ConfigurationStore(flash, cipher);
                String where = "bit " + bit + " of byte " + offset;

                assertEquals(Optional.of(older), reopened.load(), where);
                StoreHealth health = reopened.health();
                assertInstanceOf(SlotStatus.Corrupt.class, health.slotB(), where);
                assertEquals(Optional.of(Slot.A), health.current(), where);
                assertFalse(reopened.matchesFlash(current), where + ": the RAM copy no longer matches the flash");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    @DisplayName("CFG-2: any bit flip in the only record is detected and nothing loads instead of a damaged record")
    void flipInOnlyRecordLeavesNothing(AtRestCipher cipher) throws IOException {
        MockFlash original = Fixtures.smallFlash();
        ConfigurationStore store = new ConfigurationStore(original, cipher);
        store.commit(Fixtures.payload(100, 1), 1);
        byte[] image = original.snapshot();
        int used = store.recordBytes(100);

        for (int offset = 0; offset < used; offset++) {
            for (int bit = 0; bit < 8; bit++) {
                MockFlash flash = Fixtures.flashWith(image);
                flash.flipBit(offset, bit);
                ConfigurationStore reopened = new ConfigurationStore(flash, cipher);
                String where = "bit " + bit + " of byte " + offset;

                assertEquals(Optional.empty(), reopened.load(), where);
                assertInstanceOf(SlotStatus.Corrupt.class, reopened.health().slotA(), where);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    @DisplayName("CFG-2: a bit flip in the older slot never disturbs the current record")
    void flipInOlderSlotIsHarmless(AtRestCipher cipher) throws IOException {
        MockFlash original = Fixtures.smallFlash();
        ConfigurationStore store = new ConfigurationStore(original, cipher);
        store.commit(Fixtures.payload(120, 1), 1);
        StoredRecord current = store.commit(Fixtures.payload(80, 2), 1);
        byte[] image = original.snapshot();
        int used = store.recordBytes(120);

        for (int offset = 0; offset < used; offset++) {
            MockFlash flash = Fixtures.flashWith(image);
            flash.flipBit(offset, offset % 8);
            ConfigurationStore reopened = new ConfigurationStore(flash, cipher);

            assertEquals(Optional.of(current), reopened.load(), "byte " + offset);
            assertTrue(reopened.matchesFlash(current));
            assertInstanceOf(SlotStatus.Corrupt.class, reopened.health().slotA());
        }
    }

    @Test
    @DisplayName("CFG-2: after a bit flip in the current slot the next commit keeps the older copy and wins")
    void commitAfterFlipOverwritesTheDamagedSlot() throws IOException {
        MockFlash flash = Fixtures.smallFlash();
        ConfigurationStore store = new ConfigurationStore(flash, Fixtures.cipher());
        StoredRecord older = store.commit(Fixtures.payload(64, 1), 1);  // slot A
        store.commit(Fixtures.payload(64, 2), 1);                        // slot B, then damaged
        flash.flipBit((long) store.region().firstPageOf(Slot.B) * Fixtures.PAGE_SIZE + 40, 3);

        StoredRecord next = store.commit(Fixtures.payload(64, 3), 1);

        StoreHealth health = store.health();
        assertEquals(Optional.of(Slot.B), health.current(), "the damaged slot was rewritten");
        assertEquals(older.sequence(), ((SlotStatus.Valid) health.slotA()).sequence(), "the older copy was kept");
        assertEquals(Optional.of(next), store.load());
    }
}
