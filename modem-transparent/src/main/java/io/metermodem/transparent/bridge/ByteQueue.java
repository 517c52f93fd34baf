package io.metermodem.transparent.bridge;

/**
 * A bounded FIFO of bytes (a ring buffer that grows up to its capacity). Used for the bytes a
 * session holds for the meter while it waits for the line: a full queue refuses the whole offer,
 * so the caller can close the link with a clear reason instead of losing bytes silently.
 * Not thread-safe: the bridge uses it on its scheduler only.
 */
final class ByteQueue {

    private final int capacity;
    private byte[] ring = new byte[0];
    private int head;
    private int size;

    ByteQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int capacity() {
        return capacity;
    }

    /** Appends all of the range, or nothing when it does not fit. @return whether it fit */
    boolean offer(byte[] data, int offset, int length) {
        if (length > capacity - size) {
            return false;
        }
        ensureRoom(size + length);
        int tail = (head + size) % ring.length;
        int first = Math.min(length, ring.length - tail);
        System.arraycopy(data, offset, ring, tail, first);
        System.arraycopy(data, offset + first, ring, 0, length - first);
        size += length;
        return true;
    }

    /** Copies up to {@code length} bytes from the head without removing them. @return bytes copied */
    int peek(byte[] into, int offset, int length) {
        int n = Math.min(length, size);
        int first = Math.min(n, ring.length - head);
        System.arraycopy(ring, head, into, offset, first);
        System.arraycopy(ring, 0, into, offset + first, n - first);
        return n;
    }

    /** Removes {@code n} bytes from the head. */
    void discard(int n) {
        if (n < 0 || n > size) {
            throw new IllegalArgumentException("cannot discard " + n + " of " + size + " bytes");
        }
        size -= n;
        head = size == 0 ? 0 : (head + n) % ring.length;
    }

    /** Removes everything. @return the number of bytes removed */
    int clear() {
        int n = size;
        size = 0;
        head = 0;
        return n;
    }

    private void ensureRoom(int needed) {
        if (needed <= ring.length) {
            return;
        }
        int newLength = Math.max(256, ring.length);
        while (newLength < needed) {
            newLength = (int) Math.min((long) newLength * 2, capacity);
        }
        byte[] grown = new byte[newLength];
        peek(grown, 0, size);
        ring = grown;
        head = 0;
    }
}
