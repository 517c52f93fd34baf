package io.metermodem.transparent.bridge.tcp;

import io.metermodem.hal.time.Scheduler;
import io.metermodem.transparent.bridge.HesLink;
import io.metermodem.transparent.bridge.HesLinkListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
    private final ArrayDeque<byte[]> sendQueue = new ArrayDeque<>();
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
            if (length > 0) {
                sendQueue.addLast(Arrays.copyOfRange(data, offset, offset + length));
                queuedBytes += length;
                changed.signalAll();
            }
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
        try (InputStream in = socket.getInputStream()) {
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    continue;
                }
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
        } catch (IOException e) {
            reason = closingReason().orElse("connection failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "reader interrupted";
        } finally {
            forceClose();
            reportClosed(reason);
        }
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
            OutputStream out = socket.getOutputStream();
            while (true) {
                byte[] chunk;
                lock.lock();
                try {
                    while (sendQueue.isEmpty() && !closing && !socket.isClosed()) {
                        changed.await();
                    }
                    if (socket.isClosed() || (sendQueue.isEmpty() && closing)) {
                        break;
                    }
                    chunk = sendQueue.pollFirst();
                    queuedBytes -= chunk.length;
                } finally {
                    lock.unlock();
                }
                out.write(chunk);
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("writing to {} failed: {}", description, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // the writer ends on close (queue drained), on a failure or when the socket is gone
            forceClose();
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
