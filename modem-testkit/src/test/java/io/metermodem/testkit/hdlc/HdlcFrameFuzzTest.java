package io.metermodem.testkit.hdlc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.metermodem.testsupport.Pieces;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzing of the HDLC codec (IEC 62056-46) that carries DLMS/COSEM on the meter line (TR-4): the
 * input is the bytes a meter line delivers. The stream decoder must answer any of them with frames
 * that stand in the input byte for byte (so {@code decode(encode(frame)) == frame}) and the
 * documented errors only, the same however the bytes are split, at most one result per flag; after
 * a run of flags it decodes a well-formed frame again. The one-frame decoder and the address parser
 * must take any bytes between flags without an exception.
 *
 * <p>The committed inputs in {@code HdlcFrameFuzzTestInputs/lineBytes/} (SNRM, UA, I frames with
 * AARQ/AARE/GET, 4-byte addresses, shared flags, bad FCS/HCS, cut frames, a 7E1 sign-on) are
 * replayed by every build.
 */
class HdlcFrameFuzzTest {

    private static final HdlcFrame PROBE = HdlcFrame.of(HdlcAddress.server(1, 17), HdlcAddress.client(16),
            HdlcControl.SNRM, new byte[0]);

    @FuzzTest
    void lineBytes(byte[] input) {
        HdlcFrameDecoder decoder = new HdlcFrameDecoder();
        List<HdlcDecodeResult> whole = decoder.feed(input);
        HdlcStreamFacts.assertContract(input, whole);
        assertEquals(whole, HdlcStreamFacts.decodeByteByByte(input), "one byte at a time");
        assertEquals(whole, HdlcStreamFacts.decode(Pieces.steeredBy(input, 16)), "in pieces the input itself sizes");

        // whatever frame the input began, the longest frame's length of flags ends it
        byte[] flags = new byte[HdlcStreamFacts.RESYNC_FLAGS];
        Arrays.fill(flags, (byte) HdlcFrame.FLAG);
        List<HdlcDecodeResult> tail = new ArrayList<>(decoder.feed(flags));
        assertTrue(tail.size() <= 1, tail::toString);
        tail.addAll(decoder.feed(PROBE.encode()));
        assertEquals(PROBE, tail.get(tail.size() - 1), "a well-formed frame after the resynchronising flags");

        // the input as the bytes between two flags
        HdlcDecodeResult one = HdlcFrame.decode(input, 0, input.length);
        if (one instanceof HdlcFrame frame) {
            byte[] wire = frame.encode();
            assertArrayEquals(input, Arrays.copyOfRange(wire, 1, wire.length - 1),
                    () -> "decoded " + frame + " from " + HexFormat.of().formatHex(input));
        }

        // an address field may start anywhere
        for (int from = 0; from < Math.min(input.length, 16); from++) {
            Optional<HdlcAddress> address = HdlcAddress.parse(input, from, input.length);
            if (address.isPresent()) {
                byte[] field = address.get().encode();
                assertArrayEquals(Arrays.copyOfRange(input, from, from + field.length), field,
                        () -> "address " + address.get() + " read from other bytes");
            }
        }
    }
}
