package io.metermodem.transparent.iec;

/**
 * Input the decoder could not read as a message; the decoder has already resynchronised and goes on
 * with the next byte that can start a message ({@code /}, ACK, NAK, STX or SOH).
 *
 * @param kind     what went wrong
 * @param reason   a readable explanation with the offending byte or values
 * @param position stream position of the first byte concerned (start of the broken frame, or the
 *                 first unexpected byte)
 */
public record MalformedInput(MalformedKind kind, String reason, long position) implements IecDecodeResult {

    /**
     * @throws IllegalArgumentException if kind or reason is missing or the position negative
     */
    public MalformedInput {
        if (kind == null || reason == null || position < 0) {
            throw new IllegalArgumentException("kind, reason and a position >= 0 are required");
        }
    }
}
