package io.metermodem.config.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.hal.nvm.NvmFailureException;
import java.io.IOException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random histories of commits, power cuts, bit flips and restarts against a model of what the store
 * may legitimately return (CFG-2, HAL-6).
 *
 * <p>The model keeps the set of payloads a load may yield: after a successful commit exactly that
 * record; a commit cut by a power failure adds its payload to the previous possibilities; a bit flip
 * opens the door to anything ever committed or nothing (a flip may kill the current slot and expose
 * the older one). Observing a load pins the state down again, since loading does not change flash.
 */
class StoreProperties {

    /** Small pages, so records span several of them: slots of 8 x 64 = 512 bytes. */
    private static final int PAGE_SIZE = 64;
    private static final int PAGE_COUNT = 16;
    private static final int MAX_PAYLOAD = PAGE_SIZE * PAGE_COUNT / 2 - 56;
    private static final AtRestCipher CIPHER = Fixtures.cipher();
    private static final String NOTHING = "<nothing>";

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
    @Label("CFG-2: the store never yields a payload that was never committed, and after a successful commit with no later damage exactly it")
    void neverYieldsAnythingButACommittedPayload(@ForAll("histories") List<Step> history) throws IOException {
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
                    }
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

    @Property(tries = 200)
    @Label("CFG-2: a commit that power failure interrupts fails with an NvmFailureException, never silently")
    void interruptedCommitFailsLoudly(@ForAll("sizes") int size, @ForAll("permille") int permille)
            throws IOException {
        MockFlash flash = new MockFlash(PAGE_SIZE, PAGE_COUNT);
        ConfigurationStore store = new ConfigurationStore(flash, CIPHER);
        StoredRecord old = store.commit(Fixtures.payload(40, 1), 1);
        int total = store.recordBytes(size);
        flash.cutPowerAfterBytes(Math.max(1, (long) permille * total / 1000)); // always before the last byte

        assertThrows(NvmFailureException.class, () -> store.commit(Fixtures.payload(size, 2), 1));

        flash.restorePower();
        Optional<StoredRecord> loaded = new ConfigurationStore(flash, CIPHER).load();
        assertTrue(loaded.equals(Optional.of(old))
                || loaded.map(r -> r.sequence() == old.sequence() + 1).orElse(false), "got " + loaded);
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Integer> size = sizes();
        Arbitrary<Step> commit = size.map(Commit::new);
        Arbitrary<Step> cut = Combinators.combine(size, Arbitraries.integers().between(0, MAX_PAYLOAD + 60))
                .as(CutCommit::new);
        Arbitrary<Step> cutErase = Combinators.combine(size, Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(0, PAGE_SIZE - 1)).as(CutErase::new);
        Arbitrary<Step> flip = Combinators.combine(Arbitraries.integers().between(0, PAGE_SIZE * PAGE_COUNT - 1),
                Arbitraries.integers().between(0, 7)).as(Flip::new);
        Arbitrary<Step> restart = Arbitraries.just(new Restart());
        return Arbitraries.frequencyOf(
                        Tuple.of(4, commit),
                        Tuple.of(4, cut),
                        Tuple.of(2, cutErase),
                        Tuple.of(2, flip),
                        Tuple.of(4, restart))
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, MAX_PAYLOAD), Arbitraries.integers().between(0, MAX_PAYLOAD));
    }

    @Provide
    Arbitrary<Integer> permille() {
        return Arbitraries.integers().between(0, 999);
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
