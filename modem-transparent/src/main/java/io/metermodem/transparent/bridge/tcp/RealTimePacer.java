package io.metermodem.transparent.bridge.tcp;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a virtual-time scheduler in real time, so that a firmware built on the in-memory board
 * (virtual time) can serve real TCP connections, e.g. {@code ./modem run} with the mock board.
 *
 * <p>Besides the Pi binding's {@code SystemScheduler}, this is the only main code that reads
 * {@code System.nanoTime()}: it is the real-time driver. Its thread repeatedly moves virtual time
 * to {@code start + elapsed real time} and parks
 * for one tick (1 ms by default), so tasks run at most a tick late and in virtual-time order; all of
 * them run on the pacer's thread, which is then the modem's scheduler thread. A task that throws is
 * logged and the pacing goes on.
 *
 * <p>It does not depend on the mock HAL: give it the virtual scheduler's clock and advance method.
 * <pre>{@code
 * VirtualScheduler virtual = board.scheduler();
 * try (RealTimePacer pacer = new RealTimePacer(virtual::nanoTime, virtual::advanceTo, Duration.ofMillis(1))) {
 *     pacer.start();
 *     ...   // drivers post work with virtual.execute(...)
 * }
 * }</pre>
 */
public final class RealTimePacer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealTimePacer.class);
    /** How many task failures {@link #failures()} keeps. */
    public static final int MAX_FAILURES_KEPT = 16;

    private final LongSupplier virtualNanos;
    private final LongConsumer advanceTo;
    private final long tickNanos;
    private volatile boolean running;
    private Thread thread;
    private final java.util.Deque<RuntimeException> failures = new java.util.ArrayDeque<>();

    /**
     * @param virtualNanos the virtual clock, e.g. {@code scheduler::nanoTime}
     * @param advanceTo    moves virtual time to the given nanoseconds running due tasks, e.g.
     *                     {@code scheduler::advanceTo}
     * @param tick         how often time is moved, 100 µs..1 s
     * @throws IllegalArgumentException if an argument is missing or the tick out of range
     */
    public RealTimePacer(LongSupplier virtualNanos, LongConsumer advanceTo, Duration tick) {
        if (virtualNanos == null || advanceTo == null || tick == null) {
            throw new IllegalArgumentException("virtualNanos, advanceTo and tick are required");
        }
        if (tick.compareTo(Duration.ofNanos(100_000)) < 0 || tick.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("tick " + tick + " outside 100 µs..1 s");
        }
        this.virtualNanos = virtualNanos;
        this.advanceTo = advanceTo;
        this.tickNanos = tick.toNanos();
    }

    /**
     * Starts pacing on a new daemon thread; virtual time then runs at real speed from its current value.
     *
     * @throws IllegalStateException if already started
     */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("pacer already started");
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("real-time-pacer").start(this::pace);
    }

    /** @return the latest failures of scheduler tasks (at most {@value #MAX_FAILURES_KEPT}), oldest first; tests assert it is empty */
    public java.util.List<RuntimeException> failures() {
        synchronized (failures) {
            return java.util.List.copyOf(failures);
        }
    }

    /** @return whether the pacer is running */
    public boolean isRunning() {
        return running;
    }

    private void pace() {
        long realStart = System.nanoTime();
        long virtualStart = virtualNanos.getAsLong();
        while (running) {
            long target = virtualStart + (System.nanoTime() - realStart);
            try {
                if (target > virtualNanos.getAsLong()) {
                    advanceTo.accept(target);
                }
            } catch (RuntimeException e) {
                LOG.error("a scheduler task failed; pacing goes on", e);
                synchronized (failures) {
                    if (failures.size() == MAX_FAILURES_KEPT) {
                        failures.removeFirst();
                    }
                    failures.addLast(e);
                }
            }
            LockSupport.parkNanos(tickNanos);
        }
    }

    /**
     * Stops pacing and waits until the current advance finished, so no task runs after this returns.
     * Closing twice is harmless.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        LockSupport.unpark(t);
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
