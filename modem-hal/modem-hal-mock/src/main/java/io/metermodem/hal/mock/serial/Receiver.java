package io.metermodem.hal.mock.serial;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.Parity;
import io.metermodem.hal.time.ScheduledTask;

/**
 * The UART receiver of a port on one {@link Line} (HAL-1). It decodes the line's waveform with its
 * own port's settings, as hardware does: hunt for a falling edge, check the start bit at mid-bit,
 * sample each data bit, the parity bit and the stop bit at the middle of the bit, then hunt again
 * from the stop bit sample. When the edge is the start of a character sent at the receiver's own
 * settings on an otherwise quiet line, sampling would return the sent bits unchanged, so the
 * character is taken as it is (fast path) and runs of such characters are delivered in one go.
 *
 * <p>A character is delivered when the receiver has finished its frame. Receivers of ports without
 * a listener or a waiting reader are settled lazily when someone looks; the others have one
 * scheduler task that runs at the next delivery time.
 */
final class Receiver {

    static final long NONE = Long.MAX_VALUE;

    final MockSerialPort port;
    final Line line;
    /** The port's own transmitter on the same line (two-wire RS485), or null. */
    final Transmitter ownTx;
    double huntFrom = Double.NEGATIVE_INFINITY;
    private ScheduledTask pushTask;
    private long pushDue;
    private final byte[] single = new byte[1];
    private byte[] scratch;

    Receiver(MockSerialPort port, Line line, Transmitter ownTx) {
        this.port = port;
        this.line = line;
        this.ownTx = ownTx;
    }

    /** The port opened: it hunts from now on. */
    void startHunting(long now) {
        huntFrom = Math.max(huntFrom, now);
    }

    /**
     * Decodes and delivers everything the receiver has finished by {@code now}.
     *
     * @param now the time; {@code Long.MIN_VALUE} for a dry run that only computes the next delivery
     * @return when the next character or error will be ready, or {@link #NONE}
     */
    long settle(long now) {
        boolean dry = now == Long.MIN_VALUE;
        LineSettings rx = port.isOpen() ? port.settings() : null;
        if (rx == null) {
            if (!dry) {
                huntFrom = Math.max(huntFrom, now);
                line.retire(now);
            }
            return NONE;
        }
        FrameFormat f = rx.format();
        double b = rx.bitNanos();
        int d = f.dataBits();
        int p = f.parity() == Parity.NONE ? 0 : 1;
        double stopSample = 1.5 + d + p;
        double frame = f.frameBits() * b;
        long next = NONE;
        while (true) {
            double e = line.nextEdge(huntFrom, true, this);
            if (Double.isNaN(e)) {
                if (!dry) {
                    huntFrom = Math.max(huntFrom, now);
                }
                break;
            }
            if (line.simpleFor(this)) {
                Transmitter tx = line.transmitters.get(0);
                Segment s = tx.hitSeg;
                long seq = tx.hitSeq;
                if (tx.hitBit == 0 && !s.isBreak && seq < s.endSeq && s.settings.equals(rx)
                        && tx.nextMasked(seq) != seq) {
                    long limit = Math.min(s.endSeq, tx.nextMasked(seq));
                    long due = Math.round(s.charEnd(triggerSeq(seq, limit)));
                    if (due > now) {
                        next = due;
                        break;
                    }
                    long k = seq + 1;
                    if (limit - seq > 8) {
                        // jump close to the last due character, then correct by exact checks
                        long guess = s.originSeq + (long) ((now - s.start) / s.frameNanos) - 1;
                        k = Math.max(k, Math.min(limit, guess));
                        while (k > seq + 1 && Math.round(s.charEnd(k - 1)) > now) {
                            k--;
                        }
                    }
                    while (k < limit && Math.round(s.charEnd(k)) <= now) {
                        k++;
                    }
                    huntFrom = s.charStart(k - 1) + (s.frameBits - f.stopBits().count() + 0.5) * b;
                    deliverRun(tx, s, seq, (int) (k - seq));
                    if (k < limit && k < s.endSeq && s.settings.equals(port.settingsIfOpen())) {
                        // the next character follows back to back in the same clean burst: its start
                        // bit is the next edge, so its delivery time is known without a search
                        next = Math.round(s.charEnd(triggerSeq(k, limit)));
                        break;
                    }
                    continue;
                }
            }
            long due = Math.round(e + frame);
            if (due > now) {
                next = due;
                break;
            }
            if (line.level(e + 0.5 * b, false, this) == 1) {
                huntFrom = e + 0.5 * b; // a glitch, not a start bit
                continue;
            }
            int data = 0;
            for (int k = 0; k < d; k++) {
                data |= line.level(e + (1.5 + k) * b, false, this) << k;
            }
            int parityBit = p == 0 ? 0 : line.level(e + (1.5 + d) * b, false, this);
            int stop = line.level(e + stopSample * b, false, this);
            if (stop == 0 && data == 0 && parityBit == 0) {
                double rise = line.nextEdge(e, false, this);
                if (Double.isNaN(rise) || rise >= e + frame) {
                    huntFrom = Double.isNaN(rise) ? e + frame : rise;
                    port.lineError(LineErrorKind.BREAK, due, -1);
                    continue;
                }
            }
            huntFrom = e + stopSample * b;
            single[0] = (byte) data;
            port.received(single, 0, 1, due);
            if (p == 1 && parityBit != f.parity().bitFor(data, d)) {
                port.lineError(LineErrorKind.PARITY, due, data);
            }
            if (stop == 0) {
                port.lineError(LineErrorKind.FRAMING, due, data);
            }
        }
        if (!dry) {
            line.retire(now);
        }
        return next;
    }

