package io.metermodem.testkit.hdlc;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One HDLC frame of IEC 62056-46 (DLMS/COSEM over serial lines), frame format type 3:
 * <pre>
 * 7E | A<i>s</i>LL LL | destination | source | control | [HCS | information] | FCS | 7E
 * </pre>
 * The frame format field holds the type {@code 0xA}, the segmentation bit {@code s} and the 11-bit
 * length of everything between the flags. The header check sequence HCS covers the format, address
 * and control fields and is present only when an information field follows; the frame check
 * sequence FCS covers everything between the flags before it. Both are {@link HdlcCrc CRC-16/X.25},
 * low byte first. There is no byte stuffing: the length field delimits the frame.
 *
 * @param destination the receiver's address
 * @param source      the sender's address
 * @param control     the control byte (see {@link HdlcControl})
 * @param segmented   the segmentation bit: more segments of this information follow
 * @param information the information field, possibly empty (a copy is kept)
 */
public record HdlcFrame(HdlcAddress destination, HdlcAddress source, int control, boolean segmented,
                        byte[] information) implements HdlcDecodeResult {

    /** The opening and closing flag. */
    public static final int FLAG = 0x7E;
    /** The largest value of the 11-bit length field. */
    public static final int MAX_LENGTH = 0x7FF;

    /**
     * @throws IllegalArgumentException if an address is missing, the control byte outside 0..255, or
     *                                  the frame would be longer than {@link #MAX_LENGTH}
     */
    public HdlcFrame {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
        if (control < 0 || control > 0xFF) {
            throw new IllegalArgumentException("control byte " + control + " outside 0..255");
        }
        information = information == null ? new byte[0] : information.clone();
        int length = lengthOf(destination, source, information.length);
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("frame length " + length + " exceeds " + MAX_LENGTH);
        }
    }

    /**
     * A frame without segmentation.
     *
     * @param destination receiver
     * @param source      sender
     * @param control     control byte
     * @param information information field, may be empty
     * @return the frame
     */
    public static HdlcFrame of(HdlcAddress destination, HdlcAddress source, int control, byte[] information) {
        return new HdlcFrame(destination, source, control, false, information);
    }

    private static int lengthOf(HdlcAddress destination, HdlcAddress source, int infoLength) {
        int header = 2 + destination.length() + source.length() + 1;
        return header + (infoLength > 0 ? 2 + infoLength : 0) + 2;
    }

    /** @return a copy of the information field */
    @Override
    public byte[] information() {
        return information.clone();
    }

    /** @return the value of the frame's length field: the bytes between the flags */
    public int length() {
        return lengthOf(destination, source, information.length);
    }

    /** @return the frame as it goes on the line, flags included */
    public byte[] encode() {
        int length = length();
        byte[] out = new byte[length + 2];
        int i = 0;
        out[i++] = (byte) FLAG;
        out[i++] = (byte) (0xA0 | (segmented ? 0x08 : 0) | (length >> 8));
        out[i++] = (byte) length;
        for (byte b : destination.encode()) {
            out[i++] = b;
        }
        for (byte b : source.encode()) {
            out[i++] = b;
        }
        out[i++] = (byte) control;
        if (information.length > 0) {
            i = putCrc(out, i);
            System.arraycopy(information, 0, out, i, information.length);
            i += information.length;
        }
        i = putCrc(out, i);
        out[i] = (byte) FLAG;
        return out;
    }

    private static int putCrc(byte[] out, int at) {
        int crc = HdlcCrc.compute(out, 1, at);
        out[at] = (byte) crc;
        out[at + 1] = (byte) (crc >> 8);
        return at + 2;
    }

    /**
     * Reads the bytes between the two flags of one frame.
     *
     * @param data   bytes
     * @param offset first byte after the opening flag (the frame format field)
     * @param length number of bytes up to the closing flag, exclusive
     * @return the frame, or an error saying what is wrong; never throws for malformed bytes
     * @throws IndexOutOfBoundsException if the range lies outside {@code data}
     */
    public static HdlcDecodeResult decode(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length < 7) {
            return new HdlcFrameError("frame of " + length + " bytes is shorter than the 7 of the smallest frame");
        }
        int format = (data[offset] & 0xFF) << 8 | (data[offset + 1] & 0xFF);
        if ((format & 0xF000) != 0xA000) {
            return new HdlcFrameError(String.format("frame format 0x%04X is not type 3 (0xA...)", format));
        }
        if ((format & 0x07FF) != length) {
            return new HdlcFrameError("length field says " + (format & 0x07FF) + " bytes, the frame has " + length);
        }
        // the CRCs cover the bytes from the format field; copy so indices start at 0
        byte[] f = Arrays.copyOfRange(data, offset, offset + length);
        var destination = HdlcAddress.parse(f, 2, length - 2);
        if (destination.isEmpty()) {
            return new HdlcFrameError("destination address unterminated or of an invalid length");
        }
        int at = 2 + destination.get().length();
        var source = HdlcAddress.parse(f, at, length - 2);
        if (source.isEmpty()) {
            return new HdlcFrameError("source address unterminated or of an invalid length");
        }
        at += source.get().length();
        if (at + 1 + 2 > length) {
            return new HdlcFrameError("no room for control field and FCS");
        }
        int control = f[at++] & 0xFF;
        byte[] info = new byte[0];
        if (at + 2 < length) {
            if (at + 4 >= length) {
                return new HdlcFrameError("frame too short for HCS, information and FCS");
            }
            if (!HdlcCrc.matches(f, 0, at)) {
                return new HdlcFrameError("header check sequence wrong");
            }
            info = Arrays.copyOfRange(f, at + 2, length - 2);
        }
        if (!HdlcCrc.matches(f, 0, length - 2)) {
            return new HdlcFrameError("frame check sequence wrong");
        }
        return new HdlcFrame(destination.get(), source.get(), control, (format & 0x0800) != 0, info);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HdlcFrame other && destination.equals(other.destination) && source.equals(other.source)
                && control == other.control && segmented == other.segmented
                && Arrays.equals(information, other.information);
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, source, control, segmented, Arrays.hashCode(information));
    }

    @Override
    public String toString() {
        return "HdlcFrame[to " + destination + ", from " + source + String.format(", control 0x%02X", control)
                + (segmented ? ", segmented" : "") + ", info " + HexFormat.of().formatHex(information) + "]";
    }
}
