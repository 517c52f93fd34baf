package io.metermodem.testkit.meter;

import io.metermodem.hal.serial.LineError;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.time.Scheduler;
import java.util.function.Consumer;

/**
 * The receive side shared by the simulated meters: a {@link SerialListener} that stores what the
 * UART decoded, marks characters that arrived with a line error, and hands everything to the meter
 * in a scheduler task of its own.
 *
 * <p>Why not act in {@code onData}: the port reports a parity or framing error just after the
 * character concerned, and on the mock wire the listener runs while the wire is being settled, so
 * writing or reconfiguring from inside it would re-enter the wire. Deferring by one scheduler task
 * (same virtual instant) sees each character together with its error and acts outside the wire.
 *
 * <p>Bounded: at most {@link #CAPACITY} entries wait; beyond that characters are dropped and an
 * error entry stands for them, exactly like a UART overrun.
 */
final class LineInbox implements SerialListener {

    /** Most entries waiting for the meter. */
    static final int CAPACITY = 8192;
    /** Entry flag: the character arrived with a line error (or stands for a lost character). */
    static final int DAMAGED = 0x100;

    private final Scheduler scheduler;
    private final Consumer<int[]> sink;
    private final int[] entries = new int[CAPACITY];
    private int size;
    private boolean drainScheduled;

    /**
     * @param scheduler runs the hand-over task
     * @param sink      gets the entries: bits 0..7 the character, {@link #DAMAGED} when it is garbage
     */
    LineInbox(Scheduler scheduler, Consumer<int[]> sink) {
        this.scheduler = scheduler;
        this.sink = sink;
    }

    @Override
    public void onData(byte[] data, int offset, int length) {
        synchronized (this) {
            for (int i = 0; i < length; i++) {
                add(data[offset + i] & 0xFF);
            }
            scheduleDrain();
        }
    }

    @Override
    public void onLineError(LineError error) {
        synchronized (this) {
            switch (error.kind()) {
                // the character concerned was delivered just before: mark it
                case PARITY, FRAMING -> {
                    if (size > 0 && (entries[size - 1] & 0xFF) == error.character()) {
                        entries[size - 1] |= DAMAGED;
                    } else {
                        add(DAMAGED);
                    }
                }
                // no character delivered: a placeholder breaks the message in progress
                case OVERRUN, BREAK -> add(DAMAGED);
            }
            scheduleDrain();
        }
    }

    private void add(int entry) {
        if (size < CAPACITY) {
            entries[size++] = entry;
        } else {
            entries[CAPACITY - 1] |= DAMAGED;
        }
    }

    private void scheduleDrain() {
        if (!drainScheduled) {
            drainScheduled = true;
            scheduler.execute(this::drain);
        }
    }

    private void drain() {
        int[] batch;
        synchronized (this) {
            drainScheduled = false;
            batch = java.util.Arrays.copyOf(entries, size);
            size = 0;
        }
        if (batch.length > 0) {
            sink.accept(batch);
        }
    }
}
