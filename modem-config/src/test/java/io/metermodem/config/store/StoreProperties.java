package io.metermodem.config.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.hal.nvm.NvmFailureException;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The A/B store against a model of what it may legitimately return (CFG-2, HAL-6), on a flash of small
 * pages so that records span up to eight of them.
 *
 * <p>Seeded histories of commits, power cuts in the middle of a write or of an erase, bit flips and
 * restarts run against a model that keeps the set of payloads a load may yield: after a successful
 * commit exactly that record; a commit cut by a power failure adds its payload to the previous
 * possibilities; a bit flip opens the door to anything ever committed or nothing (a flip may kill
 * the current slot and expose the older one). Observing a load pins the state down again, since
 * loading does not change the flash.
 *
 * <p>The small domains of this geometry are run exhaustively: a power cut after every byte a commit
 * programs, a power cut at every byte of every erase a commit performs, and every single bit flip
 * anywhere in either slot, each with the exact outcome it must have.
 */
class StoreProperties {

    /** Small pages, so records span several of them: slots of 8 x 64 = 512 bytes. */
    private static final int PAGE_SIZE = 64;
    private static final int PAGE_COUNT = 16;
    private static final int SLOT_BYTES = PAGE_SIZE * PAGE_COUNT / 2;
    private static final int MAX_PAYLOAD = SLOT_BYTES - 56;
    private static final AtRestCipher CIPHER = Fixtures.cipher();
    private static final String NOTHING = "<nothing>";

    private static final int OLDER_SIZE = 300;
    private static final int CURRENT_SIZE = 200;

    // ---------------------------------------------------------------- model-based histories

    /** One thing that happens to the modem. */
    sealed interface Step permits Commit, CutCommit, CutErase, Flip, Restart {
    }

    /** A commit that completes. */
    record Commit(int size) implements Step {
    }

    /** A commit during which power fails after {@code bytes} programmed bytes (maybe after its end). */
    record CutCommit(int size, int bytes) implements Step {
    }

    /** A commit during whose {@code erase}-th erase power fails (maybe after its last erase). */
    record CutErase(int size, int erase, int bytesErased) implements Step {
    }

    /** A retention error anywhere in the flash. */
    record Flip(int address, int bit) implements Step {
    }

    /** Power cycle: a new store on the same flash loads the configuration. */
    record Restart() implements Step {
    }

    @Property(tries = 300)
    @DisplayName("CFG-2: the store never yields a payload that was never committed, and after a successful commit"
            + " with no later damage exactly it")
    void neverYieldsAnythingButACommittedPayload(Gen gen) throws IOException {
        List<Step> history = gen.listOf(1, 40, () -> step(gen));
        MockFlash flash = new MockFlash(PAGE_SIZE, PAGE_COUNT);
        ConfigurationStore store = new ConfigurationStore(flash, CIPHER);
        Set<String> everCommitted = new HashSet<>(Set.of(NOTHING));
        Set<String> possible = new HashSet<>(Set.of(NOTHING));
        StoredRecord exact = null; // known exactly after a successful commit and before any damage
        int tag = 0;

        for (Step step : history) {
            switch (step) {
                case Commit c -> {
                    byte[] payload = Fixtures.payload(c.size(), ++tag);
                    exact = store.commit(payload, tag);
                    everCommitted.add(hex(payload));
                    possible = new HashSet<>(Set.of(hex(payload)));
                }
                case CutCommit c -> {
                    byte[] payload = Fixtures.payload(c.size(), ++tag);
                    everCommitted.add(hex(payload));
                    flash.cutPowerAfterBytes(c.bytes());
                    exact = attempt(store, payload, tag);
                    flash.restorePower();
                    possible = exact != null ? new HashSet<>(Set.of(hex(payload))) : with(possible, hex(payload));
                }
                case CutErase c -> {
                    byte[] payload = Fixtures.payload(c.size(), ++tag);
                    everCommitted.add(hex(payload));
                    flash.cutPowerDuringErase(c.erase(), c.bytesErased());
                    exact = attempt(store, payload, tag);
                    flash.cancelEraseCut();
                    flash.restorePower();
                    possible = exact != null ? new HashSet<>(Set.of(hex(payload))) : with(possible, hex(payload));
                }
                case Flip f -> {
                    flash.flipBit(f.address(), f.bit());
                    exact = null;
                    possible = new HashSet<>(everCommitted);
                }
                case Restart r -> {
                    store = new ConfigurationStore(flash, CIPHER);
                    Optional<StoredRecord> loaded = store.load();
                    String seen = loaded.map(rec -> hex(rec.payload())).orElse(NOTHING);
                    assertTrue(everCommitted.contains(seen), "loaded a payload that was never committed");
                    assertTrue(possible.contains(seen), "loaded " + abbreviate(seen) + ", possible were "
                            + possible.stream().map(StoreProperties::abbreviate).toList());
                    if (exact != null) {
                        assertEquals(Optional.of(exact), loaded, "after a successful commit exactly it must load");
                        assertTrue(store.matchesFlash(exact), "the RAM copy of the last commit matches the flash");
                    }
                    assertEquals(loaded.isPresent(), store.health().current().isPresent(),
                            "health names a current slot exactly when a record loads");
                    // Loading changes nothing: from now on this is the only answer until the flash changes.
                    possible = new HashSet<>(Set.of(seen));
                    exact = loaded.orElse(null);
                }
            }
        }
        // Whatever happened, the modem can always store a configuration again and read it back.
        byte[] last = Fixtures.payload(MAX_PAYLOAD / 3, ++tag);
        StoredRecord committed = store.commit(last, 1);
        assertEquals(Optional.of(committed), new ConfigurationStore(flash, CIPHER).load());
    }

