package io.metermodem.led;

import io.metermodem.hal.gpio.DigitalOutput;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.util.Objects;

/**
 * Plays one {@link LedPattern} at a time on a {@link DigitalOutput}, in the time of a HAL
 * {@link Scheduler}.
 *
 * <p>It never polls: while a cyclic pattern plays, exactly one task is pending on the scheduler, due
 * at the next level change. Each due time is computed from the pattern's start
 * ({@code start + sum of the segments so far}), not from the moment the previous task ran, so a late
 * wake-up on a real scheduler does not make the rhythm drift. A steady pattern sets the level and
 * schedules nothing. {@link #play} with the pattern already playing changes nothing (the rhythm keeps
 * its phase); with another pattern it cancels the pending wake-up and starts the new one at once.
 *
 * <p>Thread-safe; the scheduler's tasks and callers synchronise on this player.
 */
public final class LedPlayer {

    private final DigitalOutput output;
    private final Scheduler scheduler;

    private LedPattern pattern = LedPattern.OFF;
    private ScheduledTask pending;
    /** Index of the segment now playing. */
    private int segment;
    /** Due time of the end of the segment now playing. */
    private long segmentEndNanos;
    private long wakeUps;

    /**
     * A player that starts with the output off.
     *
     * @param output    the LED line
     * @param scheduler the modem's scheduler
     */
    public LedPlayer(DigitalOutput output, Scheduler scheduler) {
        this.output = Objects.requireNonNull(output, "output");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        output.set(false);
    }

    /**
     * Plays {@code next} from now on; harmless when it is playing already.
     *
     * @param next the pattern
     */
    public synchronized void play(LedPattern next) {
        Objects.requireNonNull(next, "next");
        if (next.equals(pattern)) {
            return;
        }
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        pattern = next;
        output.set(next.initialLevel());
        if (!next.isSteady()) {
            segment = 0;
            segmentEndNanos = scheduler.nanoTime() + next.segmentNanos(0);
            pending = scheduler.scheduleAt(segmentEndNanos, () -> advance(next));
        }
    }

    private synchronized void advance(LedPattern expected) {
        if (expected != pattern) {
            return; // a pattern change raced with this wake-up; the new pattern has its own task
        }
        wakeUps++;
        segment = (segment + 1) % pattern.segmentCount();
        output.set((segment & 1) == 0);
        segmentEndNanos += pattern.segmentNanos(segment);
        pending = scheduler.scheduleAt(segmentEndNanos, () -> advance(expected));
    }

    /** @return the pattern playing now */
    public synchronized LedPattern pattern() {
        return pattern;
    }

    /** @return the output this player drives */
    public DigitalOutput output() {
        return output;
    }

    /** @return scheduler wake-ups this player has had since it was made */
    public synchronized long wakeUps() {
        return wakeUps;
    }

    /** @return whether a wake-up is pending (only while a cyclic pattern plays) */
    public synchronized boolean hasPendingWakeUp() {
        return pending != null && !pending.isDone();
    }

    /** Cancels the pending wake-up and turns the LED off. */
    public synchronized void stop() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        pattern = LedPattern.OFF;
        output.set(false);
    }
}
