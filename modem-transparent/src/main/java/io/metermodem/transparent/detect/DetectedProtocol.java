package io.metermodem.transparent.detect;

import io.metermodem.hal.serial.FrameFormat;

/**
 * The protocols the {@link ProtocolDetector} tells apart in the first packet of a connection (TR-4),
 * each with the meter line format it implies: IEC 62056-21 runs 7E1, everything else 8N1 (the
 * manual's rule, 3.11).
 */
public enum DetectedProtocol {
    /** IEC 62056-21: the packet starts with {@code /} (a sign-on {@code /?...!CR LF}). */
    IEC_62056_21(FrameFormat.F7E1),
    /** DLMS/COSEM over HDLC (IEC 62056-46): flag 0x7E, frame format type 0xA, consistent length. */
    DLMS_HDLC(FrameFormat.F8N1),
    /** DLMS/COSEM wrapper (IEC 62056-47): 8-byte header with version 0x0001 and a payload length. */
    DLMS_WRAPPER(FrameFormat.F8N1),
    /** None of the above. */
    OTHER(FrameFormat.F8N1);

    private final FrameFormat meterFormat;

    DetectedProtocol(FrameFormat meterFormat) {
        this.meterFormat = meterFormat;
    }

    /** @return the frame format the meter line must use for this protocol */
    public FrameFormat meterFormat() {
        return meterFormat;
    }
}
