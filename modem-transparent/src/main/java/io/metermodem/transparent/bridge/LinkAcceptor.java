package io.metermodem.transparent.bridge;

/**
 * What a link driver hands its {@link HesLink}s to: in the firmware the {@code TransparentBridge}
 * (TR-1), in tests a fake that echoes or records. Drivers (the CSD adapter of TR-6, the push client of
 * TR-7, the AMM client of TR-8, the TCP server) depend only on this interface, so each is tested
 * without the bridge.
 *
 * <p>Called on the modem's scheduler, like everything of the bridge.
 */
@FunctionalInterface
public interface LinkAcceptor {

    /**
     * Takes a new head-end link into the bridge.
     *
     * @param link    the link; the acceptor sends to the head-end through it and may close it
     * @param channel how the head-end came in, which decides its priority on the meter line (TR-3)
     * @return where the driver delivers the bytes from the head-end and the end of the link
     */
    HesLinkListener attach(HesLink link, Channel channel);
}
