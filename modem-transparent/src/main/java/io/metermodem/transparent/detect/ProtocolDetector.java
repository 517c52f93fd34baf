package io.metermodem.transparent.detect;

import io.metermodem.hal.serial.FrameFormat;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Decides from the first bytes of an incoming transparent connection which protocol the HES speaks,
 * and so which frame format the meter line needs, for the data format {@code Auto} (TR-4, manual
 * 3.11: "if it is detecting that as IEC protocol, then the modem will switch to data mode 7E1
 * towards the meter. In all other cases, the data mode remains at 8N1").
 *
 * <p><b>Two answers, each as early as possible.</b> The frame format depends only on "IEC or not",
 * and the first byte settles that: {@code /} starts every IEC 62056-21 sign-on and no other
 * protocol here. So {@link #meterFormat()} is known after the first byte and the bridge never waits
 * for more before configuring the line and forwarding. The IEC verdict is final on that byte too
 * (no wait for {@code ?} or {@code !CR LF}: an HES sends nothing else starting with {@code /}). Only
 * the label of a non-IEC protocol may need a few more bytes, which cannot change the format:
 * <ul>
 *   <li>{@code 0x7E}: HDLC if the next byte has frame format type {@code 0xA} and the 11-bit length
 *       is at least 7; when the whole frame fits in {@value #MAX_INSPECTED_BYTES} bytes its closing
 *       flag and FCS (CRC-16/X.25) must match too (an SNRM frame is 9 bytes);</li>
 *   <li>{@code 0x00}: wrapper if the version is {@code 00 01} and the 8-byte header announces a
 *       payload of at least one byte;</li>
 *   <li>anything else: OTHER at once.</li>
 * </ul>
 * The verdict depends only on the bytes, never on how they were split into chunks, and never needs
 * more than {@value #MAX_INSPECTED_BYTES} bytes.
 *
 * <p>The detector copies what it inspects and consumes nothing: the caller forwards every byte to
 * the meter after the decision. With {@code maskParityBit} the IEC test ignores bit 7, for a 7E1
 * sender read at 8 bits ({@code /} arriving as 0xAF); the binary tests always use all 8 bits.
 *
 * <pre>{@code
 * ProtocolDetector detector = new ProtocolDetector(false);
 * detector.offer(chunk, 0, n);
 * FrameFormat format = detector.meterFormat().orElseThrow();   // known after the first byte
 * }</pre>
 * Not thread-safe; one detector per connection.
 */
public final class ProtocolDetector {

    /** The most bytes a verdict ever needs. */
    public static final int MAX_INSPECTED_BYTES = 32;

    private static final int FLAG = 0x7E;
    private static final int MIN_HDLC_LENGTH = 7;

    private final boolean maskParityBit;
    private final byte[] prefix = new byte[MAX_INSPECTED_BYTES];
    private int length;
    private Detection detection;

    /** A detector that takes bytes as they are. */
    public ProtocolDetector() {
        this(false);
    }

    /**
     * @param maskParityBit whether the IEC test ignores bit 7 (7E1 data read at 8 bits)
     */
    public ProtocolDetector(boolean maskParityBit) {
        this.maskParityBit = maskParityBit;
    }

    /**
     * Looks at the next bytes of the connection. Once decided, further calls return the same verdict.
     *
     * @param data   buffer
     * @param offset first byte
     * @param count  number of bytes, may be 0
     * @return the verdict, or empty while the bytes so far do not settle the protocol
     * @throws IllegalArgumentException if the range is outside {@code data}
     */
    public Optional<Detection> offer(byte[] data, int offset, int count) {
        if (data == null || offset < 0 || count < 0 || offset > data.length - count) {
            throw new IllegalArgumentException("range [" + offset + ", +" + count + ") outside the data");
        }
        if (detection != null) {
            return Optional.of(detection);
        }
        int take = Math.min(count, MAX_INSPECTED_BYTES - length);
        System.arraycopy(data, offset, prefix, length, take);
        length += take;
        detection = classify(prefix, length);
        return Optional.ofNullable(detection);
    }

    /**
     * @param data the next bytes
     * @return as {@link #offer(byte[], int, int)} for all of {@code data}
     */
    public Optional<Detection> offer(byte[] data) {
        if (data == null) {
            throw new IllegalArgumentException("data is required");
        }
        return offer(data, 0, data.length);
    }

    /** @return the meter line format, known as soon as one byte has been offered */
    public Optional<FrameFormat> meterFormat() {
        if (detection != null) {
            return Optional.of(detection.meterFormat());
        }
        return length == 0 ? Optional.empty() : Optional.of(isIecStart(prefix[0]) ? FrameFormat.F7E1 : FrameFormat.F8N1);
    }

    /** @return the verdict if reached */
    public Optional<Detection> detection() {
        return Optional.ofNullable(detection);
    }

    /**
     * Forces a verdict when no more bytes will come soon (the HES sent a short first packet and
     * waits for an answer): an unconfirmed HDLC or wrapper prefix counts as {@link DetectedProtocol#OTHER},
     * which needs the same 8N1 line; a connection without any byte too.
     *
     * @return the verdict
     */
    public Detection finish() {
        if (detection == null) {
            detection = Detection.of(DetectedProtocol.OTHER, length);
        }
        return detection;
    }

    /**
     * Classifies a complete first packet in one go.
     *
     * @param firstBytes the bytes received so far
     * @param maskParityBit whether the IEC test ignores bit 7
     * @return the verdict, or empty if the bytes do not settle it yet
     */
    public static Optional<Detection> detect(byte[] firstBytes, boolean maskParityBit) {
        return new ProtocolDetector(maskParityBit).offer(firstBytes);
    }

    private boolean isIecStart(byte b) {
        return (b & (maskParityBit ? 0x7F : 0xFF)) == '/';
    }

    /** The verdict on {@code p[0..n)}, or null while more bytes are needed. Depends on the bytes only. */
    private Detection classify(byte[] p, int n) {
        if (n == 0) {
            return null;
        }
        if (isIecStart(p[0])) {
            return Detection.of(DetectedProtocol.IEC_62056_21, 1);
        }
        int first = p[0] & 0xFF;
        if (first == FLAG) {
            return classifyHdlc(p, n);
        }
        if (first == 0x00) {
            return classifyWrapper(p, n);
        }
        return Detection.of(DetectedProtocol.OTHER, 1);
    }

    private static Detection classifyHdlc(byte[] p, int n) {
        if (n < 2) {
            return null;
        }
        if ((p[1] & 0xF0) != 0xA0) {
            return Detection.of(DetectedProtocol.OTHER, 2);
        }
        if (n < 3) {
            return null;
        }
        int frameLength = ((p[1] & 0x07) << 8) | (p[2] & 0xFF);
        if (frameLength < MIN_HDLC_LENGTH) {
            return Detection.of(DetectedProtocol.OTHER, 3);
        }
        int total = frameLength + 2;
        if (total > MAX_INSPECTED_BYTES) {
            // A long frame cannot be checked to its end within the bound; the header must do.
            return Detection.of(DetectedProtocol.DLMS_HDLC, 3);
        }
        if (n < total) {
            return null;
        }
        boolean closed = (p[total - 1] & 0xFF) == FLAG;
        int fcs = (p[total - 3] & 0xFF) | (p[total - 2] & 0xFF) << 8;
        boolean fcsOk = crc16X25(p, 1, total - 3) == fcs;
        return Detection.of(closed && fcsOk ? DetectedProtocol.DLMS_HDLC : DetectedProtocol.OTHER, total);
    }

    private static Detection classifyWrapper(byte[] p, int n) {
        if (n < 2) {
            return null;
        }
        if ((p[1] & 0xFF) != 0x01) {
            return Detection.of(DetectedProtocol.OTHER, 2);
        }
        if (n < 8) {
            return null;
        }
        int payloadLength = (p[6] & 0xFF) << 8 | (p[7] & 0xFF);
        return Detection.of(payloadLength > 0 ? DetectedProtocol.DLMS_WRAPPER : DetectedProtocol.OTHER, 8);
    }

    /** CRC-16/X.25 (HDLC FCS): reflected polynomial 0x8408, initial 0xFFFF, final complement. */
    static int crc16X25(byte[] data, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return ~crc & 0xFFFF;
    }

    @Override
    public String toString() {
        return "ProtocolDetector[" + (detection != null ? detection : "undecided after "
                + HexFormat.ofDelimiter(" ").formatHex(prefix, 0, length)) + "]";
    }
}
