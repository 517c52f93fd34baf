package io.metermodem.hal.mock.nvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.metermodem.hal.nvm.NvmFailureException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class MockFlashProperties {

    private static final int PAGE = 64;
    private static final int PAGES = 4;
    private static final int SIZE = PAGE * PAGES;

    /** One step against the flash: an erase of a page, or a write of some bytes at an address. */
    record Step(boolean erase, int page, int address, byte[] data) {
        @Override
        public String toString() {
            return erase ? "erase(" + page + ")" : "write(" + address + ", " + Arrays.toString(data) + ")";
        }
    }

    @Property(tries = 300)
    @Label("HAL-6: any sequence of erases and writes matches a simple byte-array model of NOR flash")
    void matchesReferenceModel(@ForAll("steps") List<Step> steps) throws IOException {
        MockFlash flash = new MockFlash(PAGE, PAGES);
        byte[] model = new byte[SIZE];
        Arrays.fill(model, (byte) 0xFF);

        for (Step step : steps) {
            if (step.erase()) {
                flash.erasePage(step.page());
                Arrays.fill(model, step.page() * PAGE, (step.page() + 1) * PAGE, (byte) 0xFF);
            } else {
                flash.write(step.address(), step.data(), 0, step.data().length);
                for (int i = 0; i < step.data().length; i++) {
                    model[step.address() + i] &= step.data()[i];
                }
            }
        }

        byte[] read = new byte[SIZE];
        flash.read(0, read, 0, SIZE);
        assertArrayEquals(model, read);
        assertArrayEquals(model, flash.snapshot());
    }

    @Property(tries = 200)
    @Label("HAL-6: a power cut after n bytes programs exactly the first n bytes of a write")
    void powerCutProgramsPrefix(@ForAll("writes") Step write, @ForAll("cuts") int n) throws IOException {
        MockFlash flash = new MockFlash(PAGE, PAGES);
        int length = write.data().length;
        flash.cutPowerAfterBytes(n);
        try {
            flash.write(write.address(), write.data(), 0, length);
        } catch (NvmFailureException expected) {
            flash.restorePower();
        }
        byte[] expected = new byte[SIZE];
        Arrays.fill(expected, (byte) 0xFF);
        System.arraycopy(write.data(), 0, expected, write.address(), Math.min(n, length));
        assertArrayEquals(expected, flash.snapshot());
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> erase = Arbitraries.integers().between(0, PAGES - 1).map(p -> new Step(true, p, 0, null));
        return Arbitraries.frequencyOf(
                        Tuple.of(1, erase),
                        Tuple.of(3, writes()))
                .list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<Step> writes() {
        return Arbitraries.integers().between(0, SIZE - 1).flatMap(address ->
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(Math.min(100, SIZE - address))
                        .map(data -> new Step(false, 0, address, data)));
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 120);
    }
}
