package io.metermodem.transparent.interop;

import io.metermodem.hal.mock.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link VirtualScheduler} in real time: a single daemon thread advances it, every tick,
 * to the virtual start plus the real time elapsed since {@link #start}. Needed when a peer outside
 * virtual time (a TCP client on the wall clock) talks to code on the mock board. The pacer is the
 * only thread that advances the scheduler; others hand work to it with {@code scheduler.execute}.
 *
 * <p>A task that throws stops that tick's advance (the scheduler's rule); the pacer records the
 * error, carries on with the next tick, and reports it in {@link #failures()}.
 */
public final class RealTimePacer implements AutoCloseable {

    private final VirtualScheduler scheduler;
    private final ScheduledExecutorService ticker;
    private final long virtualStart;
    private final long realStart;
    private final List<Throwable> failures = new ArrayList<>();

    private RealTimePacer(VirtualScheduler scheduler, Duration tick) {
        this.scheduler = scheduler;
        this.virtualStart = scheduler.nanoTime();
        this.realStart = System.nanoTime();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "virtual-time-pacer");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, tick.toNanos());
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
    }

    /**
     * Starts pacing.
     *
     * @param scheduler the scheduler to drive; nobody else may advance it meanwhile
     * @param tick      how often to catch up (1 ms keeps 9600 baud characters on time)
     * @return the running pacer
     */
    public static RealTimePacer start(VirtualScheduler scheduler, Duration tick) {
        return new RealTimePacer(Objects.requireNonNull(scheduler, "scheduler"), Objects.requireNonNull(tick, "tick"));
    }

    private void tick() {
        try {
            long target = virtualStart + (System.nanoTime() - realStart);
            if (target > scheduler.nanoTime()) {
                scheduler.advanceTo(target);
            }
        } catch (RuntimeException | Error e) {
            // an exception out of scheduleAtFixedRate's task would silently stop all later ticks
            synchronized (failures) {
                failures.add(e);
            }
        }
    }

    /** @return errors thrown by scheduler tasks so far, oldest first */
    public List<Throwable> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** Stops pacing and waits (up to a second) for a tick in progress to finish. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
