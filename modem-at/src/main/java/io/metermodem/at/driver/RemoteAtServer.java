package io.metermodem.at.driver;

import io.metermodem.at.AtInterpreter;
import io.metermodem.config.ConfigurationService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote AT interface on TCP (AT-19): each connection is a {@link RemoteAtSession} (password
 * first, then the interpreter for the remote interface), read on its own virtual thread. At most
 * {@value #MAX_SESSIONS} sessions at once; more connections are closed at once. One
 * {@link PasswordThrottle} per server, keyed by the peer's IP address, delays the answer to wrong
 * passwords (1 s, doubling per consecutive failure, at most 32 s, in the interpreters' scheduler time)
 * and holds back the next attempt from that address until then, on every connection.
 */
public final class RemoteAtServer implements AutoCloseable {

    /** Most simultaneous remote sessions. */
    public static final int MAX_SESSIONS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(RemoteAtServer.class);

    private final ServerSocket server;
    private final ConfigurationService configuration;
    private final Supplier<AtInterpreter.Builder> builders;
    private final Executor deliverOn;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final PasswordThrottle throttle = new PasswordThrottle();
    private final Thread acceptor;
    private volatile boolean closed;

    private RemoteAtServer(ServerSocket server, ConfigurationService configuration,
                           Supplier<AtInterpreter.Builder> builders, Executor deliverOn) {
        this.server = server;
        this.configuration = configuration;
        this.builders = builders;
        this.deliverOn = deliverOn;
        this.acceptor = Thread.ofVirtual().name("remote-at-accept").start(this::acceptLoop);
    }

    /**
     * Listens on an address.
     *
     * @param address       where to listen (port 0 picks a free one)
     * @param configuration holds {@code sec.comm_password}
     * @param builders      a new interpreter builder (scheduler, module, configuration set) per session
     * @return the running server
     * @throws IOException when the address cannot be bound
     */
    public static RemoteAtServer start(InetSocketAddress address, ConfigurationService configuration,
                                       Supplier<AtInterpreter.Builder> builders) throws IOException {
        return start(address, configuration, builders, null);
    }

    /**
     * Listens on an address, handing every received chunk to an executor: a firmware passes its
     * scheduler so that the interpreters, the cellular module and the configuration are only touched
     * from the modem's own thread.
     *
     * @param address       where to listen (port 0 picks a free one)
     * @param configuration holds {@code sec.comm_password}
     * @param builders      a new interpreter builder (scheduler, module, configuration set) per session
     * @param deliverOn     runs the deliveries, or {@code null} for the connection's reader thread
     * @return the running server
     * @throws IOException when the address cannot be bound
     */
    public static RemoteAtServer start(InetSocketAddress address, ConfigurationService configuration,
                                       Supplier<AtInterpreter.Builder> builders, Executor deliverOn)
            throws IOException {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(builders, "builders");
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(address);
        return new RemoteAtServer(socket, configuration, builders, deliverOn);
    }

    /** @return the wrong-password throttle shared by this server's sessions */
    public PasswordThrottle throttle() {
        return throttle;
    }

    /** @return the bound port */
    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("remote AT: accept failed: {}", e.getMessage());
                }
                return;
            }
            if (connections.size() >= MAX_SESSIONS) {
                closeQuietly(socket);
                continue;
            }
            connections.add(socket);
            Thread.ofVirtual().name("remote-at-" + socket.getPort()).start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            Object writeLock = new Object();
            RemoteAtSession session = new RemoteAtSession(configuration, data -> {
                synchronized (writeLock) {
                    try {
                        out.write(data);
                        out.flush();
                    } catch (IOException e) {
                        closeQuietly(socket);
                    }
                }
            }, builders.get(), throttle, socket.getInetAddress().getHostAddress(), () -> closeQuietly(socket));
            try (session) {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[1024];
                while (!session.ended()) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    if (deliverOn == null) {
                        session.receive(buffer, 0, n);
                    } else {
                        byte[] chunk = Arrays.copyOf(buffer, n);
                        deliverOn.execute(() -> {
                            session.receive(chunk, 0, chunk.length);
                            if (session.ended()) {
                                closeQuietly(socket); // wrong password: the reader sees the close
                            }
                        });
                    }
                }
            }
        } catch (SocketException e) {
            LOG.debug("remote AT connection ended: {}", e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("remote AT connection failed", e);
        } finally {
            connections.remove(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }

    /** Stops listening and closes every session. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("close: {}", e.getMessage());
        }
        for (Socket s : connections) {
            closeQuietly(s);
        }
        acceptor.interrupt();
    }
}
