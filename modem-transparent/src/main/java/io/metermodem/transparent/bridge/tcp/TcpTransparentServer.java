package io.metermodem.transparent.bridge.tcp;

import io.metermodem.hal.time.Scheduler;
import io.metermodem.transparent.bridge.Channel;
import io.metermodem.transparent.bridge.TransparentBridge;
import io.metermodem.transparent.bridge.TransparentSettings;
import io.metermodem.transparent.tls.TlsContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP listeners of the transparent meter access (TR-1, TR-2, TR-3): the primary ("Utility
 * comm.") port and, when configured, the secondary ("Customer comm.") port, each accepted
 * connection attached to the {@link TransparentBridge} as a session of {@link Channel#PRIMARY} or
 * {@link Channel#SECONDARY}.
 *
 * <p>Threads: one virtual thread accepts on each port; each connection has a platform reader thread
 * that posts received chunks to the modem's {@link Scheduler} with {@code execute} (where the
 * bridge runs) and a platform writer thread draining a bounded send queue (a plain connection
 * writes on the caller's thread at once when the socket takes the bytes)
 * ({@link TransparentSettings#maxPendingBytes()} bytes; when full, {@code send} returns false and
 * the bridge drops the stuck connection), so the scheduler never blocks on a socket. TCP_NODELAY is
 * set: meter protocols are small request/answer exchanges. At most
 * {@link TransparentSettings#maxConnectionsPerPort()} connections per port are served; one more is
 * closed at once, logged and reported to {@link TransparentBridge#connectionRefused}.
 *
 * <p>Works with any scheduler that runs its tasks: the production one, or a virtual scheduler
 * driven by a {@link RealTimePacer} or by a test.
 *
 * <pre>{@code
 * try (TcpTransparentServer server = new TcpTransparentServer(scheduler, bridge)) {
 *     server.start();
 *     System.out.println("transparent port " + server.primaryPort());
 *     ...
 * }
 * }</pre>
 */
public final class TcpTransparentServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpTransparentServer.class);
    private static final int BACKLOG = 16;

    private final Scheduler scheduler;
    private final TransparentBridge bridge;
    private final TransparentSettings settings;
    private final List<PortListener> listeners = new ArrayList<>(2);
    private final Set<TcpHesLink> connections = ConcurrentHashMap.newKeySet();
    private final TlsContext tls;
    private volatile boolean started;
    private volatile boolean closed;

    /**
     * @param scheduler the modem's scheduler, where the bridge runs
     * @param bridge    the bridge; its {@link TransparentBridge#settings()} give ports and limits
     * @throws IllegalArgumentException if an argument is missing
     */
    public TcpTransparentServer(Scheduler scheduler, TransparentBridge bridge) {
        this(scheduler, bridge, null);
    }

    /**
     * A server whose ports speak TLS (TR-10, {@code tm.tls_enable = 1}): every accepted connection
     * is wrapped with {@code tls} before the bridge sees a byte; with {@code tm.verify = 1} the
     * head-end must present a certificate the CA slot vouches for. The handshake runs on the
     * connection's reader thread, so a slow or failing handshake never holds up accepting others;
     * a failed one closes the connection with a log line naming the reason.
     *
     * @param scheduler the modem's scheduler, where the bridge runs
     * @param bridge    the bridge; its {@link TransparentBridge#settings()} give ports and limits
     * @param tls       a server-side context from {@code CertificateBank.serverContext}, or {@code null} for plain TCP
     * @throws IllegalArgumentException if scheduler or bridge is missing, or {@code tls} is a client-side context
     */
    public TcpTransparentServer(Scheduler scheduler, TransparentBridge bridge, TlsContext tls) {
        if (scheduler == null || bridge == null) {
            throw new IllegalArgumentException("scheduler and bridge are required");
        }
        if (tls != null && tls.side() != TlsContext.Side.SERVER) {
            throw new IllegalArgumentException("the transparent server needs a server-side TLS context");
        }
        this.scheduler = scheduler;
        this.bridge = bridge;
        this.settings = bridge.settings();
        this.tls = tls;
    }

    /**
     * Binds the primary and (if configured) the secondary port on the bind address and starts
     * accepting. Any thread.
     *
     * @throws IOException           if a port cannot be bound (nothing stays bound then)
     * @throws IllegalStateException if started twice or closed
     */
    public synchronized void start() throws IOException {
        if (started || closed) {
            throw new IllegalStateException(closed ? "server is closed" : "server already started");
        }
        InetAddress address = InetAddress.getByName(settings.bindAddress());
        try {
            listeners.add(bind(address, settings.primaryPort(), Channel.PRIMARY));
            if (settings.secondary().isPresent()) {
                listeners.add(bind(address, settings.secondaryPort(), Channel.SECONDARY));
            }
        } catch (IOException e) {
            for (PortListener l : listeners) {
                l.closeQuietly();
            }
            listeners.clear();
            throw e;
        }
        started = true;
        for (PortListener l : listeners) {
            Thread.ofVirtual().name("tcp-accept :" + l.server.getLocalPort()).start(l::acceptLoop);
            LOG.info("transparent {} port listening on {}:{}", l.channel, settings.bindAddress(), l.server.getLocalPort());
        }
    }

    private PortListener bind(InetAddress address, int port, Channel channel) throws IOException {
        // Through a channel, so that plain connections can write without a thread hand-off
        // (TcpHesLink's non-blocking fast path); TLS wraps the channel's blocking socket adaptor.
        ServerSocket server = ServerSocketChannel.open().socket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, port), BACKLOG);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen for the transparent " + channel + " port on "
                    + settings.bindAddress() + ":" + port + ": " + e.getMessage(), e);
        }
        return new PortListener(server, channel);
    }

    /**
     * @return the primary port actually bound (the ephemeral one when configured as 0)
     * @throws IllegalStateException before {@link #start()}
     */
    public int primaryPort() {
        return listener(Channel.PRIMARY).map(l -> l.server.getLocalPort())
                .orElseThrow(() -> new IllegalStateException("server not started"));
    }

    /**
     * @return the secondary port actually bound, or empty when none is configured
     * @throws IllegalStateException before {@link #start()}
     */
    public OptionalInt secondaryPort() {
        if (!started) {
            throw new IllegalStateException("server not started");
        }
        return listener(Channel.SECONDARY).map(l -> OptionalInt.of(l.server.getLocalPort())).orElse(OptionalInt.empty());
    }

    /** @return open connections over all ports */
    public int connectionCount() {
        return connections.size();
    }

    private synchronized java.util.Optional<PortListener> listener(Channel channel) {
        return listeners.stream().filter(l -> l.channel == channel).findFirst();
    }

    /**
     * Stops listening and cuts every connection; the bridge hears of each through its link's
     * {@code onClosed}. Any thread; closing twice is harmless.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (PortListener l : listeners) {
            l.closeQuietly();
        }
        for (TcpHesLink link : List.copyOf(connections)) {
            link.forceClose();
        }
        LOG.info("transparent TCP server closed");
    }

    /** One listening port. */
    private final class PortListener {
        final ServerSocket server;
        final Channel channel;
        final AtomicInteger active = new AtomicInteger();

        PortListener(ServerSocket server, Channel channel) {
            this.server = server;
            this.channel = channel;
        }

        void acceptLoop() {
            while (!closed) {
                Socket socket;
                try {
                    socket = server.accept();
                } catch (IOException e) {
                    if (!closed) {
                        LOG.error("transparent {} port {} stopped accepting: {}", channel, server.getLocalPort(), e.toString());
                    }
                    return;
                }
                accepted(socket);
            }
        }

        private void accepted(Socket socket) {
            String description = "tcp " + socket.getRemoteSocketAddress() + " -> :" + server.getLocalPort();
            if (closed) {
                closeSocket(socket);
                return;
            }
            if (active.incrementAndGet() > settings.maxConnectionsPerPort()) {
                active.decrementAndGet();
                String reason = "already " + settings.maxConnectionsPerPort() + " connections on the " + channel
                        + " port, the most allowed";
                LOG.warn("transparent connection refused: {}: {}", description, reason);
                closeSocket(socket);
                scheduler.execute(() -> bridge.connectionRefused(channel + " " + description, reason));
                return;
            }
            try {
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                LOG.debug("TCP_NODELAY on {} failed: {}", description, e.toString());
            }
            if (tls != null) {
                try {
                    socket = tls.wrapAccepted(socket);
                } catch (IOException e) {
                    active.decrementAndGet();
                    LOG.warn("transparent connection refused: {}: TLS could not be set up: {}", description, e.getMessage());
                    closeSocket(socket);
                    return;
                }
            }
            TcpHesLink[] self = new TcpHesLink[1];
            TcpHesLink link = new TcpHesLink(socket, description, scheduler, settings.maxPendingBytes(), () -> {
                active.decrementAndGet();
                connections.remove(self[0]);
            });
            self[0] = link;
            connections.add(link);
            LOG.info("transparent connection accepted: {} {}", channel, description);
            // attach first: the reader's data tasks are posted after this one and so run after it
            scheduler.execute(() -> link.attach(bridge.attach(link, channel)));
            link.startThreads();
        }

        void closeQuietly() {
            try {
                server.close();
            } catch (IOException e) {
                LOG.debug("closing port {} failed: {}", server.getLocalPort(), e.toString());
            }
        }
    }

    private static void closeSocket(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing a refused socket failed: {}", e.toString());
        }
    }
}
