package io.metermodem.transparent.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.testsupport.Pieces;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzing of the first-packet detector (TR-4): the input is the first bytes an HES sends on a new
 * transparent connection. For both settings of parity masking, the verdict
 * <ul>
 *   <li>is the one the rules of {@link ProtocolDetector}'s Javadoc give, computed here independently
 *       (with a table-driven CRC-16/X.25);</li>
 *   <li>is the same for the whole input, byte by byte, in pieces, and split at every point;</li>
 *   <li>rests on at most {@link ProtocolDetector#MAX_INSPECTED_BYTES} bytes the detector has seen,
 *       is reached once that many have come, and never contradicts the meter format announced after
 *       the first byte;</li>
 *   <li>leaves the caller's bytes untouched; {@link ProtocolDetector#finish()} settles an open one
 *       as OTHER on the bytes seen.</li>
 * </ul>
 * The committed inputs in {@code ProtocolDetectorFuzzTestInputs/firstPacket/} (IEC sign-ons, HDLC
 * SNRM, long HDLC header, wrapped AARQ, bad FCS, wrapper without payload, AT command, a sign-on
 * with parity bits) are replayed by every build.
 */
class ProtocolDetectorFuzzTest {

    private static final int MAX = ProtocolDetector.MAX_INSPECTED_BYTES;
    private static final int[] CRC_TABLE = crcTable();

    @FuzzTest
    void firstPacket(byte[] input) {
        byte[] copy = input.clone();
        for (boolean mask : new boolean[] {false, true}) {
            Optional<Detection> whole = ProtocolDetector.detect(input, mask);
            assertEquals(expected(input, mask), whole, "the documented rules");
            assertArrayEquals(copy, input, "the detector changed the caller's bytes");

            assertEquals(whole, fed(mask, Pieces.oneByOne(input)), "one byte at a time");
            assertEquals(whole, fed(mask, Pieces.steeredBy(input, 8)), "in pieces");
            for (int cut = 0; cut <= Math.min(input.length, MAX + 2); cut++) {
                assertEquals(whole, fed(mask, List.of(Arrays.copyOfRange(input, 0, cut),
                        Arrays.copyOfRange(input, cut, input.length))), "cut at " + cut);
            }
            if (input.length >= MAX) {
                assertTrue(whole.isPresent(), "no verdict after " + MAX + " bytes");
            }
            whole.ifPresent(d -> {
                assertTrue(d.bytesInspected() >= 1 && d.bytesInspected() <= Math.min(MAX, input.length), d::toString);
                assertEquals(whole, ProtocolDetector.detect(Arrays.copyOf(input, d.bytesInspected()), mask),
                        "the verdict rests on its inspected bytes only");
            });

            ProtocolDetector detector = new ProtocolDetector(mask);
            if (input.length > 0) {
                detector.offer(input, 0, 1);
                Optional<FrameFormat> early = detector.meterFormat();
                detector.offer(input, 1, input.length - 1);
                assertEquals(early, detector.meterFormat(), "the format known after the first byte changed");
            }
            Detection settled = detector.finish();
            assertEquals(whole.orElse(Detection.of(DetectedProtocol.OTHER, Math.min(MAX, input.length))), settled);
            assertEquals(Optional.of(settled), detector.offer(input), "a settled detector keeps its verdict");
        }
    }

    /** The rules of the Javadoc, restated: the verdict on {@code p}, or empty while they need more bytes. */
    private static Optional<Detection> expected(byte[] p, boolean mask) {
        int n = Math.min(p.length, MAX);
        if (n == 0) {
            return Optional.empty();
        }
        int first = p[0] & 0xFF;
        if ((mask ? first & 0x7F : first) == '/') {
            return Optional.of(Detection.of(DetectedProtocol.IEC_62056_21, 1));
        }
        if (first == 0x7E) {
            if (n < 2) {
                return Optional.empty();
            }
            if ((p[1] & 0xF0) != 0xA0) {
                return Optional.of(Detection.of(DetectedProtocol.OTHER, 2));
            }
            if (n < 3) {
                return Optional.empty();
            }
            int length = (p[1] & 0x07) << 8 | p[2] & 0xFF;
            if (length < 7) {
                return Optional.of(Detection.of(DetectedProtocol.OTHER, 3));
            }
            int total = length + 2;
            if (total > MAX) {
                return Optional.of(Detection.of(DetectedProtocol.DLMS_HDLC, 3));
            }
            if (n < total) {
                return Optional.empty();
            }
            int fcs = (p[total - 3] & 0xFF) | (p[total - 2] & 0xFF) << 8;
            boolean good = (p[total - 1] & 0xFF) == 0x7E && crc(p, 1, total - 3) == fcs;
            return Optional.of(Detection.of(good ? DetectedProtocol.DLMS_HDLC : DetectedProtocol.OTHER, total));
        }
        if (first == 0x00) {
            if (n < 2) {
                return Optional.empty();
            }
            if (p[1] != 0x01) {
                return Optional.of(Detection.of(DetectedProtocol.OTHER, 2));
            }
            if (n < 8) {
                return Optional.empty();
            }
            boolean payload = p[6] != 0 || p[7] != 0;
            return Optional.of(Detection.of(payload ? DetectedProtocol.DLMS_WRAPPER : DetectedProtocol.OTHER, 8));
        }
        return Optional.of(Detection.of(DetectedProtocol.OTHER, 1));
    }

    /** CRC-16/X.25 by table (the detector computes it bit by bit). */
    private static int crc(byte[] data, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc = (crc >>> 8) ^ CRC_TABLE[(crc ^ data[i]) & 0xFF];
        }
        return crc ^ 0xFFFF;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int value = i;
            for (int bit = 0; bit < 8; bit++) {
                value = (value & 1) == 1 ? (value >>> 1) ^ 0x8408 : value >>> 1;
            }
            table[i] = value;
        }
        return table;
    }

    private static Optional<Detection> fed(boolean mask, List<byte[]> pieces) {
        ProtocolDetector detector = new ProtocolDetector(mask);
        Optional<Detection> verdict = Optional.empty();
        for (byte[] piece : pieces) {
            verdict = detector.offer(piece);
        }
        return verdict;
    }
}
