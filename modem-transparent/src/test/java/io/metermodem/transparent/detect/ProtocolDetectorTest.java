package io.metermodem.transparent.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first-packet detector of the data format {@code Auto} (TR-4): each kind of first packet gets
 * its verdict and meter line format as early as the bytes allow, the same verdict for any split of
 * the bytes into reads, and never later than {@link ProtocolDetector#MAX_INSPECTED_BYTES} bytes.
 */
class ProtocolDetectorTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    /** What an HES sends after its first packet; merged into the last chunk to show it is not needed. */
    private static final byte[] FOLLOWING = {0x12, 0x7E, 0x2F, 0x00, 0x01, (byte) 0xFF};

    /** A DLMS/COSEM AARQ (application context LN, no ciphering) inside a wrapper header, 8 + 31 bytes. */
    private static final byte[] WRAPPED_AARQ = HEX.parseHex("00 01 00 10 00 01 00 1f "
            + "60 1d a1 09 06 07 60 85 74 05 08 01 01 be 10 04 0e 01 00 00 00 06 5f 1f 04 00 00 1e 1d ff ff");

    static Stream<Arguments> firstPackets() {
        return Stream.of(
                Arguments.of("IEC sign-on without address", ascii("/?!\r\n"), DetectedProtocol.IEC_62056_21, 1),
                Arguments.of("IEC sign-on with address", ascii("/?12345678!\r\n"), DetectedProtocol.IEC_62056_21, 1),
                Arguments.of("DLMS HDLC SNRM", HEX.parseHex("7e a0 07 03 21 93 0f 01 7e"), DetectedProtocol.DLMS_HDLC, 9),
                Arguments.of("DLMS HDLC frame longer than the bound", longHdlcFrame(), DetectedProtocol.DLMS_HDLC, 3),
                Arguments.of("DLMS wrapper with AARQ", WRAPPED_AARQ, DetectedProtocol.DLMS_WRAPPER, 8),
                Arguments.of("HDLC-looking frame with a wrong FCS", HEX.parseHex("7e a0 07 03 21 93 0f 02 7e"),
                        DetectedProtocol.OTHER, 9),
                Arguments.of("flag without HDLC frame type", HEX.parseHex("7e 41 42 43"), DetectedProtocol.OTHER, 2),
                Arguments.of("zero byte without wrapper version", HEX.parseHex("00 02 00 00"), DetectedProtocol.OTHER, 2),
                Arguments.of("AT command", ascii("AT+CSQ\r"), DetectedProtocol.OTHER, 1),
                Arguments.of("random bytes", HEX.parseHex("c3 11 9a 00 7e"), DetectedProtocol.OTHER, 1));
    }

    private static byte[] longHdlcFrame() {
        // Length 0x2B = 43: the closing flag lies beyond the inspection bound, so the header decides.
        byte[] frame = new byte[45];
        Arrays.fill(frame, (byte) 0x55);
        frame[0] = 0x7E;
        frame[1] = (byte) 0xA0;
        frame[2] = 0x2B;
        frame[44] = 0x7E;
        return frame;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstPackets")
    @DisplayName("TR-4: every first-packet kind split at every byte boundary, merged with following data, gets the same verdict")
    void splitAtEveryBoundary(String name, byte[] packet, DetectedProtocol expected, int bytesNeeded) {
        byte[] stream = concat(packet, FOLLOWING);
        Detection wanted = Detection.of(expected, bytesNeeded);
        for (int cut = 0; cut <= stream.length; cut++) {
            ProtocolDetector detector = new ProtocolDetector();
            Optional<Detection> first = detector.offer(stream, 0, cut);
            // Undecided exactly while fewer bytes than the verdict needs have been seen.
            assertEquals(cut >= bytesNeeded ? Optional.of(wanted) : Optional.empty(), first, name + " cut at " + cut);
            assertEquals(Optional.of(wanted), detector.offer(stream, cut, stream.length - cut), name + " cut at " + cut);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstPackets")
    @DisplayName("TR-4: every first-packet kind fed byte by byte is decided on the byte that settles it")
    void byteByByte(String name, byte[] packet, DetectedProtocol expected, int bytesNeeded) {
        ProtocolDetector detector = new ProtocolDetector();
        for (int i = 0; i < packet.length; i++) {
            Optional<Detection> verdict = detector.offer(packet, i, 1);
            assertEquals(i + 1 >= bytesNeeded, verdict.isPresent(), name + " after byte " + i);
        }
        assertEquals(Detection.of(expected, bytesNeeded), detector.detection().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstPackets")
    @DisplayName("TR-4: the meter line format is known after the first byte, before the protocol label is settled")
    void formatAfterFirstByte(String name, byte[] packet, DetectedProtocol expected, int bytesNeeded) {
        ProtocolDetector detector = new ProtocolDetector();
        detector.offer(packet, 0, 1);
        assertEquals(Optional.of(expected.meterFormat()), detector.meterFormat(), name);
    }

    @Test
    @DisplayName("TR-4: an IEC sign-on split at every byte boundary is detected as IEC and selects 7E1")
    void iecSelects7E1() {
        byte[] signOn = ascii("/?!\r\n");
        for (int cut = 1; cut <= signOn.length; cut++) {
            ProtocolDetector detector = new ProtocolDetector();
            Detection detection = detector.offer(signOn, 0, cut).orElseThrow();
            assertEquals(new Detection(DetectedProtocol.IEC_62056_21, FrameFormat.F7E1, 1), detection);
        }
    }

    @Test
    @DisplayName("TR-4: anything but IEC selects 8N1 (the manual's rule)")
    void othersSelect8N1() {
        for (DetectedProtocol protocol : DetectedProtocol.values()) {
            FrameFormat expected = protocol == DetectedProtocol.IEC_62056_21 ? FrameFormat.F7E1 : FrameFormat.F8N1;
            assertEquals(expected, protocol.meterFormat(), protocol.name());
        }
    }

    @Test
    @DisplayName("TR-4: an empty first read decides nothing; the data that follows decides")
    void emptyThenData() {
        ProtocolDetector detector = new ProtocolDetector();
        assertEquals(Optional.empty(), detector.offer(new byte[0]));
        assertEquals(Optional.empty(), detector.meterFormat());
        assertEquals(Optional.of(Detection.of(DetectedProtocol.IEC_62056_21, 1)), detector.offer(ascii("/?!\r\n")));
    }

    @Test
    @DisplayName("TR-4: a 7E1 sign-on read at 8 bits (parity in bit 7) is IEC only when masking is asked for")
    void parityMasking() {
        byte[] withParity = withEvenParity(ascii("/?!\r\n"));
        assertEquals((byte) 0xAF, withParity[0]);
        assertEquals(DetectedProtocol.IEC_62056_21,
                ProtocolDetector.detect(withParity, true).orElseThrow().protocol());
        assertEquals(DetectedProtocol.OTHER, ProtocolDetector.detect(withParity, false).orElseThrow().protocol());
    }

    @Test
    @DisplayName("TR-4: masking the parity bit does not disturb the 8-bit DLMS tests")
    void maskingKeepsBinaryTests() {
        assertEquals(DetectedProtocol.DLMS_HDLC, ProtocolDetector.detect(HEX.parseHex("7e a0 07 03 21 93 0f 01 7e"), true)
                .orElseThrow().protocol());
        assertEquals(DetectedProtocol.DLMS_WRAPPER, ProtocolDetector.detect(WRAPPED_AARQ, true).orElseThrow().protocol());
    }

    @Test
    @DisplayName("TR-4: a short first packet that cannot be confirmed is settled as OTHER (8N1) by finish()")
    void finishUndecided() {
        ProtocolDetector detector = new ProtocolDetector();
        assertEquals(Optional.empty(), detector.offer(HEX.parseHex("7e a0")));
        assertEquals(Optional.of(FrameFormat.F8N1), detector.meterFormat());
        assertEquals(Detection.of(DetectedProtocol.OTHER, 2), detector.finish());
        assertEquals(Detection.of(DetectedProtocol.OTHER, 2), detector.offer(HEX.parseHex("07 03 21 93 0f 01 7e")).orElseThrow());
        assertEquals(Detection.of(DetectedProtocol.OTHER, 0), new ProtocolDetector().finish());
    }

    @Test
    @DisplayName("TR-4: the detector does not consume or alter the bytes the caller forwards")
    void doesNotConsume() {
        byte[] packet = HEX.parseHex("7e a0 07 03 21 93 0f 01 7e");
        byte[] copy = packet.clone();
        new ProtocolDetector(true).offer(packet);
        assertArrayEquals(copy, packet);
    }

    @Test
    @DisplayName("TR-4: a range outside the buffer is API misuse")
    void rangeChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ProtocolDetector().offer(new byte[4], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new ProtocolDetector().offer(null));
    }

    /**
     * A first packet of up to 48 bytes: plain random bytes, or random bytes behind the start of each
     * kind of packet (so that the HDLC and wrapper branches are reached far more often than by
     * chance), or a complete HDLC frame with a correct FCS.
     */
    private static byte[] firstPacket(Gen gen) {
        byte[] packet = gen.bytes(0, 48);
        switch (gen.uniformInt(0, 5)) {
            case 0 -> { }
            case 1 -> prefix(packet, (byte) '/');
            case 2 -> prefix(packet, (byte) 0x7E, (byte) (0xA0 | gen.uniformInt(0, 7)), (byte) gen.intBetween(0, 40));
            case 3 -> prefix(packet, (byte) 0x00, (byte) 0x01, (byte) 0x00, (byte) 0x10, (byte) 0x00, (byte) 0x01,
                    (byte) 0x00, (byte) gen.intBetween(0, 3));
            case 4 -> {
                return concat(hdlcFrame(gen.bytes(0, ProtocolDetector.MAX_INSPECTED_BYTES - 9)), gen.bytes(0, 16));
            }
            default -> {
                // 7E1 characters read at 8 bits: the '/' may carry the parity bit in bit 7.
                prefix(packet, (byte) 0xAF);
            }
        }
        return packet;
    }

    private static void prefix(byte[] packet, byte... start) {
        System.arraycopy(start, 0, packet, 0, Math.min(start.length, packet.length));
    }

    /** A closed HDLC frame (format type A, the given information field) with its correct FCS. */
    private static byte[] hdlcFrame(byte[] information) {
        int length = information.length + 7; // between the flags: format 2, addresses 2, control 1, FCS 2
        byte[] frame = new byte[length + 2];
        frame[0] = 0x7E;
        frame[1] = (byte) (0xA0 | (length >> 8));
        frame[2] = (byte) length;
        frame[3] = 0x03;
        frame[4] = 0x21;
        frame[5] = (byte) 0x93;
        System.arraycopy(information, 0, frame, 6, information.length);
        int fcs = ProtocolDetector.crc16X25(frame, 1, length - 1);
        frame[length - 1] = (byte) fcs;
        frame[length] = (byte) (fcs >> 8);
        frame[length + 1] = 0x7E;
        return frame;
    }

    /** What a detector says after {@code pieces}, fed in order. */
    private static Optional<Detection> fed(boolean mask, List<byte[]> pieces) {
        ProtocolDetector detector = new ProtocolDetector(mask);
        Optional<Detection> verdict = Optional.empty();
        for (byte[] piece : pieces) {
            verdict = detector.offer(piece);
        }
        return verdict;
    }

    @Property(tries = 1000)
    @DisplayName("TR-4: any bytes in any chunking get the verdict of the whole, within the bound of inspected bytes")
    void chunkingNeverChangesTheVerdict(Gen gen) {
        byte[] stream = firstPacket(gen);
        boolean mask = gen.bool();
        Optional<Detection> whole = ProtocolDetector.detect(stream, mask);

        assertEquals(whole, fed(mask, gen.chunks(stream)), "random chunking");
        for (int cut = 0; cut <= stream.length; cut++) {
            assertEquals(whole, fed(mask, List.of(Arrays.copyOfRange(stream, 0, cut),
                    Arrays.copyOfRange(stream, cut, stream.length))), "cut at " + cut);
        }
        if (stream.length >= ProtocolDetector.MAX_INSPECTED_BYTES) {
            assertTrue(whole.isPresent(), "decided within " + ProtocolDetector.MAX_INSPECTED_BYTES + " bytes");
        }
        whole.ifPresent(d -> assertTrue(d.bytesInspected() >= 1 && d.bytesInspected() <= ProtocolDetector.MAX_INSPECTED_BYTES));
        whole.ifPresent(d -> assertTrue(d.bytesInspected() <= stream.length, "rests on bytes it has seen"));
        // The verdict rests on its inspected bytes only: the same prefix alone gives it too.
        whole.ifPresent(d -> assertEquals(whole, ProtocolDetector.detect(Arrays.copyOf(stream, d.bytesInspected()), mask)));
    }

    @Property(tries = 1000)
    @DisplayName("TR-4: a complete HDLC frame with a correct FCS is DLMS_HDLC, with a broken FCS or flag OTHER")
    void hdlcFramesAreChecked(Gen gen) {
        byte[] frame = hdlcFrame(gen.bytes(0, ProtocolDetector.MAX_INSPECTED_BYTES - 9));
        assertEquals(Optional.of(Detection.of(DetectedProtocol.DLMS_HDLC, frame.length)),
                ProtocolDetector.detect(frame, gen.bool()));
        // Any change after the header (information, FCS or closing flag) is caught by the FCS or flag check.
        int at = gen.intBetween(3, frame.length - 1);
        frame[at] ^= (byte) gen.intBetween(1, 255);
        assertEquals(Optional.of(Detection.of(DetectedProtocol.OTHER, frame.length)),
                ProtocolDetector.detect(frame, gen.bool()), "changed byte " + at);
    }

    static Stream<Arguments> everyFirstByte() {
        return IntStream.range(0, 256).boxed()
                .flatMap(b -> Stream.of(Arguments.of(b, false), Arguments.of(b, true)));
    }

    @ParameterizedTest(name = "0x{0} mask={1}")
    @MethodSource("everyFirstByte")
    @DisplayName("TR-4: every first byte: '/' is IEC (7E1) at once, 0x7E and 0x00 wait, any other is OTHER (8N1) at once")
    void otherAtOnce(int first, boolean mask) {
        ProtocolDetector detector = new ProtocolDetector(mask);
        Optional<Detection> verdict = detector.offer(new byte[] {(byte) first});
        boolean iec = (mask ? first & 0x7F : first) == '/';
        if (iec) {
            assertEquals(Optional.of(Detection.of(DetectedProtocol.IEC_62056_21, 1)), verdict);
        } else if (first == 0x7E || first == 0x00) {
            assertEquals(Optional.empty(), verdict);
        } else {
            assertEquals(Optional.of(Detection.of(DetectedProtocol.OTHER, 1)), verdict);
        }
        assertEquals(Optional.of(iec ? FrameFormat.F7E1 : FrameFormat.F8N1), detector.meterFormat());
    }

    private static byte[] withEvenParity(byte[] sevenBit) {
        byte[] out = new byte[sevenBit.length];
        for (int i = 0; i < sevenBit.length; i++) {
            int b = sevenBit[i] & 0x7F;
            out[i] = (byte) (Integer.bitCount(b) % 2 == 1 ? b | 0x80 : b);
        }
        return out;
    }
}
