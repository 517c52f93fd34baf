package io.metermodem.hal.time;

/** A task handed to a {@link Scheduler}: it can be cancelled until it has run. */
public interface ScheduledTask {

    /**
     * Prevents any further run of the task. Cancelling a task that already ran, or twice, is harmless.
     *
     * @return {@code true} if this call stopped a run that was still pending
     */
    boolean cancel();

    /** @return {@code true} once the task was cancelled, or a one-shot task has run */
    boolean isDone();

    /** @return the next due time on the scheduler's clock, in nanoseconds */
    long dueNanos();
}
