package io.metermodem.transparent.tls;

import java.io.IOException;
import java.net.Socket;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A ready TLS configuration of the transparent channel (TR-10, SEC-6), built by
 * {@link CertificateBank#serverContext} or {@link CertificateBank#clientContext}. It wraps plain
 * sockets: the TCP server wraps each accepted socket, the outbound connector each connected one. Only
 * TLS 1.3 and 1.2 are offered.
 *
 * <pre>{@code
 * Socket plain = serverSocket.accept();
 * SSLSocket tls = serverContext.wrapAccepted(plain);
 * tls.startHandshake();          // fails when tm.verify = 1 and the head-end has no valid certificate
 * }</pre>
 */
public final class TlsContext {

    /** The protocols offered, newest first. */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** Which end of a connection the context is for. */
    public enum Side {
        /** The modem accepted the connection: the transparent TCP port. */
        SERVER,
        /** The modem opened the connection: push and AMM. */
        CLIENT
    }

    private final Side side;
    private final boolean verifyPeer;
    private final SSLContext context;

    TlsContext(Side side, boolean verifyPeer, SSLContext context) {
        this.side = Objects.requireNonNull(side, "side");
        this.verifyPeer = verifyPeer;
        this.context = Objects.requireNonNull(context, "context");
    }

    /** @return which end of a connection this context is for */
    public Side side() {
        return side;
    }

    /** @return whether the peer's certificate is required and checked ({@code tm.verify}) */
    public boolean verifyPeer() {
        return verifyPeer;
    }

    /** @return the JSSE context, for code that needs engines or factories of its own */
    public SSLContext sslContext() {
        return context;
    }

    /**
     * Wraps a socket the transparent TCP server accepted. With verification on, the head-end must
     * present a client certificate; otherwise none is requested. The handshake starts on the first
     * read or write, or on {@link SSLSocket#startHandshake()}.
     *
     * @param accepted the plain socket; closing the returned socket closes it
     * @return the TLS socket in server mode
     * @throws IOException if the socket cannot be layered (it is closed)
     * @throws IllegalStateException for a client-side context
     */
    public SSLSocket wrapAccepted(Socket accepted) throws IOException {
        requireSide(Side.SERVER);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(accepted,
                accepted.getInetAddress().getHostAddress(), accepted.getPort(), true);
        tls.setUseClientMode(false);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        parameters.setNeedClientAuth(verifyPeer);
        tls.setSSLParameters(parameters);
        return tls;
    }

    /**
     * Wraps a socket the modem connected to a server (push, AMM).
     *
     * @param connected the plain, connected socket; closing the returned socket closes it
     * @param host      the server's host as configured, sent as SNI when it is a name
     * @param port      the server's port
     * @return the TLS socket in client mode
     * @throws IOException if the socket cannot be layered
     * @throws IllegalStateException for a server-side context
     */
    public SSLSocket wrapConnected(Socket connected, String host, int port) throws IOException {
        requireSide(Side.CLIENT);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(connected, host, port, true);
        tls.setUseClientMode(true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        tls.setSSLParameters(parameters);
        return tls;
    }

    private void requireSide(Side wanted) {
        if (side != wanted) {
            throw new IllegalStateException("this is a " + side + " TLS context, not a " + wanted + " one");
        }
    }

    @Override
    public String toString() {
        return "TlsContext[" + side + ", verifyPeer=" + verifyPeer + "]";
    }
}
