package io.metermodem.testkit.hdlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the HDLC stream decoder promises for any bytes (TR-4), checked the same way by the seeded
 * properties and the fuzz test: only frames that stand in the input byte for byte, only the
 * documented errors, at most one result per flag, the same results however the bytes are split.
 */
final class HdlcStreamFacts {

    /**
     * Every reason {@link HdlcFrameDecoder#feed} can give. The checks of the frame format and of the
     * length field inside {@link HdlcFrame#decode} cannot fail on a stream: the decoder only starts
     * a frame on a type-3 format byte and hands over exactly the length it announced.
     */
    static final List<Pattern> STREAM_ERRORS = List.of(
            Pattern.compile("destination address unterminated or of an invalid length"),
            Pattern.compile("source address unterminated or of an invalid length"),
            Pattern.compile("no room for control field and FCS"),
            Pattern.compile("frame too short for HCS, information and FCS"),
            Pattern.compile("header check sequence wrong"),
            Pattern.compile("frame check sequence wrong"),
            Pattern.compile("byte 0x[0-9A-F]{2} where the closing flag was due"),
            Pattern.compile("length field [0-6] is below the smallest frame"));

    /** The reason of {@link HdlcFrameDecoder#lineError()} inside a frame. */
    static final String LINE_ERROR = "line error inside a frame";

    /** Enough flags to bring the decoder out of any frame: the longest frame plus its closing flag. */
    static final int RESYNC_FLAGS = HdlcFrame.MAX_LENGTH + 1;

    private HdlcStreamFacts() {
    }

    /** @return the results of a fresh decoder fed the pieces in order */
    static List<HdlcDecodeResult> decode(List<byte[]> pieces) {
        HdlcFrameDecoder decoder = new HdlcFrameDecoder();
        List<HdlcDecodeResult> out = new ArrayList<>();
        for (byte[] piece : pieces) {
            out.addAll(decoder.feed(piece));
        }
        return out;
    }

    /** @return the results of a fresh decoder fed one byte at a time */
    static List<HdlcDecodeResult> decodeByteByByte(byte[] input) {
        HdlcFrameDecoder decoder = new HdlcFrameDecoder();
        List<HdlcDecodeResult> out = new ArrayList<>();
        for (int i = 0; i < input.length; i++) {
            out.addAll(decoder.feed(input, i, 1));
        }
        return out;
    }

    /**
     * Checks the results of any input against the decoder's contract.
     *
     * @param input   the bytes fed
     * @param results what came out
     */
    static void assertContract(byte[] input, List<HdlcDecodeResult> results) {
        // each result needs an opening flag of its own (a shared flag opens only the next frame)
        int flags = flags(input);
        assertTrue(results.size() <= flags, () -> results.size() + " results from " + flags + " flags");
        int searchFrom = 0;
        for (HdlcDecodeResult result : results) {
            switch (result) {
                case HdlcFrame frame -> {
                    // no byte stuffing: a frame decoded from the stream is in it byte for byte, flags included
                    byte[] wire = frame.encode();
                    int at = indexOf(input, wire, searchFrom);
                    if (at < 0) {
                        fail("decoded " + frame + " whose encoding " + HexFormat.of().formatHex(wire)
                                + " is not in the input after offset " + searchFrom);
                    }
                    // the closing flag may open the next frame
                    searchFrom = at + wire.length - 1;
                    assertEquals(frame, HdlcFrame.decode(wire, 1, wire.length - 2), "decode(encode(frame))");
                }
                case HdlcFrameError error -> assertTrue(
                        STREAM_ERRORS.stream().anyMatch(p -> p.matcher(error.reason()).matches()),
                        () -> "undocumented error: " + error.reason());
            }
        }
    }

    /** @return how many flag bytes the input holds */
    static int flags(byte[] input) {
        int n = 0;
        for (byte b : input) {
            if ((b & 0xFF) == HdlcFrame.FLAG) {
                n++;
            }
        }
        return n;
    }

    /** @return the first index at or after {@code from} where {@code part} stands in {@code whole}, or -1 */
    static int indexOf(byte[] whole, byte[] part, int from) {
        outer:
        for (int i = Math.max(0, from); i + part.length <= whole.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (whole[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
