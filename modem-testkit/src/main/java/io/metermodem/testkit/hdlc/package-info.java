/**
 * HDLC framing of DLMS/COSEM on serial lines (IEC 62056-46, "data link layer using HDLC protocol"),
 * sans-I/O: {@link io.metermodem.testkit.hdlc.HdlcFrame} and its codec,
 * {@link io.metermodem.testkit.hdlc.HdlcFrameDecoder} for byte streams,
 * {@link io.metermodem.testkit.hdlc.HdlcAddress} (1, 2 or 4 byte address fields),
 * {@link io.metermodem.testkit.hdlc.HdlcControl} and {@link io.metermodem.testkit.hdlc.HdlcCrc}
 * (CRC-16/X.25). The simulated DLMS meter is built on it; tests use it to play the client.
 *
 * <p>Supported: frame format type 3, segmentation bit carried but not reassembled, modulo-8
 * sequence numbers. Not supported: transparency by byte stuffing (DLMS does not use it), extended
 * (modulo-128) control fields.
 */
package io.metermodem.testkit.hdlc;
