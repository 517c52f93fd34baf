package io.metermodem.transparent.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Fuzzing of the AMM/EI login reply judge (TR-8): the input is what the EI server sends after the
 * modem's login frame, the only bytes of that exchange the modem parses before it hands the channel
 * to the bridge. For the default protocol and a custom one, given the bytes as the client buffers
 * them (at most {@link LineLoginProtocol#MAX_LINE}):
 * <ul>
 *   <li>an acceptance consumes exactly the first line, LF included, and that line (without a CR
 *       before the LF) matches the pattern in full; anything after it is left for the bridge;</li>
 *   <li>a refusal comes from a first line that does not match, or from {@code MAX_LINE} bytes without
 *       LF, and its reason is printable ASCII only (it goes to logs, so server bytes cannot forge
 *       log lines or terminal escapes);</li>
 *   <li>"incomplete" means no LF yet and fewer than {@code MAX_LINE} bytes;</li>
 *   <li>the judge reads only the first {@code length} bytes of the buffer, and a verdict once given
 *       stays the same as more bytes arrive.</li>
 * </ul>
 * The committed inputs in {@code LineLoginProtocolFuzzTestInputs/serverReply/} are replayed by every
 * build.
 */
class LineLoginProtocolFuzzTest {

    private static final List<LineLoginProtocol> PROTOCOLS = List.of(LineLoginProtocol.DEFAULT,
            new LineLoginProtocol("AUTH {imsi};{password}\n", "ACK( .*)?"));

    @FuzzTest
    void serverReply(byte[] input) {
        for (LineLoginProtocol protocol : PROTOCOLS) {
            int length = Math.min(input.length, protocol.maxReplyLength());
            LoginReply verdict = protocol.judge(input, length);
            assertContract(protocol, input, length, verdict);
            // Bytes beyond the length are the buffer's leftovers: they must not count.
            assertEquals(verdict, protocol.judge(Arrays.copyOf(input, length), length), "read beyond the length");
            // As the client calls it: once per arrival, on a growing buffer.
            LoginReply first = null;
            int firstAt = -1;
            for (int k : prefixLengths(input, length)) {
                LoginReply partial = protocol.judge(input, k);
                if (first == null && !(partial instanceof LoginReply.Incomplete)) {
                    first = partial;
                    firstAt = k;
                }
                if (first != null) {
                    assertEquals(first, partial, "the verdict reached at " + firstAt + " bytes changed at " + k);
                }
            }
        }
    }

    /**
     * The buffer lengths to judge, ascending: every one up to 64, and around the first LF and the
     * end (judging all 256 would cost the fuzzer speed and find nothing more).
     */
    private static int[] prefixLengths(byte[] input, int length) {
        int lf = 0;
        while (lf < length && input[lf] != '\n') {
            lf++;
        }
        return IntStream.concat(IntStream.rangeClosed(0, Math.min(length, 64)),
                        IntStream.of(lf, lf + 1, length - 1, length))
                .filter(k -> k >= 0 && k <= length).sorted().distinct().toArray();
    }

    private static void assertContract(LineLoginProtocol protocol, byte[] input, int length, LoginReply verdict) {
        int lf = -1;
        for (int i = 0; i < length; i++) {
            if (input[i] == '\n') {
                lf = i;
                break;
            }
        }
        switch (verdict) {
            case LoginReply.Accepted accepted -> {
                assertEquals(lf + 1, accepted.consumed(), "an acceptance consumes the first line exactly");
                assertTrue(lf >= 0);
                int end = lf > 0 && input[lf - 1] == '\r' ? lf - 1 : lf;
                String line = new String(input, 0, end, StandardCharsets.ISO_8859_1);
                assertTrue(Pattern.matches(protocol.acceptPattern(), line), "accepted '" + line + "'");
            }
            case LoginReply.Refused refused -> {
                assertTrue(lf >= 0 || length >= LineLoginProtocol.MAX_LINE, "refused without a line: " + refused);
                assertTrue(refused.reason().chars().allMatch(c -> c >= 0x20 && c <= 0x7E),
                        "reason not printable: " + refused.reason());
                if (lf >= 0) {
                    int end = lf > 0 && input[lf - 1] == '\r' ? lf - 1 : lf;
                    String line = new String(input, 0, end, StandardCharsets.ISO_8859_1);
                    assertTrue(!Pattern.matches(protocol.acceptPattern(), line), "refused a matching line");
                }
            }
            case LoginReply.Incomplete incomplete ->
                    assertTrue(lf < 0 && length < LineLoginProtocol.MAX_LINE, "incomplete with a verdict due");
        }
    }
}
