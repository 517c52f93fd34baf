package io.metermodem.hal.pi;

import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Scheduler} (HAL-8): real time, one daemon platform thread named
 * {@code modem-scheduler}. This is the one place of the SDK's main code that reads real time:
 * {@link #nanoTime()} is {@link System#nanoTime()} and {@link #instant()} the system clock.
 *
 * <p>Tasks run one at a time, in order of due time; tasks due at the same time run in the order
 * they were scheduled (the executor breaks ties by submission sequence). Tasks handed to
 * {@link #execute(Runnable)} run in the order they were handed over, and, when no task is running,
 * at once on the calling thread: an I/O thread that posts received bytes then runs the state machine
 * itself instead of waking the scheduler thread, which saves two thread wake-ups per round trip
 * through the transparent bridge. Either way no two tasks ever overlap. Such a task runs inside
 * the caller's locks; a caller never waits for a running task (it queues its task and returns),
 * so this cannot deadlock with a task that waits for one of those locks. A task that throws is
 * logged and does not stop the scheduler, nor further runs of a fixed-rate task (a bare
 * {@link ScheduledThreadPoolExecutor} would silently cancel it).
 *
 * <pre>{@code
 * try (SystemScheduler scheduler = new SystemScheduler()) {
 *     scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ofSeconds(1), watchdog::ping);
 *     ...
 * }
 * }</pre>
 */
public final class SystemScheduler implements Scheduler, AutoCloseable {

    /** Name of the scheduler's thread, as seen in thread dumps. */
    public static final String THREAD_NAME = "modem-scheduler";

    private static final Logger LOG = LoggerFactory.getLogger(SystemScheduler.class);

    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;
    /** One permit: held by whichever thread runs a task of this scheduler. Not reentrant on purpose. */
    private final Semaphore turn = new Semaphore(1);
    /** Tasks handed to execute(), in order. */
    private final ConcurrentLinkedQueue<Runnable> immediate = new ConcurrentLinkedQueue<>();

    /** Starts a scheduler; its thread is created on the first task and is a daemon. */
    public SystemScheduler() {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = Thread.ofPlatform().name(THREAD_NAME).daemon(true).unstarted(runnable);
            thread = t;
            return t;
        });
        // Cancelled tasks leave the queue at once, so cancelling many timers leaks nothing.
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public ScheduledTask schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        long delayNanos = Math.max(0, delay.toNanos());
        long due = System.nanoTime() + delayNanos;
        return submit(() -> executor.schedule(exclusive(task), delayNanos, TimeUnit.NANOSECONDS), due, false);
    }

    @Override
    public ScheduledTask scheduleAt(long deadlineNanos, Runnable task) {
        Objects.requireNonNull(task, "task");
        long delayNanos = Math.max(0, deadlineNanos - System.nanoTime());
        return submit(() -> executor.schedule(exclusive(task), delayNanos, TimeUnit.NANOSECONDS), deadlineNanos, false);
    }

    @Override
    public ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(task, "task");
        long periodNanos = period.toNanos();
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        long delayNanos = Math.max(0, initialDelay.toNanos());
        long due = System.nanoTime() + delayNanos;
        return submit(() -> executor.scheduleAtFixedRate(exclusive(task), delayNanos, periodNanos, TimeUnit.NANOSECONDS),
                due, true);
    }

    /**
     * Runs {@code task} as soon as possible: on the calling thread if no task of this scheduler is
     * running, otherwise right after the running one (and those handed over before it) finishes.
     * A task that calls {@code execute} itself never runs the new task nested: it runs after it.
     *
     * @param task the work
     * @throws IllegalStateException if the scheduler is closed
     */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (executor.isShutdown()) {
            throw new IllegalStateException("scheduler is closed");
        }
        immediate.add(task);
        drainIfFree();
    }

    /** Runs the queued immediate tasks if no task is running; re-checks after letting go so none is stranded. */
    private void drainIfFree() {
        while (!immediate.isEmpty() && turn.tryAcquire()) {
            try {
                runImmediate();
            } finally {
                turn.release();
            }
        }
    }

    private void runImmediate() {
        Runnable next;
        while ((next = immediate.poll()) != null && !executor.isShutdown()) {
            guarded(next).run();
        }
    }

    /** Wraps a timed task so that it takes its turn like every other task, then runs what was handed over meanwhile. */
    private Runnable exclusive(Runnable task) {
        Runnable safe = guarded(task);
        return () -> {
            turn.acquireUninterruptibly();
            try {
                safe.run();
                runImmediate();
            } finally {
                turn.release();
            }
            drainIfFree();
        };
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return executor.isShutdown();
    }

    /**
     * Stops the scheduler: pending tasks are dropped, a task running now finishes. When called from
     * another thread, waits up to one second for that task. Closing twice is harmless.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        if (Thread.currentThread() != thread) {
            try {
                if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                    LOG.warn("{}: a task was still running one second after close", THREAD_NAME);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ScheduledTask submit(java.util.function.Supplier<ScheduledFuture<?>> scheduling, long due, boolean periodic) {
        try {
            return new Handle(scheduling.get(), due, periodic);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("scheduler is closed", e);
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // Keep the thread and the periodic schedule alive: one failing LED rhythm or timer
                // must not stop every other state machine of the modem.
                LOG.error("scheduled task {} failed", task, e);
            }
        };
    }

    /** Handle over an executor future; the due time is read back from the future's delay. */
    private static final class Handle implements ScheduledTask {
        private final ScheduledFuture<?> future;
        private final long firstDue;
        private final boolean periodic;

        Handle(ScheduledFuture<?> future, long firstDue, boolean periodic) {
            this.future = future;
            this.firstDue = firstDue;
            this.periodic = periodic;
        }

        @Override
        public boolean cancel() {
            return future.cancel(false);
        }

        @Override
        public boolean isDone() {
            return future.isDone();
        }

        @Override
        public long dueNanos() {
            if (!periodic || future.isDone()) {
                return firstDue;
            }
            return System.nanoTime() + future.getDelay(TimeUnit.NANOSECONDS);
        }
    }
}
