package io.metermodem.transparent.outbound;

import io.metermodem.hal.time.Scheduler;
import io.metermodem.transparent.tls.TlsContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link OutboundConnector}: {@code java.net.Socket}, optionally wrapped in TLS (TR-10),
 * with one virtual thread that connects and then reads, and one that writes. Everything the handler
 * hears is posted to the modem's {@link Scheduler}, so the clients stay single-threaded.
 *
 * <pre>{@code
 * OutboundConnector plain = new SocketConnector(scheduler);
 * OutboundConnector tls = new SocketConnector(scheduler, bank.clientContext(settings));
 * }</pre>
 *
 * <h2>Bounds</h2>
 * At most {@link #MAX_QUEUED_SENDS} chunks wait to be written ({@code send} returns {@code false}
 * beyond that), and at most {@link #MAX_UNDELIVERED_READS} received chunks wait on the scheduler: the
 * reader stops reading until the scheduler catches up, so a fast server cannot flood the modem.
 */
public final class SocketConnector implements OutboundConnector {

    /** Chunks queued for writing before {@code send} refuses. */
    public static final int MAX_QUEUED_SENDS = 256;
    /** Received chunks posted to the scheduler and not yet delivered before the reader waits. */
    public static final int MAX_UNDELIVERED_READS = 64;
    /** Largest chunk one read takes. */
    public static final int READ_BUFFER_SIZE = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(SocketConnector.class);
    private static final byte[] CLOSE_MARKER = new byte[0];

    private final Scheduler scheduler;
    private final Optional<TlsContext> tls;

    /** @param scheduler where handler calls run */
    public SocketConnector(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.tls = Optional.empty();
    }

    /**
     * @param scheduler where handler calls run
     * @param tls       a client-side context: every connection is TLS, the handshake is part of the connect
     * @throws IllegalArgumentException for a server-side context
     */
    public SocketConnector(Scheduler scheduler, TlsContext tls) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        if (tls.side() != TlsContext.Side.CLIENT) {
            throw new IllegalArgumentException("an outbound connector needs a CLIENT TLS context, got " + tls);
        }
        this.tls = Optional.of(tls);
    }

    @Override
    public void connect(Endpoint endpoint, Duration timeout, OutboundHandler handler) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(handler, "handler");
        int timeoutMillis = (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
        Thread.ofVirtual().name("outbound-" + endpoint).start(() -> run(endpoint, timeoutMillis, handler));
    }

    private void run(Endpoint endpoint, int timeoutMillis, OutboundHandler handler) {
        Socket socket;
        try {
            socket = open(endpoint, timeoutMillis);
        } catch (IOException e) {
            scheduler.execute(() -> handler.onConnectFailed(e));
            return;
        }
        SocketConnection connection;
        try {
            connection = new SocketConnection(endpoint, socket, handler);
        } catch (IOException e) {
            closeQuietly(socket);
            scheduler.execute(() -> handler.onConnectFailed(e));
            return;
        }
        scheduler.execute(() -> handler.onConnected(connection));
        Thread.ofVirtual().name("outbound-writer-" + endpoint).start(connection::writeLoop);
        connection.readLoop();
    }

    private Socket open(Endpoint endpoint, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeoutMillis);
            socket.setTcpNoDelay(true);
            if (tls.isEmpty()) {
                return socket;
            }
            // The connect timeout also bounds the handshake; reads afterwards wait as long as the peer.
            socket.setSoTimeout(timeoutMillis);
            SSLSocket secured = tls.get().wrapConnected(socket, endpoint.host(), endpoint.port());
            secured.startHandshake();
            secured.setSoTimeout(0);
            return secured;
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", socket, e.toString());
        }
    }

    /** One connected socket with its bounded write queue. */
    private final class SocketConnection implements OutboundConnection {
        private final Endpoint endpoint;
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final OutboundHandler handler;
        private final BlockingQueue<byte[]> toWrite = new ArrayBlockingQueue<>(MAX_QUEUED_SENDS);
        private final Semaphore undelivered = new Semaphore(MAX_UNDELIVERED_READS);
        private final AtomicReference<String> closeReason = new AtomicReference<>();
        /** Set by close(): from then on received bytes are dropped. A peer's close does not drop
         *  bytes that arrived before it, which the reader may already have posted. */
        private volatile boolean closedLocally;
        private final String description;

        SocketConnection(Endpoint endpoint, Socket socket, OutboundHandler handler) throws IOException {
            this.endpoint = endpoint;
            this.socket = socket;
            this.handler = handler;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.description = (socket instanceof SSLSocket ? "tls " : "tcp ") + socket.getLocalPort() + " -> " + endpoint;
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public boolean send(byte[] data, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, data.length);
            if (closeReason.get() != null) {
                return false;
            }
            if (length == 0) {
                return true;
            }
            return toWrite.offer(Arrays.copyOfRange(data, offset, offset + length));
        }

        @Override
        public void close(String reason) {
            if (closeReason.compareAndSet(null, Objects.requireNonNull(reason, "reason"))) {
                closedLocally = true;
                // Let the writer flush what the bridge queued before the close; if the queue is full,
                // the peer is not reading anyway and the socket is closed at once.
                if (!toWrite.offer(CLOSE_MARKER)) {
                    closeQuietly(socket);
                }
            }
        }

        void writeLoop() {
            try {
                while (true) {
                    byte[] chunk = toWrite.take();
                    if (chunk == CLOSE_MARKER) {
                        break;
                    }
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException e) {
                closeReason.compareAndSet(null, "write failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(socket);
            }
        }

        void readLoop() {
            byte[] buffer = new byte[READ_BUFFER_SIZE];
            String endReason;
            try {
                while (true) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        endReason = "closed by " + endpoint;
                        break;
                    }
                    byte[] chunk = Arrays.copyOf(buffer, n);
                    undelivered.acquire();
                    scheduler.execute(() -> {
                        undelivered.release();
                        if (!closedLocally) {
                            handler.onData(chunk, 0, chunk.length);
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                endReason = "reader interrupted";
            } catch (InterruptedIOException e) {
                endReason = "read timed out";
            } catch (IOException e) {
                endReason = "read failed: " + e.getMessage();
            }
            closeReason.compareAndSet(null, endReason);
            // Wake the writer if it waits, so both threads end and the socket is closed.
            toWrite.clear();
            toWrite.offer(CLOSE_MARKER);
            closeQuietly(socket);
            String reason = closeReason.get();
            scheduler.execute(() -> handler.onClosed(reason));
        }

        @Override
        public String toString() {
            return "SocketConnection[" + description + "]";
        }
    }
}
