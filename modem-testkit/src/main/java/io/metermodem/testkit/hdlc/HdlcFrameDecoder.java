package io.metermodem.testkit.hdlc;

import java.util.ArrayList;
import java.util.List;

/**
 * Incremental reader of HDLC frames from a byte stream (IEC 62056-46): feed bytes as they arrive,
 * split or merged at any boundary; complete frames and reports of dropped bytes come out in order.
 *
 * <p>The decoder hunts for the flag {@code 0x7E}, reads the frame format field to learn the length,
 * collects exactly that many bytes and expects the closing flag, which may also open the next frame
 * (a shared flag). Memory is bounded by the 11-bit length field (at most 2047 bytes per frame).
 * Bytes outside frames (line noise, a 7E1 sign-on) are skipped silently; broken frames are
 * reported once as {@link HdlcFrameError}. Not thread-safe.
 */
public final class HdlcFrameDecoder {

    private enum State { HUNT, AFTER_FLAG, IN_FRAME }

    private final byte[] buffer = new byte[HdlcFrame.MAX_LENGTH];
    private State state = State.HUNT;
    private int length;
    private int expected;

    /**
     * @param data received bytes
     * @return frames and errors completed by these bytes
     */
    public List<HdlcDecodeResult> feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    /**
     * @param data   received bytes
     * @param offset first byte to use
     * @param count  number of bytes
     * @return frames and errors completed by these bytes, in stream order
     * @throws IndexOutOfBoundsException if the range lies outside {@code data}
     */
    public List<HdlcDecodeResult> feed(byte[] data, int offset, int count) {
        java.util.Objects.checkFromIndexSize(offset, count, data.length);
        List<HdlcDecodeResult> out = new ArrayList<>(1);
        for (int i = offset; i < offset + count; i++) {
            accept(data[i] & 0xFF, out);
        }
        return out;
    }

    /**
     * The byte just received was damaged on the line (parity, framing, overrun, break): the frame in
     * progress is lost.
     *
     * @return an error report when a frame was in progress, else empty
     */
    public List<HdlcDecodeResult> lineError() {
        boolean inFrame = state == State.IN_FRAME;
        reset();
        return inFrame ? List.of(new HdlcFrameError("line error inside a frame")) : List.of();
    }

    /** Forgets any partial frame and hunts for the next flag. */
    public void reset() {
        state = State.HUNT;
        length = 0;
        expected = 0;
    }

    /** @return whether a frame is being collected */
    public boolean inFrame() {
        return state == State.IN_FRAME;
    }

    private void accept(int b, List<HdlcDecodeResult> out) {
        switch (state) {
            case HUNT -> {
                if (b == HdlcFrame.FLAG) {
                    state = State.AFTER_FLAG;
                }
            }
            case AFTER_FLAG -> {
                if (b == HdlcFrame.FLAG) {
                    return; // consecutive flags fill an idle line
                }
                if ((b & 0xF0) != 0xA0) {
                    // not a frame format field: this flag was noise (or the tail of a lost frame)
                    state = State.HUNT;
                    return;
                }
                buffer[0] = (byte) b;
                length = 1;
                state = State.IN_FRAME;
            }
            case IN_FRAME -> inFrame(b, out);
        }
    }

    private void inFrame(int b, List<HdlcDecodeResult> out) {
        if (length == expectedOrUnknown()) {
            if (b == HdlcFrame.FLAG) {
                out.add(HdlcFrame.decode(buffer, 0, length));
                length = 0;
                state = State.AFTER_FLAG;
            } else {
                out.add(new HdlcFrameError(String.format("byte 0x%02X where the closing flag was due", b)));
                reset();
            }
            return;
        }
        buffer[length++] = (byte) b;
        if (length == 2) {
            expected = ((buffer[0] & 0x07) << 8) | (buffer[1] & 0xFF);
            if (expected < 7) {
                out.add(new HdlcFrameError("length field " + expected + " is below the smallest frame"));
                reset();
            }
        }
    }

    private int expectedOrUnknown() {
        return length >= 2 ? expected : -1;
    }
}
