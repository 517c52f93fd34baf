package io.metermodem.transparent.outbound;

import io.metermodem.transparent.bridge.HesLink;

/**
 * An established outbound connection (TR-7, TR-8). It is a {@link HesLink}: {@link #send} queues
 * (bounded) without blocking, {@link #close} ends it, after which the connector reports
 * {@link OutboundHandler#onClosed(String)} exactly once.
 */
public interface OutboundConnection extends HesLink {
}
