package io.metermodem.transparent.detect;

import io.metermodem.hal.serial.FrameFormat;

/**
 * The verdict on the first packet of a connection (TR-4).
 *
 * @param protocol       the protocol recognised
 * @param meterFormat    the frame format the meter line must use: 7E1 for IEC 62056-21, else 8N1
 * @param bytesInspected how many bytes from the start of the connection the verdict rests on; the
 *                       caller still forwards all bytes, these included
 */
public record Detection(DetectedProtocol protocol, FrameFormat meterFormat, int bytesInspected) {

    /**
     * @throws IllegalArgumentException if a field is missing, the format contradicts the protocol or
     *                                  the count is negative
     */
    public Detection {
        if (protocol == null || meterFormat == null || bytesInspected < 0) {
            throw new IllegalArgumentException("protocol, meterFormat and bytesInspected >= 0 are required");
        }
        if (meterFormat != protocol.meterFormat()) {
            throw new IllegalArgumentException(protocol + " needs " + protocol.meterFormat() + ", not " + meterFormat);
        }
    }

    /**
     * @param protocol       the protocol
     * @param bytesInspected bytes the verdict rests on
     * @return the detection with the protocol's meter format
     */
    public static Detection of(DetectedProtocol protocol, int bytesInspected) {
        return new Detection(protocol, protocol.meterFormat(), bytesInspected);
    }
}
