package io.metermodem.hal.pi.internal;

import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO of received characters between a port's reader thread and the caller of
 * {@code read}: the producer never blocks (a character that does not fit is dropped and counted, as
 * a full UART FIFO would), the consumer waits with a timeout on a condition rather than polling.
 */
public final class ReceiveBuffer {

    /** Outcome of {@link #take} when nothing arrived in time. */
    public static final int TIMED_OUT = 0;
    /** Outcome of {@link #take} once the buffer is closed and empty. */
    public static final int CLOSED = -1;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final byte[] ring;
    private int head;
    private int count;
    private boolean closed;

    /** @param capacity characters held at most, at least 1 */
    public ReceiveBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("receive buffer capacity must be at least 1, got " + capacity);
        }
        ring = new byte[capacity];
    }

    /** @return the capacity in characters */
    public int capacity() {
        return ring.length;
    }

    /**
     * Appends characters, dropping those that do not fit.
     *
     * @return number of characters dropped (0 when all fitted)
     */
    public int offer(byte[] data, int offset, int length) {
        lock.lock();
        try {
            int accepted = Math.min(length, ring.length - count);
            for (int i = 0; i < accepted; i++) {
                ring[(head + count + i) % ring.length] = data[offset + i];
            }
            count += accepted;
            if (accepted > 0) {
                notEmpty.signalAll();
            }
            return length - accepted;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes up to {@code length} characters, waiting up to {@code timeoutNanos} for the first.
     *
     * @return characters copied (at least 1), {@link #TIMED_OUT} or {@link #CLOSED}
     * @throws InterruptedIOException if interrupted while waiting; the interrupt flag stays set
     */
    public int take(byte[] buffer, int offset, int length, long timeoutNanos) throws InterruptedIOException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (count == 0) {
                if (closed) {
                    return CLOSED;
                }
                if (remaining <= 0) {
                    return TIMED_OUT;
                }
                try {
                    remaining = notEmpty.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for serial input");
                }
            }
            return drain(buffer, offset, length);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes whatever is buffered without waiting.
     *
     * @return characters copied, possibly 0
     */
    public int poll(byte[] buffer, int offset, int length) {
        lock.lock();
        try {
            return drain(buffer, offset, length);
        } finally {
            lock.unlock();
        }
    }

    /** @return characters waiting */
    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Discards the content and reopens the buffer for a new session of the port. */
    public void reset() {
        lock.lock();
        try {
            head = 0;
            count = 0;
            closed = false;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting reader; once empty, {@link #take} answers {@link #CLOSED}. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private int drain(byte[] buffer, int offset, int length) {
        int n = Math.min(length, count);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = ring[(head + i) % ring.length];
        }
        head = (head + n) % ring.length;
        count -= n;
        return n;
    }
}
