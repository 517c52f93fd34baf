package io.metermodem.transparent.iec;

/**
 * Bounds and options of an {@link IecDecoder}.
 *
 * @param maxFrameLength       longest data or command message, STX/SOH to BCC inclusive; longer ones
 *                             are reported {@link MalformedKind#TOO_LONG} and dropped
 * @param maxLineLength        longest sign-on or identification line, {@code /} to LF inclusive
 * @param stripParityBit       clear bit 7 of every byte: turn on when 7E1 data is read at 8 bits
 *                             (a {@code /} then arrives as 0xAF)
 * @param optionSelectExpected whether the stream may carry {@code ACK V Z Y CR LF} (traffic from a
 *                             client towards a meter); if so, a lone ACK is only reported when the
 *                             next byte shows it is not an option select (or on {@link IecDecoder#flush()});
 *                             if not (traffic from a meter), every ACK is reported at once
 */
public record IecDecoderConfig(int maxFrameLength, int maxLineLength, boolean stripParityBit,
                               boolean optionSelectExpected) {

    /** Default bound of data and command messages. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 4096;
    /** Default bound of sign-on and identification lines. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 128;

    /** Defaults for traffic in either direction: 4096/128 bytes, bit 7 kept, option selects expected. */
    public static final IecDecoderConfig DEFAULT =
            new IecDecoderConfig(DEFAULT_MAX_FRAME_LENGTH, DEFAULT_MAX_LINE_LENGTH, false, true);

    /**
     * @throws IllegalArgumentException if a bound is too small to hold the shortest message of its kind
     */
    public IecDecoderConfig {
        if (maxFrameLength < 5) {
            throw new IllegalArgumentException("maxFrameLength must be at least 5 (SOH B0 ETX BCC), got " + maxFrameLength);
        }
        if (maxLineLength < 8) {
            throw new IllegalArgumentException("maxLineLength must be at least 8, got " + maxLineLength);
        }
    }

    /** @return this configuration with another frame bound */
    public IecDecoderConfig withMaxFrameLength(int length) {
        return new IecDecoderConfig(length, maxLineLength, stripParityBit, optionSelectExpected);
    }

    /** @return this configuration with another line bound */
    public IecDecoderConfig withMaxLineLength(int length) {
        return new IecDecoderConfig(maxFrameLength, length, stripParityBit, optionSelectExpected);
    }

    /** @return this configuration with parity stripping on or off */
    public IecDecoderConfig withStripParityBit(boolean strip) {
        return new IecDecoderConfig(maxFrameLength, maxLineLength, strip, optionSelectExpected);
    }

    /** @return this configuration for a stream that may (client to meter) or may not (meter to client) carry option selects */
    public IecDecoderConfig withOptionSelectExpected(boolean expected) {
        return new IecDecoderConfig(maxFrameLength, maxLineLength, stripParityBit, expected);
    }
}