    /**
     * The character whose arrival hands the pending run to the port: the FIFO trigger level's worth
     * after {@code seq}, or the last one of the clean run (the line then falls idle).
     */
    private long triggerSeq(long seq, long limit) {
        return Math.min(seq + port.fifoTriggerLevel() - 1, limit - 1);
    }

    private void deliverRun(Transmitter tx, Segment s, long seq, int n) {
        int room = port.receiveRoom();
        int take = Math.min(room, n);
        if (take > 0) {
            long lastDue = Math.round(s.charEnd(seq + take - 1));
            if (s.settings.format().dataBits() == 8) {
                byte[] ring = tx.ring();
                int at = tx.ringIndex(seq);
                int first = Math.min(take, ring.length - at);
                port.received(ring, at, first, lastDue);
                if (take > first) {
                    port.received(ring, 0, take - first, lastDue);
                }
            } else {
                // 7 data bits: bit 7 of the written byte never went on the wire
                if (scratch == null) {
                    scratch = new byte[256];
                }
                for (int done = 0; done < take; ) {
                    int chunk = Math.min(scratch.length, take - done);
                    for (int i = 0; i < chunk; i++) {
                        scratch[i] = (byte) (tx.byteAt(seq + done + i) & 0x7F);
                    }
                    port.received(scratch, 0, chunk, lastDue);
                    done += chunk;
                }
            }
        }
        for (long q = seq + take; q < seq + n; q++) {
            port.lineError(LineErrorKind.OVERRUN, Math.round(s.charEnd(q)), -1);
        }
    }

    /** Arms (or re-arms) the delivery task when the port has a listener or a waiting reader. */
    void rearm() {
        rearm(port.pushesDeliveries() ? settle(Long.MIN_VALUE) : NONE);
    }

    private void rearm(long due) {
        if (due == NONE || !port.pushesDeliveries()) {
            cancel();
            return;
        }
        if (pushTask != null && !pushTask.isDone() && pushDue <= due) {
            return; // an earlier run re-arms itself
        }
        cancel();
        pushDue = due;
        pushTask = line.scheduler.scheduleAt(due, this::run);
    }

    void cancel() {
        if (pushTask != null) {
            pushTask.cancel();
            pushTask = null;
        }
    }

    private void run() {
        synchronized (line.lock) {
            pushTask = null;
            long due = settle(line.scheduler.nanoTime());
            if (port.hasWaitingReaders()) {
                line.lock.notifyAll();
            }
            rearm(due);
        }
    }
}
