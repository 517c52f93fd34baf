package io.metermodem.transparent.outbound;

import java.time.Duration;

/**
 * Opens outbound TCP connections for the push client (TR-7) and the AMM client (TR-8). The real
 * implementation is {@link SocketConnector}; tests use an in-memory fake, which is why the clients
 * never touch {@code java.net} themselves and their timing is testable in virtual time.
 */
@FunctionalInterface
public interface OutboundConnector {

    /**
     * Starts connecting and returns at once; the outcome reaches {@code handler} on the scheduler.
     *
     * @param endpoint where to
     * @param timeout  how long the attempt (TCP connect plus any TLS handshake) may take
     * @param handler  hears the outcome and, on success, the connection
     */
    void connect(Endpoint endpoint, Duration timeout, OutboundHandler handler);
}