    /** Steps in the proportions 4 commits : 4 cut commits : 2 cut erases : 2 flips : 4 restarts. */
    private static Step step(Gen gen) {
        int pick = gen.uniformInt(0, 15);
        if (pick < 4) {
            return new Commit(size(gen));
        }
        if (pick < 8) {
            return new CutCommit(size(gen), gen.intBetween(0, MAX_PAYLOAD + 60));
        }
        if (pick < 10) {
            return new CutErase(size(gen), gen.intBetween(0, 8), gen.intBetween(0, PAGE_SIZE - 1));
        }
        if (pick < 12) {
            return new Flip(gen.intBetween(0, PAGE_SIZE * PAGE_COUNT - 1), gen.intBetween(0, 7));
        }
        return new Restart();
    }

    /** A payload size: half the time an edge (empty, one byte, the largest), else any. */
    private static int size(Gen gen) {
        return gen.bool() ? gen.oneOf(0, 1, MAX_PAYLOAD) : gen.uniformInt(0, MAX_PAYLOAD);
    }

    @Property(tries = 200)
    @DisplayName("CFG-2: a commit that power failure interrupts fails with an NvmFailureException, never silently,"
            + " and leaves the old or the new record")
    void interruptedCommitFailsLoudly(Gen gen) throws IOException {
        int size = size(gen);
        MockFlash flash = new MockFlash(PAGE_SIZE, PAGE_COUNT);
        ConfigurationStore store = new ConfigurationStore(flash, CIPHER);
        StoredRecord old = store.commit(Fixtures.payload(40, 1), 1);
        int total = store.recordBytes(size);
        flash.cutPowerAfterBytes(gen.intBetween(1, total - 1)); // always before the last byte

        assertThrows(NvmFailureException.class, () -> store.commit(Fixtures.payload(size, 2), 1));

        flash.restorePower();
        Optional<StoredRecord> loaded = new ConfigurationStore(flash, CIPHER).load();
        assertTrue(loaded.equals(Optional.of(old))
                || loaded.map(r -> r.sequence() == old.sequence() + 1).orElse(false), "got " + loaded);
    }

    // ---------------------------------------------------------------- exhaustive: power cuts

    /** Payload sizes of one page, of several, and of a full slot. */
    private static final int[] CUT_SIZES = {0, 1, MAX_PAYLOAD / 2, MAX_PAYLOAD};

    static Stream<Arguments> everyCutByte() {
        return IntStream.of(CUT_SIZES).boxed().flatMap(size -> {
            int total = size + 56;
            return IntStream.rangeClosed(0, total + 1).mapToObj(n -> Arguments.of(size, n, total));
        });
    }

