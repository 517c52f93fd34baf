package io.metermodem.hal.time;

import java.time.Duration;

/**
 * Runs tasks at points in time of its {@link Clock}. Tasks of one scheduler never run concurrently
 * with each other and run in order of their due time (tasks due at the same time in the order they
 * were scheduled), so state machines driven only from scheduler tasks need no locks.
 *
 * <p>The production implementation runs tasks on one thread in real time; the mock runs them when a
 * test advances virtual time.
 */
public interface Scheduler extends Clock {

    /**
     * Runs {@code task} once, after {@code delay}.
     *
     * @param delay how long from now; zero or negative means as soon as possible
     * @param task  the work
     * @return a handle to cancel the task
     */
    ScheduledTask schedule(Duration delay, Runnable task);

    /**
     * Runs {@code task} once when {@link #nanoTime()} reaches {@code deadlineNanos}.
     *
     * @param deadlineNanos the due time on this scheduler's clock
     * @param task          the work
     * @return a handle to cancel the task
     */
    ScheduledTask scheduleAt(long deadlineNanos, Runnable task);

    /**
     * Runs {@code task} first after {@code initialDelay}, then every {@code period} measured from the
     * first due time (not from the end of the previous run), until cancelled.
     *
     * @param initialDelay delay before the first run
     * @param period       positive interval between due times
     * @param task         the work
     * @return a handle that cancels all further runs
     */
    ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task);

    /**
     * Runs {@code task} as soon as possible, after the tasks already due now.
     *
     * @param task the work
     */
    default void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }
}
