package io.metermodem.transparent.bridge;

/**
 * One byte stream between the modem and a head-end system, whatever carries it: an accepted TCP or
 * TLS connection, a CSD call, an outbound push or AMM connection. A driver (the TCP server, the CSD
 * adapter, ...) creates the link, hands it to the bridge with
 * {@code TransparentBridge.attach(link, channel)}, and feeds the bytes it receives to the returned
 * {@link HesLinkListener}.
 *
 * <p>The bridge calls these methods on the modem's scheduler; implementations must not block it:
 * {@link #send} queues (bounded) and returns.
 */
public interface HesLink {

    /** @return a short description for logs, e.g. {@code tcp 10.1.2.3:50112 -> :9000} */
    String describe();

    /**
     * Queues bytes for the head-end.
     *
     * @param data   buffer, copied before the call returns
     * @param offset first byte
     * @param length number of bytes
     * @return {@code false} if the link's send queue is full or the link is closed (the bytes were
     *         not queued; the bridge then closes the link, as a real modem drops a stuck connection)
     */
    boolean send(byte[] data, int offset, int length);

    /**
     * Closes the link; the driver then reports {@link HesLinkListener#onClosed(String)}.
     *
     * @param reason why, for the log
     */
    void close(String reason);
}