    @ParameterizedTest(name = "payload {0}, cut after {1} of {2} bytes")
    @MethodSource("everyCutByte")
    @DisplayName("CFG-2: a power cut after any byte a commit programs fails the commit exactly when it falls within"
            + " the record, and leaves the old record or the whole new one")
    void powerCutAfterEveryByte(int size, int n, int total) throws IOException {
        MockFlash flash = Base.INSTANCE.flash();
        byte[] fresh = Fixtures.payload(size, 3);
        flash.cutPowerAfterBytes(n);

        boolean failed = attempt(new ConfigurationStore(flash, CIPHER), fresh, 1) == null;

        assertEquals(n <= total, failed, "the commit must fail exactly when power is cut within its bytes");
        flash.restorePower();
        Optional<StoredRecord> loaded = new ConfigurationStore(flash, CIPHER).load();
        if (n >= total) {
            assertArrayEquals(fresh, loaded.orElseThrow().payload(), "every byte was programmed: the new record");
            assertEquals(3, loaded.get().sequence());
        } else if (!loaded.equals(Optional.of(Base.INSTANCE.current()))) {
            // Only when the unwritten tail of the record happens to be erased bytes (0xFF) already.
            assertArrayEquals(fresh, loaded.orElseThrow().payload(), "a torn commit leaves the old record");
        }
        assertSlotUntouched(flash, Slot.B, "the current record's slot is never written");
        assertRecovers(flash);
    }

