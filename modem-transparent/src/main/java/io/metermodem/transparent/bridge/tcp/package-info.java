/**
 * The TCP driver of the transparent bridge (TR-1..TR-3): {@link
 * io.metermodem.transparent.bridge.tcp.TcpTransparentServer} listens on the primary and secondary
 * ports and hands each connection to the bridge as a {@link io.metermodem.transparent.bridge.HesLink}
 * of its channel; blocking socket I/O runs on virtual threads that post to the modem's scheduler.
 * {@link io.metermodem.transparent.bridge.tcp.RealTimePacer} runs a virtual-time scheduler in real
 * time so the in-memory board can serve real connections.
 */
package io.metermodem.transparent.bridge.tcp;
