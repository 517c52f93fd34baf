package io.metermodem.hal.mock.serial;

import io.metermodem.hal.serial.FrameFormat;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The transmit side of a port on one {@link Line}: a bounded queue of written characters, the
 * waveform planned from them (segments) and the characters still held back (flow control).
 * Characters whose start time has passed are on the wire and are never re-planned; later ones are
 * re-planned when settings or flow control change. All methods run under the connection's lock.
 */
final class Transmitter {

    /** Bound of the transmit queue (characters written and not yet fully received). */
    static final int MAX_QUEUE = 64 * 1024;
    private static final int MAX_DIRECTION_LOG = 1024;

    final MockSerialPort port;
    final Line line;

    private byte[] ring = new byte[0];
    private int ringHead;
    long headSeq;
    long tailSeq;
    long retiredChars;
    /** Characters with a smaller sequence number belong to a segment. */
    private long scheduledSeq;
    final ArrayDeque<Segment> segments = new ArrayDeque<>(4);
    private ArrayDeque<long[]> pendingBreaks; // {atSeq, nanos}; created when first needed
    private TreeMap<Long, Long> masks; // injected bit flips by sequence number
    private int flipNext = -1;
    private ArrayList<double[]> driveIntervals; // RS485 direction log, only when recorded

    /** Set by {@link #nextTransition}: the segment, character index (from origin) and bit of the last hit. */
    Segment hitSeg;
    long hitSeq;
    int hitBit;

    Transmitter(MockSerialPort port, Line line) {
        this.port = port;
        this.line = line;
    }

    int queued() {
        return (int) (tailSeq - headSeq);
    }

    int byteAt(long seq) {
        return ring[(ringHead + (int) (seq - headSeq)) & (ring.length - 1)] & 0xFF;
    }

    /** Ring index of a held character, for zero-copy delivery. */
    int ringIndex(long seq) {
        return (ringHead + (int) (seq - headSeq)) & (ring.length - 1);
    }

    byte[] ring() {
        return ring;
    }

    long frameOf(long seq, FrameFormat format) {
        long bits = Uart.frame(seq >= headSeq && seq < tailSeq ? byteAt(seq) : 0xFF, format);
        if (masks != null) {
            Long m = masks.get(seq);
            if (m != null) {
                bits ^= m;
            }
        }
        return bits;
    }

    /** @return the first sequence number at or after {@code seq} that carries an injected fault, or MAX_VALUE */
    long nextMasked(long seq) {
        if (masks == null) {
            return Long.MAX_VALUE;
        }
        Long k = masks.ceilingKey(seq);
        return k == null ? Long.MAX_VALUE : k;
    }

    void append(byte[] data, int offset, int length) throws IOException {
        int size = queued();
        if (size + length > MAX_QUEUE) {
            throw new IOException("transmit queue of serial port '" + port.name() + "' is full: " + size
                    + " characters are waiting and " + length + " more would exceed " + MAX_QUEUE);
        }
        ensureCapacity(size + length);
        int mask = ring.length - 1;
        int tail = (ringHead + size) & mask;
        int first = Math.min(length, ring.length - tail);
        System.arraycopy(data, offset, ring, tail, first);
        System.arraycopy(data, offset + first, ring, 0, length - first);
        if (flipNext >= 0) {
            injectMask(tailSeq, 1L << flipNext);
            flipNext = -1;
        }
        tailSeq += length;
    }

    private void ensureCapacity(int needed) {
        if (needed <= ring.length) {
            return;
        }
        int cap = Math.max(64, ring.length);
        while (cap < needed) {
            cap <<= 1;
        }
        byte[] grown = new byte[cap];
        int size = queued();
        for (int i = 0; i < size; i++) {
            grown[i] = ring[(ringHead + i) & (ring.length - 1)];
        }
        ring = grown;
        ringHead = 0;
    }

    void appendBreak(long nanos) {
        if (pendingBreaks == null) {
            pendingBreaks = new ArrayDeque<>(2);
        }
        pendingBreaks.addLast(new long[] {tailSeq, nanos});
    }

    private void injectMask(long seq, long mask) {
        if (masks == null) {
            masks = new TreeMap<>();
        }
        masks.merge(seq, mask, (a, b) -> a ^ b);
    }

    /** Flips frame bit {@code frameBit} of the next character that has not started yet (fault injection). */
    void flipNextCharacter(int frameBit, long now) {
        long seq = firstUnstarted(now);
        if (seq < tailSeq) {
            injectMask(seq, 1L << frameBit);
        } else {
            flipNext = frameBit;
        }
    }

    private long firstUnstarted(long now) {
        for (Segment s : segments) {
            if (s.isBreak) {
                continue;
            }
            for (long q = s.firstSeq; q < s.endSeq; q++) {
                if (s.charStart(q) >= now) {
                    return q;
                }
            }
        }
        return scheduledSeq;
    }

