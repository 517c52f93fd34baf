package io.metermodem.transparent.bridge.tcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.VirtualScheduler;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real-time pacer that lets the in-memory board serve real TCP connections (TR-1): it runs
 * virtual-time tasks in real time and in order, survives a failing task, stops on close and checks its
 * arguments.
 *
 * <p>The class {@link Timeout} is a safety net against a hang on real sockets or the wall clock,
 * not a speed assertion.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RealTimePacerTest {

    @Test
    @DisplayName("TR-1: the pacer runs virtual-time tasks in real time, in order, and stops on close")
    void pacesVirtualTime() throws InterruptedException {
        VirtualScheduler scheduler = new VirtualScheduler();
        CountDownLatch ran = new CountDownLatch(2);
        StringBuilder order = new StringBuilder();
        scheduler.schedule(Duration.ofMillis(30), () -> {
            order.append('b');
            ran.countDown();
        });
        scheduler.schedule(Duration.ofMillis(10), () -> {
            order.append('a');
            ran.countDown();
        });
        scheduler.schedule(Duration.ofMillis(20), () -> {
            throw new IllegalStateException("a failing task is logged, pacing goes on");
        });
        RealTimePacer pacer = new RealTimePacer(scheduler::nanoTime, scheduler::advanceTo, Duration.ofMillis(1));
        pacer.start();
        try {
            assertTrue(ran.await(10, TimeUnit.SECONDS));
        } finally {
            pacer.close();
        }
        assertFalse(pacer.isRunning());
        assertTrue(order.toString().equals("ab"), order.toString());
        assertTrue(scheduler.nanoTime() >= 30_000_000L);
    }

    @Test
    @DisplayName("TR-1: the pacer checks its arguments and cannot start twice")
    void misuse() {
        VirtualScheduler scheduler = new VirtualScheduler();
        assertThrows(IllegalArgumentException.class,
                () -> new RealTimePacer(scheduler::nanoTime, scheduler::advanceTo, Duration.ofNanos(10)));
        assertThrows(IllegalArgumentException.class, () -> new RealTimePacer(null, scheduler::advanceTo, Duration.ofMillis(1)));
        try (RealTimePacer pacer = new RealTimePacer(scheduler::nanoTime, scheduler::advanceTo, Duration.ofMillis(1))) {
            pacer.start();
            assertThrows(IllegalStateException.class, pacer::start);
        }
    }
}
