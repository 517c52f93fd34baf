package io.metermodem.hal.mock.nvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.nvm.NvmFailureException;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HAL-6: the mock flash is NOR flash. Any sequence of erases, writes and reads agrees with a plain
 * byte-array model (erase sets a page to 0xFF, a write ANDs its bytes in, writes may cross pages),
 * and a power cut armed after n bytes programs exactly the first n bytes of a write, for every cut
 * point and every write length.
 */
class MockFlashProperties {

    private static final int PAGE = 64;
    private static final int PAGES = 4;
    private static final int SIZE = PAGE * PAGES;

    /** One step against the flash: an erase of a page, a write of bytes at an address, or a read of a range. */
    sealed interface Step permits Erase, Write, Read {
    }

    record Erase(int page) implements Step {
    }

    record Write(int address, byte[] data) implements Step {
        @Override
        public String toString() {
            return "Write[" + address + ", " + Arrays.toString(data) + "]";
        }
    }

    record Read(int address, int length) implements Step {
    }

    /** An erase one step in five, a read one in five, a write otherwise: up to 40 steps. */
    private static List<Step> steps(Gen gen) {
        return gen.listOf(0, 40, () -> {
            int kind = gen.uniformInt(0, 4);
            if (kind == 0) {
                return new Erase(gen.uniformInt(0, PAGES - 1));
            }
            if (kind == 1) {
                int address = gen.intBetween(0, SIZE);
                return new Read(address, gen.intBetween(0, SIZE - address));
            }
            return write(gen);
        });
    }

    /** A write of 0..100 bytes (fewer near the end) at any address, crossing pages now and then. */
    private static Write write(Gen gen) {
        int address = gen.intBetween(0, SIZE - 1);
        return new Write(address, gen.bytes(0, Math.min(100, SIZE - address)));
    }

    @Property(tries = 300)
    @DisplayName("HAL-6: any sequence of erases, writes and reads matches a simple byte-array model of NOR flash")
    void matchesReferenceModel(Gen gen) throws IOException {
        List<Step> steps = steps(gen);
        MockFlash flash = new MockFlash(PAGE, PAGES);
        byte[] model = new byte[SIZE];
        Arrays.fill(model, (byte) 0xFF);
        int[] erases = new int[PAGES];
        long writes = 0;
        long programmed = 0;

        for (Step step : steps) {
            switch (step) {
                case Erase erase -> {
                    flash.erasePage(erase.page());
                    Arrays.fill(model, erase.page() * PAGE, (erase.page() + 1) * PAGE, (byte) 0xFF);
                    erases[erase.page()]++;
                }
                case Write write -> {
                    flash.write(write.address(), write.data(), 0, write.data().length);
                    for (int i = 0; i < write.data().length; i++) {
                        model[write.address() + i] &= write.data()[i];
                    }
                    writes++;
                    programmed += write.data().length;
                }
                case Read read -> {
                    byte[] got = new byte[read.length()];
                    flash.read(read.address(), got, 0, read.length());
                    assertArrayEquals(Arrays.copyOfRange(model, read.address(), read.address() + read.length()), got,
                            () -> step + " after " + steps);
                }
            }
        }

        byte[] read = new byte[SIZE];
        flash.read(0, read, 0, SIZE);
        assertArrayEquals(model, read, steps::toString);
        assertArrayEquals(model, flash.snapshot(), steps::toString);
        for (int page = 0; page < PAGES; page++) {
            assertEquals(erases[page], flash.eraseCount(page), "erases of page " + page);
        }
        assertEquals(writes, flash.statistics().writes());
        assertEquals(programmed, flash.statistics().bytesProgrammed());
    }

    /** Every cut point from "nothing programmed" to one past the longest write (the whole flash). */
    static IntStream cutPoints() {
        return IntStream.rangeClosed(0, SIZE + 1);
    }

    @ParameterizedTest(name = "power cut after {0} bytes")
    @MethodSource("cutPoints")
    @DisplayName("HAL-6: a power cut after n bytes programs exactly the first n bytes of a write, for every write length")
    void powerCutProgramsPrefix(int n) throws IOException {
        for (int len = 0; len <= SIZE; len++) {
            int length = len;
            int last = SIZE - length;
            // at the start, at an address that crosses pages differently for each case, and at the end
            for (int address : new int[] {0, (n * 37 + length * 11) % (last + 1), last}) {
                byte[] data = new byte[length];
                for (int i = 0; i < length; i++) {
                    data[i] = (byte) (i * 151 + n * 7 + length);
                }
                MockFlash flash = new MockFlash(PAGE, PAGES);
                flash.cutPowerAfterBytes(n);
                String where = length + " bytes at " + address + ", cut after " + n;
                if (n <= length) {
                    // the cut falls inside this write (n == 0: before its first byte)
                    assertThrows(NvmFailureException.class, () -> flash.write(address, data, 0, length), where);
                    assertFalse(flash.isPowered(), where);
                    assertThrows(NvmFailureException.class, () -> flash.write(0, new byte[1], 0, 1), where);
                    flash.restorePower();
                } else {
                    flash.write(address, data, 0, length);
                    assertTrue(flash.isPowered(), where);
                }
                byte[] expected = new byte[SIZE];
                Arrays.fill(expected, (byte) 0xFF);
                System.arraycopy(data, 0, expected, address, Math.min(n, length));
                assertArrayEquals(expected, flash.snapshot(), where);
                assertEquals(Math.min(n, length), flash.statistics().bytesProgrammed(), where);
            }
        }
    }

    @Property(tries = 200)
    @DisplayName("HAL-6: a power cut during a write over used flash leaves old AND new in the cut prefix and the old bytes after it")
    void powerCutOverUsedFlash(Gen gen) throws IOException {
        byte[] image = gen.bytes(SIZE, SIZE);
        Write write = write(gen);
        int n = gen.intBetween(0, 120);
        MockFlash flash = new MockFlash(PAGE, PAGES);
        flash.loadFrom(image);
        flash.cutPowerAfterBytes(n);
        int length = write.data().length;
        boolean cut;
        try {
            flash.write(write.address(), write.data(), 0, length);
            cut = false;
        } catch (NvmFailureException e) {
            cut = true;
            flash.restorePower();
        }
        assertEquals(n <= length, cut, () -> write + " with a cut after " + n);
        byte[] expected = image.clone();
        for (int i = 0; i < Math.min(n, length); i++) {
            expected[write.address() + i] &= write.data()[i];
        }
        assertArrayEquals(expected, flash.snapshot(), () -> write + " with a cut after " + n);
    }
}