    static Stream<Arguments> everyEraseCut() {
        List<Arguments> cases = new ArrayList<>();
        for (int size : new int[] {0, MAX_PAYLOAD / 2, MAX_PAYLOAD}) {
            int erases = (size + 56 + PAGE_SIZE - 1) / PAGE_SIZE;
            for (int erase = 0; erase < erases; erase++) {
                for (int bytes = 0; bytes < PAGE_SIZE; bytes++) {
                    cases.add(Arguments.of(size, erase, bytes));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "payload {0}, erase {1} cut after {2} bytes")
    @MethodSource("everyEraseCut")
    @DisplayName("CFG-2: a power cut at any byte of any erase of a commit fails it and leaves exactly the old record")
    void powerCutDuringEveryEraseAtEveryByte(int size, int erase, int bytesErased) throws IOException {
        MockFlash flash = Base.INSTANCE.flash();
        flash.cutPowerDuringErase(erase, bytesErased);

        assertThrows(NvmFailureException.class,
                () -> new ConfigurationStore(flash, CIPHER).commit(Fixtures.payload(size, 3), 1));

        flash.restorePower();
        ConfigurationStore reopened = new ConfigurationStore(flash, CIPHER);
        assertEquals(Optional.of(Base.INSTANCE.current()), reopened.load());
        assertTrue(reopened.matchesFlash(Base.INSTANCE.current()));
        assertSlotUntouched(flash, Slot.B, "the current record's slot is never erased");
        // Erasing starts at the slot's first page, so the older record there dies with its first erased
        // byte; once its whole header is erased the slot reads as empty.
        SlotStatus slotA = reopened.health().slotA();
        if (erase == 0 && bytesErased == 0) {
            assertEquals(Base.INSTANCE.older(), slotA, "nothing was erased yet");
        } else if (erase > 0 || bytesErased >= RecordCodec.HEADER_BYTES) {
            assertInstanceOf(SlotStatus.Empty.class, slotA);
        } else {
            assertInstanceOf(SlotStatus.Corrupt.class, slotA);
        }
        assertRecovers(flash);
    }

    // ---------------------------------------------------------------- exhaustive: bit flips

    static Stream<Arguments> everyByteOfBothSlots() {
        return Stream.of(Slot.values()).flatMap(slot ->
                IntStream.range(0, SLOT_BYTES).mapToObj(offset -> Arguments.of(slot, offset)));
    }

    @ParameterizedTest(name = "slot {0}, byte {1}")
    @MethodSource("everyByteOfBothSlots")
    @DisplayName("CFG-2: every single bit flip anywhere in either slot has its exact outcome: a flip in a record"
            + " makes it corrupt and the other record loads, a flip beyond the records changes nothing")
    void everyBitFlipOfBothSlots(Slot slot, int offset) throws IOException {
        int used = slot == Slot.A ? Base.INSTANCE.older().recordBytes() : Base.INSTANCE.currentStatus().recordBytes();
        for (int bit = 0; bit < 8; bit++) {
            MockFlash flash = Base.INSTANCE.flash();
            flash.flipBit((long) slot.ordinal() * SLOT_BYTES + offset, bit);
            ConfigurationStore store = new ConfigurationStore(flash, CIPHER);
            String where = "bit " + bit + " of byte " + offset + " of slot " + slot;

            StoreHealth health = store.health();
            Optional<StoredRecord> loaded = store.load();

            if (offset >= used) {
                assertEquals(Optional.of(Base.INSTANCE.current()), loaded, where + " lies beyond the record: no effect");
                assertTrue(health.bothValid(), where);
            } else if (slot == Slot.B) {
                assertEquals(Optional.of(Base.INSTANCE.olderRecord()), loaded, where + ": the older copy must load");
                assertInstanceOf(SlotStatus.Corrupt.class, health.slotB(), where);
                assertEquals(Optional.of(Slot.A), health.current(), where);
                assertFalse(store.matchesFlash(Base.INSTANCE.current()), where + ": the RAM copy no longer matches");
            } else {
                assertEquals(Optional.of(Base.INSTANCE.current()), loaded, where + ": the current record is untouched");
                assertInstanceOf(SlotStatus.Corrupt.class, health.slotA(), where);
                assertTrue(store.matchesFlash(Base.INSTANCE.current()), where);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The flash the exhaustive tests start from: an older record in slot A, the current one in slot B.
     * Made on first use, so that the model-based properties do not depend on it.
     */
    private record Base(byte[] image, StoredRecord olderRecord, SlotStatus.Valid older, StoredRecord current,
                        SlotStatus.Valid currentStatus) {

        static final Base INSTANCE = base();

        /** @return a new flash holding the image, as after a power cycle */
        MockFlash flash() {
            MockFlash flash = new MockFlash(PAGE_SIZE, PAGE_COUNT);
            flash.loadFrom(image);
            return flash;
        }
    }

    private static Base base() {
        try {
            MockFlash flash = new MockFlash(PAGE_SIZE, PAGE_COUNT);
            ConfigurationStore store = new ConfigurationStore(flash, CIPHER);
            StoredRecord older = store.commit(Fixtures.payload(OLDER_SIZE, 1), 1); // slot A, sequence 1
            StoredRecord current = store.commit(Fixtures.payload(CURRENT_SIZE, 2), 1); // slot B, sequence 2
            StoreHealth health = store.health();
            return new Base(flash.snapshot(), older, (SlotStatus.Valid) health.slotA(), current,
                    (SlotStatus.Valid) health.slotB());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSlotUntouched(MockFlash flash, Slot slot, String why) {
        int from = slot.ordinal() * SLOT_BYTES;
        byte[] now = flash.snapshot();
        for (int i = from; i < from + SLOT_BYTES; i++) {
            assertEquals(Base.INSTANCE.image()[i], now[i], why + ": byte " + (i - from) + " of slot " + slot);
        }
    }

    /** After the cut the device keeps working: a new commit succeeds and is what loads. */
    private static void assertRecovers(MockFlash flash) throws IOException {
        StoredRecord committed = new ConfigurationStore(flash, CIPHER).commit(Fixtures.payload(50, 4), 2);
        assertEquals(Optional.of(committed), new ConfigurationStore(flash, CIPHER).load(), "recovery after the cut");
    }

    /** Commits; on a power cut returns {@code null}, the outcome is then the old or the new record. */
    private static StoredRecord attempt(ConfigurationStore store, byte[] payload, int formatVersion) throws IOException {
        try {
            return store.commit(payload, formatVersion);
        } catch (NvmFailureException e) {
            return null;
        }
    }

    private static Set<String> with(Set<String> set, String element) {
        Set<String> copy = new HashSet<>(set);
        copy.add(element);
        return copy;
    }

    private static String hex(byte[] payload) {
        return HexFormat.of().formatHex(payload);
    }

    private static String abbreviate(String hex) {
        return hex.length() <= 16 ? hex : hex.substring(0, 16) + "..(" + hex.length() / 2 + " bytes)";
    }
}
