package io.metermodem.testkit.hdlc;

/**
 * What the HDLC decoders make of received bytes: a well-formed {@link HdlcFrame} or an
 * {@link HdlcFrameError} saying why bytes were dropped. Malformed input from the line is a value,
 * never an exception.
 */
public sealed interface HdlcDecodeResult permits HdlcFrame, HdlcFrameError {
}
