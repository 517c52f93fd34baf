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
import org.junit.jupiter.api.Timeout;

/** The real-time scheduler: behaviour only, never wall-clock durations (HAL-8). */
// A safety net against a hang in the real-time scheduler; not a speed assertion.
@Timeout(value = 2, unit = TimeUnit.MINUTES)
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
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch sentinel = new CountDownLatch(1);
        // Hold the scheduler's thread, so the task below is certainly still pending when cancelled
        // (with a short delay alone, a loaded machine could run it before cancel() is reached).
        scheduler.schedule(Duration.ofMillis(1), () -> {
            busy.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        ScheduledTask task = scheduler.schedule(Duration.ofMillis(5), cancelledRuns::incrementAndGet);

        assertTrue(task.cancel());
        scheduler.schedule(Duration.ofMillis(40), sentinel::countDown);
        release.countDown();

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

    @Test
    @DisplayName("HAL-8: tasks handed to execute from two threads run in each thread's order and never overlap a timed task")
    void executeRunsInOrderWithoutOverlap() throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.List<Integer> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        int perThread = 2_000;
        CountDownLatch done = new CountDownLatch(2 * perThread);
        Runnable[] workers = new Runnable[2];
        for (int w = 0; w < 2; w++) {
            int worker = w;
            workers[w] = () -> {
                for (int i = 0; i < perThread; i++) {
                    int n = worker * perThread + i;
                    scheduler.execute(() -> {
                        if (inside.incrementAndGet() != 1) {
                            overlapped.set(true);
                        }
                        order.add(n);
                        inside.decrementAndGet();
                        done.countDown();
                    });
                }
            };
        }
        Thread a = Thread.ofPlatform().start(workers[0]);
        Thread b = Thread.ofPlatform().start(workers[1]);
        // A timed task competing for the turn at the same time.
        scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ofNanos(50_000), () -> {
            if (inside.incrementAndGet() != 1) {
                overlapped.set(true);
            }
            inside.decrementAndGet();
        });
        a.join();
        b.join();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(false, overlapped.get(), "two tasks ran at the same time");
        for (int w = 0; w < 2; w++) {
            int worker = w;
            java.util.List<Integer> mine = order.stream().filter(n -> n / perThread == worker).toList();
            java.util.List<Integer> sorted = new java.util.ArrayList<>(mine);
            java.util.Collections.sort(sorted);
            assertEquals(sorted, mine, "tasks of one thread ran out of order");
        }
    }

    @Test
    @DisplayName("HAL-8: on an idle scheduler a handed-over task runs at once on the calling thread")
    void idleExecuteRunsInline() {
        try (SystemScheduler idle = new SystemScheduler()) {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            idle.execute(() -> ranOn.set(Thread.currentThread()));
            assertEquals(Thread.currentThread(), ranOn.get());
        }
    }

    @Test
    @DisplayName("HAL-8: a task that hands over another one sees it run after itself, not nested inside")
    void executeFromATaskIsNotNested() throws InterruptedException {
        java.util.List<String> log = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        scheduler.execute(() -> {
            log.add("outer start");
            scheduler.execute(() -> {
                log.add("inner");
                done.countDown();
            });
            log.add("outer end");
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(java.util.List.of("outer start", "outer end", "inner"), log);
    }
}