    double lineFreeAt() {
        Segment last = segments.peekLast();
        return last == null ? Double.NEGATIVE_INFINITY : last.end();
    }

    /** Plans every held character and break, if the port may transmit now. */
    void schedule(long now) {
        if (!port.mayTransmit()) {
            return;
        }
        double t = Math.max(now, lineFreeAt());
        boolean changed = false;
        while (true) {
            long[] pb = pendingBreaks == null ? null : pendingBreaks.peekFirst();
            long limit = pb != null ? pb[0] : tailSeq;
            if (scheduledSeq < limit) {
                addChars(limit, t);
                t = lineFreeAt();
                changed = true;
            }
            if (pb != null && pb[0] <= scheduledSeq) {
                pendingBreaks.pollFirst();
                Segment brk = Segment.space(t, t + pb[1], t + pb[1] + port.settings().bitNanos());
                segments.addLast(brk);
                recordDrive(brk.start, brk.end());
                t = brk.end();
                changed = true;
            } else {
                break;
            }
        }
        if (changed) {
            line.scheduled(this);
        }
    }

    private void addChars(long limit, double t) {
        Segment last = segments.peekLast();
        if (last != null && !last.isBreak && last.settings.equals(port.settings()) && last.end() == t
                && last.endSeq == scheduledSeq) {
            last.endSeq = limit;
            recordDrive(last.start, last.end());
        } else {
            Segment s = Segment.burst(port.settings(), t, scheduledSeq);
            s.endSeq = limit;
            segments.addLast(s);
            recordDrive(s.start, s.end());
        }
        scheduledSeq = limit;
    }

    /** Takes back every character and break that has not started by {@code now}. */
    void unscheduleFrom(long now) {
        while (!segments.isEmpty()) {
            Segment s = segments.peekLast();
            if (s.start >= now) {
                segments.pollLast();
                if (s.isBreak) {
                    if (pendingBreaks == null) {
                        pendingBreaks = new ArrayDeque<>(2);
                    }
                    pendingBreaks.addFirst(new long[] {scheduledSeq, Math.round(s.breakEnd - s.start)});
                } else {
                    scheduledSeq = s.firstSeq;
                }
                continue;
            }
            if (!s.isBreak) {
                long started = s.originSeq;
                while (started < s.endSeq && s.charStart(started) < now) {
                    started++;
                }
                started = Math.max(started, s.firstSeq);
                s.endSeq = started;
                scheduledSeq = started;
            }
            break;
        }
        truncateDrive(lineFreeAt(), now);
    }

    /** Drops what has not started (the port closed). */
    void discardPending(long now) {
        unscheduleFrom(now);
        if (pendingBreaks != null) {
            pendingBreaks.clear();
        }
        tailSeq = scheduledSeq;
        flipNext = -1;
        if (masks != null) {
            masks.tailMap(tailSeq, true).clear();
        }
    }

    /** Forgets waveform that ended at or before {@code upTo}: no receiver will look at it again. */
    void retire(double upTo) {
        while (!segments.isEmpty()) {
            Segment s = segments.peekFirst();
            if (s.isBreak) {
                if (s.end() <= upTo) {
                    segments.pollFirst();
                    continue;
                }
                return;
            }
            long q = s.firstSeq;
            while (q < s.endSeq && s.charEnd(q) <= upTo) {
                q++;
            }
            dropHead(q - s.firstSeq);
            s.firstSeq = q;
            if (q < s.endSeq) {
                return;
            }
            segments.pollFirst();
        }
    }

    private void dropHead(long n) {
        if (n <= 0) {
            return;
        }
        ringHead = (int) ((ringHead + n) & (ring.length - 1));
        headSeq += n;
        retiredChars += n;
        if (masks != null) {
            masks.headMap(headSeq).clear();
        }
        if (headSeq == tailSeq && ring.length > 256) {
            // give memory back after a large burst: the retained heap of a mock board stays small
            ring = new byte[0];
            ringHead = 0;
        }
    }

    /** @return characters whose frame has completely left the port by {@code now} */
    long transmittedBy(long now) {
        long n = retiredChars;
        for (Segment s : segments) {
            if (s.isBreak) {
                continue;
            }
            for (long q = s.firstSeq; q < s.endSeq && s.charEnd(q) <= now; q++) {
                n++;
            }
        }
        return n;
    }

