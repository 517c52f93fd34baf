package io.metermodem.config.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.hal.nvm.NvmFailureException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exhaustive power cuts (CFG-2, HAL-6): a commit is interrupted after every single byte it
 * programs and during every erase it performs; after power returns a new store on the same flash
 * must load exactly the previous record or exactly the new one, and accept a further commit.
 */
class PowerCutTest {

    private static final AtRestCipher CIPHER = Fixtures.cipher();
    /** Largest payload of the test geometry: slot of 8 x 256 bytes less 56 bytes of framing. */
    private static final int MAX = Fixtures.PAGE_SIZE * Fixtures.PAGE_COUNT / 2 - 56;

    @ParameterizedTest(name = "payload of {0} bytes")
    @ValueSource(ints = {0, 1, 100, 1000, MAX - 1, MAX})
    @DisplayName("CFG-2: a power cut after any byte of a commit leaves exactly the old or exactly the new record")
    void cutAfterEveryByteOverAnOldRecord(int size) throws IOException {
        byte[] older = Fixtures.payload(1500, 1);
        byte[] old = Fixtures.payload(700, 2);
        byte[] image = imageWith(older, old); // `older` sits in the slot the next commit overwrites
        byte[] fresh = Fixtures.payload(size, 3);
        int total = new ConfigurationStore(Fixtures.smallFlash(), CIPHER).recordBytes(size);

        int newAfterCut = 0;
        for (int n = 1; n <= total + 2; n++) {
            MockFlash flash = Fixtures.flashWith(image);
            flash.cutPowerAfterBytes(n);
            boolean failed = commitFails(new ConfigurationStore(flash, CIPHER), fresh);
            assertEquals(n <= total, failed, "commit must fail exactly when power is cut within its " + total + " bytes");
            flash.restorePower();

            byte[] loaded = loadPayload(flash, "cut after " + n + " of " + total + " bytes");
            if (n >= total) {
                assertArrayEquals(fresh, loaded, "every byte was programmed: the new record must load (n=" + n + ")");
            } else if (Arrays.equals(fresh, loaded)) {
                newAfterCut++; // only possible when the unwritten tail of the record happens to be 0xFF
            } else {
                assertArrayEquals(old, loaded, "a torn commit must leave the old record (n=" + n + ")");
            }
            assertRecovers(flash, n);
        }
        assertTrue(newAfterCut <= 3, newAfterCut + " torn records were taken for complete ones");
    }

    @ParameterizedTest(name = "payload of {0} bytes")
    @ValueSource(ints = {0, 1, 100, 1000, MAX})
    @DisplayName("CFG-2: a power cut during any erase of a commit leaves exactly the old record")
    void cutDuringEveryErase(int size) throws IOException {
        byte[] old = Fixtures.payload(700, 2);
        byte[] image = imageWith(Fixtures.payload(1500, 1), old);
        byte[] fresh = Fixtures.payload(size, 3);
        int erases = countErases(image, fresh);
        assertEquals(ceilPages(new ConfigurationStore(Fixtures.smallFlash(), CIPHER).recordBytes(size)), erases);

        for (int erase = 0; erase < erases; erase++) {
            for (int bytesErased : new int[] {0, 1, Fixtures.PAGE_SIZE / 2, Fixtures.PAGE_SIZE - 1}) {
                MockFlash flash = Fixtures.flashWith(image);
                flash.cutPowerDuringErase(erase, bytesErased);
                ConfigurationStore store = new ConfigurationStore(flash, CIPHER);
                assertThrows(NvmFailureException.class, () -> store.commit(fresh, 1));
                flash.restorePower();

                assertArrayEquals(old, loadPayload(flash, "cut in erase " + erase + " after " + bytesErased + " bytes"));
                assertRecovers(flash, erase);
            }
        }
    }

    @ParameterizedTest(name = "payload of {0} bytes")
    @ValueSource(ints = {0, 1, 100, 1000, MAX})
    @DisplayName("CFG-2: on a fresh device a power cut at any byte of the first commit leaves nothing or the new record")
    void cutAfterEveryByteOfTheFirstCommit(int size) throws IOException {
        byte[] fresh = Fixtures.payload(size, 3);
        int total = new ConfigurationStore(Fixtures.smallFlash(), CIPHER).recordBytes(size);

        for (int n = 0; n <= total + 1; n++) {
            MockFlash flash = Fixtures.smallFlash();
            flash.cutPowerAfterBytes(n);
            assertEquals(n <= total, commitFails(new ConfigurationStore(flash, CIPHER), fresh));
            flash.restorePower();

            Optional<StoredRecord> loaded = new ConfigurationStore(flash, CIPHER).load();
            if (n >= total) {
                assertArrayEquals(fresh, loaded.orElseThrow().payload(), "n=" + n);
            } else {
                loaded.ifPresent(r -> assertArrayEquals(fresh, r.payload(), "a torn first record must not load as"
                        + " anything else"));
            }
        }
    }

    /** A flash whose slot A holds {@code older} (sequence 1) and slot B {@code old} (sequence 2). */
    private static byte[] imageWith(byte[] older, byte[] old) throws IOException {
        MockFlash flash = Fixtures.smallFlash();
        ConfigurationStore store = new ConfigurationStore(flash, CIPHER);
        store.commit(older, 1);
        store.commit(old, 1);
        return flash.snapshot();
    }

    private static boolean commitFails(ConfigurationStore store, byte[] payload) throws IOException {
        try {
            store.commit(payload, 1);
            return false;
        } catch (NvmFailureException e) {
            return true;
        }
    }

    private static byte[] loadPayload(MockFlash flash, String situation) throws IOException {
        return new ConfigurationStore(flash, CIPHER).load()
                .orElseGet(() -> fail(situation + ": no record loads, the old one was lost"))
                .payload();
    }

    /** After the cut the device keeps working: a new commit succeeds and is what loads. */
    private static void assertRecovers(MockFlash flash, int n) throws IOException {
        byte[] next = Fixtures.payload(50, 4);
        StoredRecord committed = new ConfigurationStore(flash, CIPHER).commit(next, 2);
        assertEquals(Optional.of(committed), new ConfigurationStore(flash, CIPHER).load(), "recovery after cut " + n);
    }

    private static int countErases(byte[] image, byte[] payload) throws IOException {
        MockFlash counting = Fixtures.flashWith(image);
        long before = counting.statistics().erases();
        new ConfigurationStore(counting, CIPHER).commit(payload, 1);
        return (int) (counting.statistics().erases() - before);
    }

    private static int ceilPages(int bytes) {
        return (bytes + Fixtures.PAGE_SIZE - 1) / Fixtures.PAGE_SIZE;
    }
}
