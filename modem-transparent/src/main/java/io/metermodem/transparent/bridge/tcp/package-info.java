/**
 * The TCP driver of the transparent bridge (TR-1..TR-3): {@link
 * io.metermodem.transparent.bridge.tcp.TcpTransparentServer} listens on the primary and secondary
 * ports and hands each connection to the bridge as a {@link io.metermodem.transparent.bridge.HesLink}
 * of its channel.
 *
 * <p>Threads: each port's accept loop runs on a virtual thread; every accepted connection gets two
 * daemon platform threads, a reader that posts the received chunks to the modem's scheduler (on a
 * TLS port its first read also carries out the handshake) and a writer that drains the connection's
 * bounded send queue. Platform threads because a virtual thread's socket read waits on the JDK's
 * poller and a carrier wake-up, which lengthened every round trip through the bridge; a modem has
 * only a handful of connections. A plain connection writes on the caller's thread at once when the
 * socket takes the bytes; the scheduler never blocks on a socket.
 *
 * <p>{@link io.metermodem.transparent.bridge.tcp.RealTimePacer} runs a virtual-time scheduler in
 * real time, on one daemon platform thread of its own, so that the in-memory board can serve real
 * connections.
 */
package io.metermodem.transparent.bridge.tcp;
