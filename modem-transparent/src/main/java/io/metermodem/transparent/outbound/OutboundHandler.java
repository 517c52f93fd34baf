package io.metermodem.transparent.outbound;

import java.io.IOException;

/**
 * Hears one connection attempt of an {@link OutboundConnector} and, if it succeeds, the connection.
 * Every method is called on the modem's scheduler, in order: either {@link #onConnectFailed} alone,
 * or {@link #onConnected}, any number of {@link #onData}, then {@link #onClosed} once.
 */
public interface OutboundHandler {

    /** @param connection the connection, ready to send */
    void onConnected(OutboundConnection connection);

    /** @param cause why no connection came up (refused, unreachable, timeout, TLS handshake failure) */
    void onConnectFailed(IOException cause);

    /**
     * Bytes arrived from the server.
     *
     * @param data   buffer, valid only during the call
     * @param offset first byte
     * @param length number of bytes
     */
    void onData(byte[] data, int offset, int length);

    /** @param reason why the connection ended (peer closed, error, local close) */
    void onClosed(String reason);
}
