package io.metermodem.transparent.iec;

/**
 * A complete, well-formed message (with a correct BCC where the message has one).
 *
 * @param message the message
 * @param start   stream position of its first byte (bytes fed since the decoder was created or reset)
 * @param end     stream position just after its last byte
 */
public record DecodedMessage(IecMessage message, long start, long end) implements IecDecodeResult {

    /**
     * @throws IllegalArgumentException if the message is missing or the positions are not ordered
     */
    public DecodedMessage {
        if (message == null || start < 0 || end <= start) {
            throw new IllegalArgumentException("message required and 0 <= start < end");
        }
    }
}
