package io.metermodem.transparent.bridge.tcp;

import io.metermodem.hal.time.Scheduler;
import io.metermodem.transparent.bridge.HesLink;
import io.metermodem.transparent.bridge.HesLinkListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted TCP connection as a {@link HesLink}. Two daemon platform threads do the blocking I/O
 * (a virtual thread's socket read goes through the JDK's poller thread and a carrier wake-up, which
 * lengthened every round trip through the bridge measurably; a modem has a handful of connections): the
 * reader posts every received chunk to the scheduler (at most {@code maxQueuedBytes} in flight, so a
 * fast head-end is slowed by TCP flow control rather than filling memory), the writer drains the
 * bounded send queue so that {@link #send} never blocks the scheduler.
 *
 * <p>A plain connection accepted through a channel (the server's case) runs its channel in
 * non-blocking mode: {@link #send} then writes on the calling thread at once when nothing is queued,
 * and the kernel takes the bytes without the writer thread having to wake up; only what the socket
 * buffer does not take is queued for the writer, which waits for writability. The reader waits in a
 * selector. A TLS connection (no channel) keeps blocking streams.
 */
final class TcpHesLink implements HesLink {

    private static final Logger LOG = LoggerFactory.getLogger(TcpHesLink.class);
    private static final int READ_CHUNK = 4096;
    /** How long a closing link may take to hand its queued bytes to the peer before it is cut. */
    static final Duration CLOSE_LINGER = Duration.ofSeconds(2);

    private final Socket socket;
    private final String description;
    private final Scheduler scheduler;
    private final int maxQueuedBytes;
    private final Runnable onGone;
    private final Semaphore inFlight;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ByteBuffer> sendQueue = new ArrayDeque<>();
    /** The non-blocking channel of a plain connection, or null (TLS: blocking streams). */
    private final SocketChannel channel;
    private final Selector readSelector;
    private final Selector writeSelector;
    private final AtomicBoolean closeReported = new AtomicBoolean();
    private int queuedBytes;
    private boolean closing;
    private String closeReason;
    private volatile HesLinkListener listener;

    TcpHesLink(Socket socket, String description, Scheduler scheduler, int maxQueuedBytes, Runnable onGone) {
        this.socket = socket;
        this.description = description;
        this.scheduler = scheduler;
        this.maxQueuedBytes = maxQueuedBytes;
        this.onGone = onGone;
        this.inFlight = new Semaphore(Math.max(maxQueuedBytes, READ_CHUNK));
        // an SSLSocket layered over a channel's socket reports that channel: it must not be used
        SocketChannel plain = socket instanceof javax.net.ssl.SSLSocket ? null : socket.getChannel();
        Selector forReads = null;
        Selector forWrites = null;
        if (plain != null) {
            try {
                plain.configureBlocking(false);
                forReads = Selector.open();
                forWrites = Selector.open();
                plain.register(forReads, SelectionKey.OP_READ);
                plain.register(forWrites, SelectionKey.OP_WRITE);
            } catch (IOException e) {
                // fall back to blocking streams; nothing was read or written yet
                LOG.debug("{}: no non-blocking channel ({}), using blocking streams", description, e.toString());
                closeQuietly(forReads);
                closeQuietly(forWrites);
                forReads = null;
                forWrites = null;
                plain = blockingAgain(plain);
            }
        }
        this.channel = forReads == null ? null : plain;
        this.readSelector = forReads;
        this.writeSelector = forWrites;
    }

    private static SocketChannel blockingAgain(SocketChannel plain) {
        try {
            plain.configureBlocking(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot switch a channel back to blocking: {}", e.toString());
        }
        return null;
    }

    private static void closeQuietly(Selector selector) {
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("closing a selector failed: {}", e.toString());
            }
        }
    }

    /** Called on the scheduler with the bridge's listener, before any data task runs. */
    void attach(HesLinkListener bridgeListener) {
        this.listener = bridgeListener;
    }

    void startThreads() {
        Thread.ofPlatform().daemon().name("tcp-reader " + description).start(this::readLoop);
        Thread.ofPlatform().daemon().name("tcp-writer " + description).start(this::writeLoop);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean send(byte[] data, int offset, int length) {
        lock.lock();
        try {
            if (closing || socket.isClosed() || length > maxQueuedBytes - queuedBytes) {
                return false;
            }
            if (length == 0) {
                return true;
            }
            int from = offset;
            int count = length;
            if (channel != null && sendQueue.isEmpty()) {
                // fast path: the socket buffer normally takes it all, no thread needs to wake up
                ByteBuffer direct = ByteBuffer.wrap(data, offset, length);
                try {
                    channel.write(direct);
                } catch (IOException e) {
                    // as if the writer had failed: the link is cut and the reader reports its end
                    LOG.debug("writing to {} failed: {}", description, e.toString());
                    forceClose();
                    return true;
                }
                if (!direct.hasRemaining()) {
                    return true;
                }
                from = direct.position();
                count = direct.remaining();
            }
            sendQueue.addLast(ByteBuffer.wrap(Arrays.copyOfRange(data, from, from + count)));
            queuedBytes += count;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close(String reason) {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            closeReason = reason;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        // a peer that does not read would keep the writer blocked forever: cut it after a grace time
        scheduler.schedule(CLOSE_LINGER, this::forceClose);
    }

    /** Closes the socket at once; both threads then end. */
    void forceClose() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", description, e.toString());
        }
        if (channel != null) {
            readSelector.wakeup();
            writeSelector.wakeup();
        }
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void readLoop() {
        String reason = "peer closed the connection";
        byte[] buffer = new byte[READ_CHUNK];
        try {
            if (channel != null) {
                readChannel(buffer);
            } else {
                readStream(buffer);
            }
        } catch (IOException e) {
            reason = closingReason().orElse("connection failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "reader interrupted";
        } finally {
            forceClose();
            if (channel != null) {
                closeQuietly(readSelector);
            }
            reportClosed(reason);
        }
    }

    private void readStream(byte[] buffer) throws IOException, InterruptedException {
        try (InputStream in = socket.getInputStream()) {
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                if (n > 0) {
                    post(buffer, n);
                }
            }
        }
    }

    private void readChannel(byte[] buffer) throws IOException, InterruptedException {
        ByteBuffer view = ByteBuffer.wrap(buffer);
        while (true) {
            view.clear();
            int n;
            try {
                n = channel.read(view);
            } catch (java.nio.channels.ClosedChannelException e) {
                throw new IOException("Socket closed", e);
            }
            if (n < 0) {
                return;
            }
            if (n > 0) {
                post(buffer, n);
                if (n == buffer.length) {
                    continue; // more may be waiting
                }
            }
            // wait in the selector (the kernel wakes it with the first byte); reading again first
            // would mostly cost a call that finds nothing
            readSelector.select();
            readSelector.selectedKeys().clear();
            if (!channel.isOpen()) {
                throw new IOException("Socket closed");
            }
        }
    }

    private void post(byte[] buffer, int n) throws InterruptedException {
        byte[] chunk = Arrays.copyOf(buffer, n);
        inFlight.acquire(n);
        scheduler.execute(() -> {
            try {
                HesLinkListener l = listener;
                if (l != null) {
                    l.onData(chunk, 0, chunk.length);
                }
            } finally {
                inFlight.release(n);
            }
        });
    }

    private java.util.Optional<String> closingReason() {
        lock.lock();
        try {
            return closing ? java.util.Optional.of(closeReason) : java.util.Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    private void writeLoop() {
        try {
            OutputStream out = channel == null ? socket.getOutputStream() : null;
            while (true) {
                ByteBuffer chunk;
                boolean stuck = false;
                lock.lock();
                try {
                    while (sendQueue.isEmpty() && !closing && !socket.isClosed()) {
                        changed.await();
                    }
                    if (socket.isClosed() || (sendQueue.isEmpty() && closing)) {
                        break;
                    }
                    if (channel != null) {
                        // non-blocking, under the lock so that send's fast path cannot overtake it
                        chunk = sendQueue.peekFirst();
                        int n = channel.write(chunk);
                        if (!chunk.hasRemaining()) {
                            sendQueue.pollFirst();
                        }
                        queuedBytes -= n;
                        stuck = n == 0;
                        chunk = null;
                    } else {
                        chunk = sendQueue.pollFirst();
                        queuedBytes -= chunk.remaining();
                    }
                } finally {
                    lock.unlock();
                }
                if (chunk != null) {
                    out.write(chunk.array(), chunk.arrayOffset() + chunk.position(), chunk.remaining());
                    out.flush();
                } else if (stuck) {
                    // the peer does not read: wait until the socket takes bytes again (or is closed)
                    writeSelector.select();
                    writeSelector.selectedKeys().clear();
                }
            }
        } catch (IOException e) {
            LOG.debug("writing to {} failed: {}", description, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // the writer ends on close (queue drained), on a failure or when the socket is gone
            forceClose();
            if (channel != null) {
                closeQuietly(writeSelector);
            }
        }
    }

    private void reportClosed(String reason) {
        if (!closeReported.compareAndSet(false, true)) {
            return;
        }
        onGone.run();
        scheduler.execute(() -> {
            HesLinkListener l = listener;
            if (l != null) {
                l.onClosed(reason);
            }
        });
    }

    @Override
    public String toString() {
        return description;
    }
}
