package io.metermodem.hal.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.time.ScheduledTask;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The real-time scheduler: behaviour only, never wall-clock durations (HAL-8). */
class SystemSchedulerTest {

    private final SystemScheduler scheduler = new SystemScheduler();

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    @DisplayName("HAL-8: a task runs on the daemon thread modem-scheduler")
    void taskRunsOnSchedulerThread() throws InterruptedException {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);

        ScheduledTask task = scheduler.schedule(Duration.ZERO, () -> {
            ranOn.set(Thread.currentThread());
            ran.countDown();
        });

        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertEquals(SystemScheduler.THREAD_NAME, ranOn.get().getName());
        assertTrue(ranOn.get().isDaemon());
        Await.until("task done", task::isDone);
    }

    @Test
    @DisplayName("HAL-8: tasks run in order of due time, not of scheduling")
    void dueOrder() throws InterruptedException {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);

        scheduler.schedule(Duration.ofMillis(300), () -> {
            order.add("late");
            both.countDown();
        });
        scheduler.schedule(Duration.ofMillis(30), () -> {
            order.add("early");
            both.countDown();
        });

        assertTrue(both.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("early", "late"), order);
    }

    @Test
    @DisplayName("HAL-8: a cancelled task never runs")
    void cancelPreventsRun() throws InterruptedException {
        AtomicInteger cancelledRuns = new AtomicInteger();
        CountDownLatch sentinel = new CountDownLatch(1);
        ScheduledTask task = scheduler.schedule(Duration.ofMillis(20), cancelledRuns::incrementAndGet);

        assertTrue(task.cancel());
        scheduler.schedule(Duration.ofMillis(40), sentinel::countDown);

        assertTrue(sentinel.await(10, TimeUnit.SECONDS));
        assertEquals(0, cancelledRuns.get());
        assertTrue(task.isDone());
        assertFalse(task.cancel());
    }

    @Test
    @DisplayName("HAL-8: a failing task is logged and the fixed-rate schedule goes on")
    void failingTaskDoesNotStopScheduler() throws InterruptedException {
        CountDownLatch threeRuns = new CountDownLatch(3);

        ScheduledTask periodic = scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(5), () -> {
            threeRuns.countDown();
            throw new IllegalStateException("boom (expected by the test)");
        });

        assertTrue(threeRuns.await(10, TimeUnit.SECONDS));
        assertTrue(periodic.cancel());
        CountDownLatch after = new CountDownLatch(1);
        scheduler.execute(after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("HAL-8: a task scheduled at a deadline of nanoTime runs; dueNanos reports it")
    void scheduleAtDeadline() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        long deadline = scheduler.nanoTime() + 1_000_000;

        ScheduledTask task = scheduler.scheduleAt(deadline, ran::countDown);

        assertEquals(deadline, task.dueNanos());
        assertTrue(ran.await(10, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("HAL-8: a closed scheduler refuses new tasks and a zero or negative period is refused")
    void closedAndBadPeriod() {
        assertThrows(IllegalArgumentException.class,
                () -> scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ZERO, () -> { }));

        scheduler.close();

        assertTrue(scheduler.isClosed());
        assertThrows(IllegalStateException.class, () -> scheduler.schedule(Duration.ZERO, () -> { }));
    }
}
