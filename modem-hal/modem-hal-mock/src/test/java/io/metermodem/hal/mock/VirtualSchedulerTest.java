package io.metermodem.hal.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.time.ScheduledTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<String> log = new ArrayList<>();

    @Test
    @DisplayName("HAL-8: time stands still until the test advances it")
    void timeStandsStill() {
        scheduler.schedule(Duration.ofSeconds(1), () -> log.add("ran"));

        assertEquals(0, scheduler.nanoTime());
        assertEquals(List.of(), log);
        assertEquals(1, scheduler.pendingTasks());
        assertEquals(VirtualScheduler.DEFAULT_EPOCH, scheduler.instant());
    }

    @Test
    @DisplayName("HAL-8: tasks run in order of due time, tasks due together in the order they were scheduled")
    void ordersByDueTimeThenFifo() {
        scheduler.schedule(Duration.ofMillis(30), () -> log.add("c"));
        scheduler.schedule(Duration.ofMillis(10), () -> log.add("a1"));
        scheduler.schedule(Duration.ofMillis(20), () -> log.add("b"));
        scheduler.schedule(Duration.ofMillis(10), () -> log.add("a2"));
        scheduler.scheduleAt(Duration.ofMillis(10).toNanos(), () -> log.add("a3"));

        long ran = scheduler.advance(Duration.ofMillis(30));

        assertEquals(5, ran);
        assertEquals(List.of("a1", "a2", "a3", "b", "c"), log);
    }

    @Test
    @DisplayName("HAL-8: inside a task the clock reads exactly the task's due time")
    void clockReadsDueTimeInsideTask() {
        List<Long> seen = new ArrayList<>();
        scheduler.schedule(Duration.ofMillis(7), () -> seen.add(scheduler.nanoTime()));
        scheduler.schedule(Duration.ofMillis(3), () -> seen.add(scheduler.nanoTime()));

        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(List.of(3_000_000L, 7_000_000L), seen);
        assertEquals(Duration.ofSeconds(1), scheduler.elapsed());
        assertEquals(VirtualScheduler.DEFAULT_EPOCH.plusSeconds(1), scheduler.instant());
    }

    @Test
    @DisplayName("HAL-8: advance runs tasks scheduled by tasks when they fall inside the window, not later ones")
    void nestedTasksInWindow() {
        scheduler.schedule(Duration.ofMillis(100), () -> {
            log.add("outer@" + scheduler.elapsed().toMillis());
            scheduler.schedule(Duration.ofMillis(50), () -> log.add("inner@" + scheduler.elapsed().toMillis()));
            scheduler.schedule(Duration.ofMillis(500), () -> log.add("late"));
            scheduler.execute(() -> log.add("asap@" + scheduler.elapsed().toMillis()));
        });

        scheduler.advance(Duration.ofMillis(200));

        assertEquals(List.of("outer@100", "asap@100", "inner@150"), log);
        assertEquals(1, scheduler.pendingTasks());
        assertEquals(Duration.ofMillis(600).toNanos(), scheduler.nextDueNanos());
    }

    @Test
    @DisplayName("HAL-8: a fixed-rate task runs at initialDelay + k * period, measured from its first due time")
    void fixedRate() {
        List<Long> times = new ArrayList<>();
        scheduler.scheduleAtFixedRate(Duration.ofMillis(100), Duration.ofMillis(250),
                () -> times.add(scheduler.elapsed().toMillis()));

        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(List.of(100L, 350L, 600L, 850L), times);
    }

    @Test
    @DisplayName("HAL-8: a fixed-rate task that cancels itself runs no more")
    void fixedRateCancelsItself() {
        List<Long> times = new ArrayList<>();
        ScheduledTask[] handle = new ScheduledTask[1];
        handle[0] = scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ofSeconds(1), () -> {
            times.add(scheduler.elapsed().toSeconds());
            if (times.size() == 3) {
                handle[0].cancel();
            }
        });

        scheduler.advance(Duration.ofSeconds(10));

        assertEquals(List.of(0L, 1L, 2L), times);
        assertTrue(handle[0].isDone());
        assertEquals(0, scheduler.pendingTasks());
    }

    @Test
    @DisplayName("HAL-8: a cancelled task never runs; cancelling twice or after the run is harmless")
    void cancel() {
        ScheduledTask task = scheduler.schedule(Duration.ofSeconds(1), () -> log.add("never"));
        ScheduledTask other = scheduler.schedule(Duration.ofSeconds(1), () -> log.add("ran"));

        assertTrue(task.cancel());
        assertFalse(task.cancel());
        scheduler.advance(Duration.ofSeconds(2));

        assertEquals(List.of("ran"), log);
        assertTrue(task.isDone());
        assertTrue(other.isDone());
        assertFalse(other.cancel());
        assertEquals(Duration.ofSeconds(1).toNanos(), other.dueNanos());
    }

    @Test
    @DisplayName("HAL-8: an exception in a task reaches the caller of advance and the clock stays at that task")
    void exceptionsPropagate() {
        IllegalStateException boom = new IllegalStateException("boom");
        scheduler.schedule(Duration.ofMillis(10), () -> {
            throw boom;
        });
        scheduler.schedule(Duration.ofMillis(20), () -> log.add("after"));

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> scheduler.advance(Duration.ofSeconds(1)));

        assertSame(boom, thrown);
        assertEquals(Duration.ofMillis(10).toNanos(), scheduler.nanoTime());
        assertEquals(List.of(), log);
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of("after"), log);
    }

    @Test
    @DisplayName("HAL-8: runUntilIdle runs everything within the limit and leaves the clock at the last task")
    void runUntilIdle() {
        scheduler.schedule(Duration.ofSeconds(5), () -> {
            log.add("5s");
            scheduler.schedule(Duration.ofSeconds(5), () -> log.add("10s"));
        });
        scheduler.schedule(Duration.ofMinutes(5), () -> log.add("5min"));

        scheduler.runUntilIdle(Duration.ofMinutes(1));

        assertEquals(List.of("5s", "10s"), log);
        assertEquals(Duration.ofSeconds(10), scheduler.elapsed());
        scheduler.runUntilIdle(Duration.ofHours(1));
        assertEquals(List.of("5s", "10s", "5min"), log);
        assertEquals(-1, scheduler.nextDueNanos());
    }

    @Test
    @DisplayName("HAL-8: runDueTasks runs what is due now without moving time; time cannot go back")
    void runDueTasksAndNoTimeTravel() {
        scheduler.advance(Duration.ofSeconds(1));
        scheduler.execute(() -> log.add("now"));
        scheduler.scheduleAt(0, () -> log.add("past deadline runs now"));

        scheduler.runDueTasks();

        assertEquals(List.of("now", "past deadline runs now"), log);
        assertEquals(Duration.ofSeconds(1), scheduler.elapsed());
        assertThrows(IllegalArgumentException.class, () -> scheduler.advance(Duration.ofNanos(-1)));
        assertThrows(IllegalArgumentException.class, () -> scheduler.advanceTo(0));
        assertThrows(IllegalArgumentException.class,
                () -> scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ZERO, () -> { }));
    }

    @Test
    @DisplayName("HAL-8: a scheduler can stand for any calendar epoch")
    void customEpoch() {
        Instant epoch = Instant.parse("2030-06-01T12:00:00Z");
        VirtualScheduler custom = new VirtualScheduler(epoch);

        custom.advance(Duration.ofMinutes(90));

        assertEquals(epoch.plus(Duration.ofMinutes(90)), custom.instant());
    }
}
