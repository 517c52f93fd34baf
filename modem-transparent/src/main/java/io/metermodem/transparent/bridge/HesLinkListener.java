package io.metermodem.transparent.bridge;

/**
 * Where the driver of a {@link HesLink} delivers what the head-end sent. Implementations are the
 * bridge's; a driver must call them on the modem's scheduler (for example through
 * {@code scheduler.execute(...)} from its socket reader thread), in order.
 */
public interface HesLinkListener {

    /**
     * Bytes arrived from the head-end.
     *
     * @param data   buffer, only valid during the call
     * @param offset first byte
     * @param length number of bytes
     */
    void onData(byte[] data, int offset, int length);

    /**
     * The link is gone (peer closed, error, or {@link HesLink#close(String)}); nothing follows.
     *
     * @param reason why, for the log
     */
    void onClosed(String reason);
}
