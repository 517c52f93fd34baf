package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the interpreter as a whole (AT-1..AT-24) with what a serial console or a remote TCP peer may
 * send, in virtual time on the mock board: an LF in the input is a one-second pause (see
 * {@link InterpreterRun}), so inputs can dial, wait for {@code CONNECT}, keep the guard time around
 * {@code +++} or sit out an {@code AT+R} power cycle. Each input runs three times: on the local
 * interface fed in runs, on the local interface fed one byte per call, on the remote interface.
 *
 * <p>Every run: no command throws (a swallowed exception is reported and fails the run), the output
 * is only V.250 result codes, information text and echo of the input, and no secret of the
 * configuration is shown; the answers stay bounded; the state stays consistent and the flash holds the
 * configuration in force; then a plain {@code AT} still answers {@code OK} as the profile asks. The
 * two local runs answer byte for byte the same and end in the same state.
 */
class AtInterpreterFuzzTest {

    /** Longer inputs are cut: beyond this the fuzzer learns nothing new, only slower. */
    private static final int MAX_INPUT = 4_096;

    @FuzzTest
    void session(byte[] data) {
        byte[] input = data.length <= MAX_INPUT ? data : java.util.Arrays.copyOf(data, MAX_INPUT);
        try (InterpreterRun runs = new InterpreterRun(AtInterface.LOCAL);
             InterpreterRun single = new InterpreterRun(AtInterface.LOCAL);
             InterpreterRun remote = new InterpreterRun(AtInterface.REMOTE)) {
            runs.feed(input, run -> List.of(run));
            single.feed(input, AtInterpreterFuzzTest::bytewise);
            remote.feed(input, run -> List.of(run));
            assertArrayEquals(runs.output(), single.output(), "the split of the input changes nothing");
            assertEquals(runs.state(), single.state());
            for (InterpreterRun run : List.of(runs, remote)) {
                int pauses = (int) java.util.stream.IntStream.range(0, input.length).filter(k -> input[k] == '\n').count();
                long produced = run.output().length;
                // Echo and rub-out per byte, one line's answers per two bytes, an AT+S line per pause.
                assertTrue(produced <= 3L * input.length + 400L * (1 + input.length / 2) + 40L * pauses,
                        "output " + produced);
                run.assertAnswersWellFormed();
                run.assertConsistent();
                run.assertPlainAtAnswersOk();
                run.assertAnswersWellFormed();
            }
        }
    }

    private static List<byte[]> bytewise(byte[] run) {
        List<byte[]> pieces = new ArrayList<>(run.length);
        for (byte b : run) {
            pieces.add(new byte[] {b});
        }
        return pieces;
    }
}
