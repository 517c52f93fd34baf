package io.metermodem.testkit.hdlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HDLC codec of IEC 62056-46 under the simulated DLMS meter and the tests' DLMS client (TR-4,
 * the DLMS/COSEM side of the data format detection): any frame comes back from the stream decoder
 * exactly, however the stream is split and whatever flag-free line noise lies between frames;
 * garbage yields only the documented errors and only frames that stand in it byte for byte; any
 * damage to one byte of a frame or a cut anywhere in it never passes as a frame.
 */
class HdlcFrameProperties {

    /** An I frame carrying the AARQ of the simulated meter's tests: client 16 to server 1/17. */
    private static final HdlcFrame REFERENCE = HdlcFrame.of(HdlcAddress.server(1, 17), HdlcAddress.client(16),
            HdlcControl.information(0, 0, true),
            HexFormat.of().parseHex("e6e600601da109060760857405080101be10040e01000000065f1f0400007e1f04b0"));
    private static final byte[] REFERENCE_WIRE = REFERENCE.encode();
    /** Index of the HCS in {@link #REFERENCE_WIRE}: flag, format (2), addresses (2 + 1), control. */
    private static final int REFERENCE_HCS = 1 + 2 + 3 + 1;

    /** Any address field: 1, 2 or 4 bytes, with small parts in 4-byte fields too. */
    static HdlcAddress address(Gen gen) {
        return switch (gen.uniformInt(0, 3)) {
            case 0 -> new HdlcAddress(gen.intBetween(0, 0x7F), HdlcAddress.NONE, 1);
            case 1 -> HdlcAddress.server(gen.intBetween(0, 0x7F), gen.intBetween(0, 0x7F));
            case 2 -> new HdlcAddress(gen.intBetween(0, 0x7F), gen.intBetween(0, 0x7F), 4);
            default -> HdlcAddress.server(gen.intBetween(0, 0x3FFF), gen.intBetween(0, 0x3FFF));
        };
    }

    /** A frame between a client and a server, either way round, any control byte, 0..300 bytes of information. */
    static HdlcFrame frame(Gen gen) {
        HdlcAddress server = address(gen);
        HdlcAddress client = HdlcAddress.client(gen.intBetween(0, 127));
        boolean request = gen.bool();
        return new HdlcFrame(request ? server : client, request ? client : server, gen.intBetween(0, 255),
                gen.chance(0.2), gen.bytes(0, 300));
    }

    /** Line noise without flags; when it follows a frame, its first byte cannot open a frame either. */
    static byte[] noise(Gen gen, boolean afterFlag) {
        byte[] noise = gen.bytes(0, 40);
        for (int i = 0; i < noise.length; i++) {
            if ((noise[i] & 0xFF) == HdlcFrame.FLAG) {
                noise[i] = 0x7D;
            }
        }
        if (afterFlag && noise.length > 0 && (noise[0] & 0xF0) == 0xA0) {
            noise[0] = 0x55;
        }
        return noise;
    }