    /** Level driven at {@code t} (or just before it): 1 mark, 0 space; 1 where this port does not drive. */
    int level(double t, boolean before) {
        for (Segment s : segments) {
            if (before ? t <= s.start : t < s.start) {
                return 1;
            }
            double end = s.end();
            if (before ? t <= end : t < end) {
                if (s.isBreak) {
                    return (before ? t <= s.breakEnd : t < s.breakEnd) ? 0 : 1;
                }
                double pos = Uart.snap((t - s.start) / s.bitNanos);
                long idx = before ? (long) Math.ceil(pos) - 1 : (long) Math.floor(pos);
                long ci = Math.max(0, Math.min(idx / s.frameBits, s.endSeq - 1 - s.originSeq));
                int j = (int) Math.max(0, Math.min(s.frameBits - 1, idx - ci * s.frameBits));
                return (int) (frameOf(s.originSeq + ci, s.settings.format()) >>> j) & 1;
            }
        }
        return 1;
    }

    /** @return whether this port drives the line at {@code t} (or just before it) */
    boolean driving(double t, boolean before) {
        for (Segment s : segments) {
            if (before ? t <= s.start : t < s.start) {
                return false;
            }
            if (before ? t <= s.end() : t < s.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first time at or after {@code t} ({@code inclusive}) or after it where this port's level may
     * change: a bit boundary with a different level, or the start or end of a segment.
     *
     * @return the time, or NaN when nothing is planned there
     */
    double nextTransition(double t, boolean inclusive) {
        int prevBit = 1;
        double prevEnd = Double.NEGATIVE_INFINITY;
        for (Segment s : segments) {
            double end = s.end();
            if (end < t || (!inclusive && end == t)) {
                prevBit = s.isBreak ? 1 : (int) (frameOf(s.endSeq - 1, s.settings.format()) >>> (s.frameBits - 1)) & 1;
                prevEnd = end;
                continue;
            }
            int before = prevEnd == s.start ? prevBit : 1;
            if (s.isBreak) {
                if (after(s.start, t, inclusive)) {
                    return hit(s, 0, 0, s.start);
                }
                if (after(s.breakEnd, t, inclusive)) {
                    return hit(s, 0, 1, s.breakEnd);
                }
                return hit(s, 0, -1, end);
            }
            long i = s.firstSeq;
            if (t > s.start) {
                long guess = s.originSeq + (long) Math.floor(Uart.snap((t - s.start) / s.frameNanos));
                i = Math.max(s.firstSeq, Math.min(guess, s.endSeq - 1));
            }
            int prev = i == s.originSeq ? before
                    : (int) (frameOf(i - 1, s.settings.format()) >>> (s.frameBits - 1)) & 1;
            for (; i < s.endSeq; i++) {
                double cs = s.charStart(i);
                long bits = frameOf(i, s.settings.format());
                for (int j = 0; j < s.frameBits; j++) {
                    int cur = (int) (bits >>> j) & 1;
                    double bt = j == 0 ? cs : cs + j * s.bitNanos;
                    boolean boundary = i == s.originSeq && j == 0;
                    if ((cur != prev || boundary) && after(bt, t, inclusive)) {
                        return hit(s, i, j, bt);
                    }
                    prev = cur;
                }
            }
            if (after(end, t, inclusive)) {
                return hit(s, s.endSeq, -1, end);
            }
            prevBit = prev;
            prevEnd = end;
        }
        return Double.NaN;
    }

    private static boolean after(double x, double t, boolean inclusive) {
        return x > t || (inclusive && x == t);
    }

    private double hit(Segment s, long seq, int bit, double time) {
        hitSeg = s;
        hitSeq = seq;
        hitBit = bit;
        return time;
    }

    // ---- RS485 direction control log ----

    private void recordDrive(double start, double end) {
        if (!line.recordsDirection) {
            return;
        }
        if (driveIntervals == null) {
            driveIntervals = new ArrayList<>(4);
        }
        double[] last = driveIntervals.isEmpty() ? null : driveIntervals.get(driveIntervals.size() - 1);
        if (last != null && start <= last[1]) {
            last[1] = Math.max(last[1], end);
        } else {
            if (driveIntervals.size() >= MAX_DIRECTION_LOG) {
                driveIntervals.remove(0);
            }
            driveIntervals.add(new double[] {start, end});
        }
    }

    private void truncateDrive(double freeAt, long now) {
        if (driveIntervals == null) {
            return;
        }
        while (!driveIntervals.isEmpty()) {
            double[] last = driveIntervals.get(driveIntervals.size() - 1);
            if (last[0] >= now && !(freeAt > last[0])) {
                driveIntervals.remove(driveIntervals.size() - 1);
                continue;
            }
            if (freeAt > last[0]) {
                last[1] = Math.min(last[1], freeAt);
            }
            return;
        }
    }

    List<DriverEnableChange> directionLog(long now) {
        List<DriverEnableChange> log = new ArrayList<>();
        if (driveIntervals != null) {
            for (double[] iv : driveIntervals) {
                long on = Math.round(iv[0]);
                long off = Math.round(iv[1]);
                if (on <= now) {
                    log.add(new DriverEnableChange(on, true));
                }
                if (off <= now) {
                    log.add(new DriverEnableChange(off, false));
                }
            }
        }
        return log;
    }
}
