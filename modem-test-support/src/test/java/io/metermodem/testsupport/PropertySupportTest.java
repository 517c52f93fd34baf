package io.metermodem.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seeded property support: repeatable cases, edges reached, failures that name their seed. */
class PropertySupportTest {

    private static final List<Long> SEEN = new ArrayList<>();

    @Test
    void sameSeedSameCase() {
        Gen a = new Gen(42);
        Gen b = new Gen(42);
        assertArrayEquals(a.bytes(0, 100), b.bytes(0, 100));
        assertEquals(a.printable(0, 50), b.printable(0, 50));
        assertEquals(a.intBetween(-5, 5), b.intBetween(-5, 5));
        assertNotEquals(new Gen(1).uniformLong(0, Long.MAX_VALUE), new Gen(2).uniformLong(0, Long.MAX_VALUE));
    }

    @Test
    void rangesHoldAndEdgesAreReached() {
        Gen gen = new Gen(7);
        Set<Integer> values = new HashSet<>();
        Set<Integer> sizes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            int value = gen.intBetween(-3, 1000);
            assertTrue(value >= -3 && value <= 1000, "out of range: " + value);
            values.add(value);
            int size = gen.bytes(2, 9).length;
            assertTrue(size >= 2 && size <= 9, "size out of range: " + size);
            sizes.add(size);
            long full = gen.longBetween(Long.MIN_VALUE, Long.MAX_VALUE);
            long top = gen.uniformLong(Long.MAX_VALUE - 2, Long.MAX_VALUE);
            assertTrue(top >= Long.MAX_VALUE - 2, "below range: " + top + " " + full);
        }
        assertTrue(values.containsAll(List.of(-3, -2, 0, 999, 1000)), "edges drawn: " + values.size());
        assertEquals(Set.of(2, 3, 4, 5, 6, 7, 8, 9), sizes);
        assertThrows(IllegalArgumentException.class, () -> gen.intBetween(2, 1));
    }

    @Test
    void chunksRebuildTheInput() {
        for (long seed = 0; seed < 200; seed++) {
            Gen gen = new Gen(seed);
            byte[] data = gen.bytes(0, 300);
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (byte[] piece : gen.chunks(data)) {
                assertTrue(piece.length > 0, "empty piece, seed " + seed);
                joined.writeBytes(piece);
            }
            assertArrayEquals(data, joined.toByteArray(), "seed " + seed);
        }
    }

    @Property(tries = 17)
    void runsOncePerSeed(Gen gen) {
        SEEN.add(gen.seed());
        assertTrue(SEEN.size() <= 17, "more cases than tries");
        assertEquals(SEEN.size(), new HashSet<>(SEEN).size(), "a seed ran twice");
    }

    @Test
    void reporterNamesTheSeed() throws Throwable {
        SeedReporter reporter = new SeedReporter();
        Gen gen = new Gen(-123456789L);
        AssertionError error = assertThrows(AssertionError.class, () -> reporter.interceptTestTemplateMethod(
                () -> {
                    throw new IllegalStateException("boom");
                },
                new FakeInvocationContext(gen), null));
        assertTrue(error.getMessage().startsWith("property failed for seed -123456789 (replay: "
                + "-Dproperty.seed=-123456789 -Dtest=PropertySupportTest#reporterNamesTheSeed)"), error.getMessage());
        assertTrue(error.getCause() instanceof IllegalStateException);
    }
}