    @Property(tries = 200)
    @DisplayName("TR-4: every HDLC frame decodes to itself from a stream split at any points")
    void roundTripSplit(Gen gen) {
        List<HdlcFrame> frames = gen.listOf(1, 3, () -> frame(gen));
        boolean sharedFlags = gen.bool();
        int chunk = gen.intBetween(1, 50);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(0x55); // noise before the first flag is skipped
        for (HdlcFrame f : frames) {
            byte[] wire = f.encode();
            // a closing flag may also open the next frame
            int from = sharedFlags && stream.size() > 1 ? 1 : 0;
            stream.write(wire, from, wire.length - from);
        }
        byte[] bytes = stream.toByteArray();
        HdlcFrameDecoder decoder = new HdlcFrameDecoder();
        List<HdlcDecodeResult> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            out.addAll(decoder.feed(bytes, i, Math.min(chunk, bytes.length - i)));
        }
        assertEquals(frames, out);
        assertEquals(frames, HdlcStreamFacts.decode(gen.chunks(bytes)));
        for (HdlcFrame f : frames) {
            byte[] wire = f.encode();
            assertEquals(f, HdlcFrame.decode(wire, 1, wire.length - 2), "decode(encode(frame))");
            assertEquals(f.length(), wire.length - 2, "the length field counts the bytes between the flags");
        }
    }

    @Property(tries = 200)
    @DisplayName("TR-4: frames amid flag-free line noise all come out, in order, and nothing else")
    void framesAmidNoise(Gen gen) {
        List<HdlcFrame> frames = gen.listOf(1, 4, () -> frame(gen));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(noise(gen, false));
        for (HdlcFrame f : frames) {
            stream.writeBytes(f.encode());
            stream.writeBytes(noise(gen, true));
        }
        byte[] bytes = stream.toByteArray();
        assertEquals(frames, HdlcStreamFacts.decode(gen.chunks(bytes)));
        assertEquals(frames, HdlcStreamFacts.decodeByteByByte(bytes));
    }

    @Property(tries = 200)
    @DisplayName("TR-4: random bytes never make the HDLC decoder throw: they give only frames that stand in them and"
            + " the documented errors, the same however they are split, and a frame after a run of flags comes through")
    void garbageNeverThrows(Gen gen) {
        byte[] garbage = gen.bytes(0, 3000);
        boolean flagFree = gen.chance(0.3);
        if (flagFree) {
            for (int i = 0; i < garbage.length; i++) {
                if ((garbage[i] & 0xFF) == HdlcFrame.FLAG) {
                    garbage[i] = 0x7D;
                }
            }
        }
        HdlcFrameDecoder decoder = new HdlcFrameDecoder();
        List<HdlcDecodeResult> whole = decoder.feed(garbage);
        HdlcStreamFacts.assertContract(garbage, whole);
        assertEquals(whole, HdlcStreamFacts.decode(gen.chunks(garbage)), "split at random points");
        assertEquals(whole, HdlcStreamFacts.decodeByteByByte(garbage), "one byte at a time");
        if (flagFree) {
            assertEquals(List.of(), whole, "bytes outside frames are skipped silently");
            assertFalse(decoder.inFrame());
        }
        // the longest frame plus one closing flag ends whatever frame the garbage began
        HdlcFrame frame = frame(gen);
        byte[] flags = new byte[HdlcStreamFacts.RESYNC_FLAGS];
        Arrays.fill(flags, (byte) HdlcFrame.FLAG);
        List<HdlcDecodeResult> tail = new ArrayList<>(decoder.feed(flags));
        assertTrue(tail.size() <= 1, tail::toString);
        tail.addAll(decoder.feed(frame.encode()));
        assertEquals(frame, tail.get(tail.size() - 1));
    }

    static IntStream referencePositions() {
        return IntStream.range(0, REFERENCE_WIRE.length);
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("referencePositions")
    @DisplayName("TR-4: every other value of any one byte of a frame is never taken for a frame; each part of the"
            + " frame gives its own error")
    void everyChangeOfOneByte(int position) {
        int last = REFERENCE_WIRE.length - 1;
        for (int value = 0; value < 256; value++) {
            if (value == (REFERENCE_WIRE[position] & 0xFF)) {
                continue;
            }
            byte[] damaged = REFERENCE_WIRE.clone();
            damaged[position] = (byte) value;
            HdlcFrameDecoder decoder = new HdlcFrameDecoder();
            List<HdlcDecodeResult> out = decoder.feed(damaged);
            String where = "byte " + position + " = " + String.format("0x%02X", value) + ": " + out;
            HdlcStreamFacts.assertContract(damaged, out);
            assertTrue(out.stream().noneMatch(HdlcFrame.class::isInstance), where);
            Optional<String> reason = out.size() == 1
                    ? Optional.of(assertInstanceOf(HdlcFrameError.class, out.get(0), where).reason()) : Optional.empty();
            if (position == 0) {
                // no opening flag: everything up to the closing flag is noise
                assertEquals(List.of(), out, where);
            } else if (position == 1 && (value & 0xF0) != 0xA0) {
                // not a type-3 frame format: the flag was noise, and so is the rest up to the closing flag
                assertEquals(List.of(), out, where);
                assertFalse(decoder.inFrame(), where);
            } else if (position <= 2) {
                int announced = (damaged[1] & 0x07) << 8 | (damaged[2] & 0xFF);
                if (announced > REFERENCE.length()) {
                    // still waiting for the bytes the length field announced
                    assertEquals(List.of(), out, where);
                    assertTrue(decoder.inFrame(), where);
                } else {
                    // too short a length, a closing flag missing where it says, or the HCS/FCS over the changed field
                    assertTrue(reason.isPresent(), where);
                }
            } else if (position < REFERENCE_HCS) {
                // addresses and control: the field layout may shift, the HCS never matches
                assertTrue(reason.isPresent(), where);
            } else if (position < REFERENCE_HCS + 2) {
                assertEquals(Optional.of("header check sequence wrong"), reason, where);
            } else if (position < last) {
                // information and FCS
                assertEquals(Optional.of("frame check sequence wrong"), reason, where);
            } else {
                assertEquals(Optional.of(String.format("byte 0x%02X where the closing flag was due", value)), reason,
                        where);
            }
        }
    }

    static IntStream referenceCuts() {
        return IntStream.range(0, REFERENCE_WIRE.length);
    }

    @ParameterizedTest(name = "cut after {0} bytes")
    @MethodSource("referenceCuts")
    @DisplayName("TR-4: a frame cut anywhere gives nothing until a line error reports it once; the next frame decodes")
    void everyCutPoint(int cut) {
        HdlcFrameDecoder decoder = new HdlcFrameDecoder();
        assertEquals(List.of(), decoder.feed(REFERENCE_WIRE, 0, cut));
        // the frame format byte (after the flag) starts a frame
        boolean inFrame = cut >= 2;
        assertEquals(inFrame, decoder.inFrame());
        assertEquals(inFrame ? List.of(new HdlcFrameError(HdlcStreamFacts.LINE_ERROR)) : List.of(),
                decoder.lineError());
        assertEquals(List.of(REFERENCE), decoder.feed(REFERENCE_WIRE));
    }

    @Test
    @DisplayName("TR-4: every control byte round-trips, with and without information, through encode and the stream decoder")
    void everyControlByte() {
        for (int control = 0; control < 256; control++) {
            for (byte[] info : List.of(new byte[0], new byte[] {(byte) 0xE6, (byte) 0xE6, 0x00, 0x7E})) {
                HdlcFrame frame = HdlcFrame.of(HdlcAddress.server(1, 17), HdlcAddress.client(16), control, info);
                assertEquals(List.of(frame), new HdlcFrameDecoder().feed(frame.encode()), "control " + control);
            }
        }
    }

    @Test
    @DisplayName("TR-4: every 1-byte and 2-byte address, and every 14-bit upper address of a 4-byte field, parses back from its encoding")
    void everyAddress() {
        for (int upper = 0; upper <= 0x7F; upper++) {
            assertAddressRoundTrip(new HdlcAddress(upper, HdlcAddress.NONE, 1));
            for (int lower = 0; lower <= 0x7F; lower++) {
                assertAddressRoundTrip(new HdlcAddress(upper, lower, 2));
            }
        }
        for (int upper = 0; upper <= HdlcAddress.ALL_STATIONS_14; upper++) {
            assertAddressRoundTrip(new HdlcAddress(upper, HdlcAddress.ALL_STATIONS_14 - upper, 4));
        }
    }

    private static void assertAddressRoundTrip(HdlcAddress address) {
        byte[] field = address.encode();
        assertEquals(address.length(), field.length);
        assertEquals(Optional.of(address), HdlcAddress.parse(field, 0, field.length), address::toString);
    }
}
