package io.metermodem.hal.mock;

import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} in virtual time: the clock stands still until {@link #advance(Duration)} (or
 * {@link #advanceTo(long)}, {@link #runDueTasks()}) moves it, and due tasks then run on the calling
 * thread, in order of due time, tasks due at the same time in the order they were scheduled. While a
 * task runs, {@link #nanoTime()} reads exactly its due time. No thread of its own is ever started.
 *
 * <p>Scheduling is thread-safe, so code blocked on another thread (a serial read with a timeout) can
 * be woken by tasks; only one thread should advance time.
 *
 * <p>A task that throws stops the advance: the exception reaches the caller of {@code advance} and
 * the clock stays at that task's due time.
 */
public final class VirtualScheduler implements Scheduler {

    /** Wall-clock instant that virtual time zero stands for, unless the builder says otherwise. */
    public static final Instant DEFAULT_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private static final long RUNAWAY_LIMIT = 50_000_000L;

    private final Instant epoch;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long sequence;
    private int waiters;

    /** A scheduler at virtual time zero, standing for {@link #DEFAULT_EPOCH}. */
    public VirtualScheduler() {
        this(DEFAULT_EPOCH);
    }

    /** @param epoch the wall-clock instant virtual time zero stands for */
    public VirtualScheduler(Instant epoch) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public Instant instant() {
        return epoch.plusNanos(nanoTime());
    }

    /** @return the virtual time elapsed since zero */
    public Duration elapsed() {
        return Duration.ofNanos(nanoTime());
    }

    @Override
    public ScheduledTask schedule(Duration delay, Runnable task) {
        synchronized (this) {
            return add(now + Math.max(0, delay.toNanos()), 0, task);
        }
    }

    @Override
    public synchronized ScheduledTask scheduleAt(long deadlineNanos, Runnable task) {
        return add(Math.max(now, deadlineNanos), 0, task);
    }

    @Override
    public synchronized ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        long periodNanos = period.toNanos();
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        return add(now + Math.max(0, initialDelay.toNanos()), periodNanos, task);
    }

    private Task add(long due, long period, Runnable action) {
        Task task = new Task(this, due, sequence++, period, Objects.requireNonNull(action, "task"));
        queue.add(task);
        wakeWaiters();
        return task;
    }

    /**
     * Moves time forward by {@code duration}, running every task that falls due on the way,
     * including tasks those tasks schedule within the window.
     *
     * @param duration how far; must not be negative
     * @return the number of tasks run
     */
    public long advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go back: " + duration);
        }
        return advanceTo(nanoTime() + duration.toNanos());
    }

    /**
     * Moves time forward to {@code targetNanos}, running due tasks on the way.
     *
     * @param targetNanos the time to reach; must not be before now
     * @return the number of tasks run
     */
    public long advanceTo(long targetNanos) {
        synchronized (this) {
            if (targetNanos < now) {
                throw new IllegalArgumentException("time cannot go back from " + now + " to " + targetNanos);
            }
        }
        long ran = 0;
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > targetNanos) {
                    now = targetNanos;
                    wakeWaiters();
                    return ran;
                }
                queue.poll();
                now = next.due;
            }
            next.run();
            if (++ran > RUNAWAY_LIMIT) {
                throw new IllegalStateException("more than " + RUNAWAY_LIMIT
                        + " tasks in one advance: a task keeps rescheduling itself without delay");
            }
        }
    }

    /**
     * Runs the tasks due now without moving time.
     *
     * @return the number of tasks run
     */
    public long runDueTasks() {
        return advanceTo(nanoTime());
    }

    /**
     * Advances to the next due task and runs everything due then, repeatedly, until no task is left
     * or {@code limit} of virtual time has passed.
     *
     * @param limit the most virtual time to let pass
     * @return the number of tasks run
     */
    public long runUntilIdle(Duration limit) {
        long end = nanoTime() + limit.toNanos();
        long ran = 0;
        while (true) {
            long due = nextDueNanos();
            if (due < 0 || due > end) {
                return ran;
            }
            ran += advanceTo(due);
        }
    }

    /** @return the due time of the earliest pending task, or -1 when none is pending */
    public synchronized long nextDueNanos() {
        Task next = queue.peek();
        return next == null ? -1 : next.due;
    }

    /** @return the number of tasks waiting to run */
    public synchronized int pendingTasks() {
        return queue.size();
    }

    /**
     * Waits on the calling thread until {@code condition} holds, re-checking whenever time moves or a
     * task is scheduled. For code blocked on a thread other than the one that advances time.
     *
     * @param condition what to wait for; evaluated while holding this scheduler's lock
     * @throws InterruptedException if the thread is interrupted
     */
    public synchronized void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        waiters++;
        try {
            while (!condition.getAsBoolean()) {
                wait();
            }
        } finally {
            waiters--;
        }
    }

    /** Wakes threads in {@link #awaitCondition}: call after changing what they wait for. */
    public synchronized void signalWaiters() {
        notifyAll();
    }

    // notifyAll() inflates the monitor even when nobody waits, which costs more than the rest of a
    // serial character's delivery: notify only when a thread is actually in awaitCondition.
    private void wakeWaiters() {
        if (waiters > 0) {
            notifyAll();
        }
    }

    private synchronized void reschedule(Task task) {
        task.due += task.period;
        task.seq = sequence++;
        queue.add(task);
    }

    private synchronized boolean remove(Task task) {
        return queue.remove(task);
    }

    private static final class Task implements ScheduledTask, Comparable<Task> {
        private long due;
        private long seq;
        private final long period;
        private final Runnable action;
        private volatile boolean done;

        Task(VirtualScheduler owner, long due, long seq, long period, Runnable action) {
            this.owner = owner;
            this.due = due;
            this.seq = seq;
            this.period = period;
            this.action = action;
        }

        void run() {
            if (done) {
                return;
            }
            if (period == 0) {
                done = true;
            }
            action.run();
            if (period > 0 && !done) {
                owner.reschedule(this);
            }
        }

        private final VirtualScheduler owner;

        @Override
        public boolean cancel() {
            if (done) {
                return false;
            }
            done = true;
            owner.remove(this);
            return true;
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public long dueNanos() {
            return due;
        }

        @Override
        public int compareTo(Task other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(seq, other.seq);
        }
    }
}
