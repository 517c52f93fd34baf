package io.metermodem.testkit.hdlc;

/**
 * Bytes the HDLC decoder dropped, and why: a bad frame format field, a length that does not match,
 * a wrong HCS or FCS, a missing closing flag, an unreadable address, a line error.
 *
 * @param reason a readable explanation
 */
public record HdlcFrameError(String reason) implements HdlcDecodeResult {

    /**
     * @throws IllegalArgumentException if the reason is missing
     */
    public HdlcFrameError {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
    }
}
