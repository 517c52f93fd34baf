/**
 * Outbound connections the modem opens itself: the push readout to the head-end (TR-7) and the
 * AMM/EI client (TR-8). {@link io.metermodem.transparent.outbound.OutboundConnector} is the seam:
 * {@link io.metermodem.transparent.outbound.SocketConnector} puts it on real (optionally TLS, TR-10)
 * sockets with one virtual thread per direction, tests use an in-memory fake so the clients' timing
 * (retries, idle timeouts, reconnects) runs in virtual time. Callbacks always arrive on the modem's
 * scheduler.
 */
package io.metermodem.transparent.outbound;
