package io.metermodem.hal.mock.gpio;

import io.metermodem.hal.gpio.DigitalOutput;
import io.metermodem.hal.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A digital output that records its level changes with their virtual time (HAL-4): the LEDs of the
 * mock board. Tests read the recording through {@link #timeline()}:
 *
 * <pre>{@code
 * MockDigitalOutput led1 = new MockDigitalOutput("LED1", scheduler);
 * // ... run the firmware for 20 s of virtual time ...
 * assertEquals(20, led1.timeline().between(Duration.ofSeconds(10), Duration.ofSeconds(20)).flashCount());
 * }</pre>
 *
 * <p>The recording is bounded: at most {@link #capacity()} changes are kept; older ones are dropped
 * and counted in {@link #droppedTransitions()}, and the recorded window then starts just after the last
 * dropped change. Storage is allocated on the first change and grows as needed, so an LED that never
 * changes costs a few dozen bytes. The output starts off. Thread-safe.
 */
public final class MockDigitalOutput implements DigitalOutput {

    /** Changes kept by default: at 4 Hz flashing (8 changes a second), about 3.5 hours. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private static final int INITIAL_STORAGE = 16;

    private final String name;
    private final Clock clock;
    private final int capacity;
    private boolean level;
    /** Ring of change times, allocated lazily. */
    private long[] ring;
    private int head;
    private int size;
    /** Level before the oldest retained change. */
    private boolean levelBeforeOldest;
    /** Start of the recorded window: creation, or just after the last dropped change. */
    private long historyStartNanos;
    private long dropped;
    private long totalTransitions;

    /**
     * An output keeping up to {@link #DEFAULT_CAPACITY} changes.
     *
     * @param name  the line's name, e.g. {@code LED3}
     * @param clock the board's clock, usually its scheduler
     */
    public MockDigitalOutput(String name, Clock clock) {
        this(name, clock, DEFAULT_CAPACITY);
    }

    /**
     * @param name     the line's name, e.g. {@code LED3}
     * @param clock    the board's clock, usually its scheduler
     * @param capacity most changes to keep, at least 2
     * @throws IllegalArgumentException for a capacity below 2 or a blank name
     */
    public MockDigitalOutput(String name, Clock clock, int capacity) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an output needs a name");
        }
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2 changes, got " + capacity);
        }
        this.name = name;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacity;
        this.historyStartNanos = clock.nanoTime();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void set(boolean on) {
        if (on == level) {
            return;
        }
        level = on;
        record(clock.nanoTime());
    }

    @Override
    public synchronized boolean isOn() {
        return level;
    }

    private void record(long nanos) {
        totalTransitions++;
        if (ring == null) {
            ring = new long[Math.min(INITIAL_STORAGE, capacity)];
        }
        if (size == ring.length && ring.length < capacity) {
            long[] bigger = new long[(int) Math.min(capacity, 2L * ring.length)];
            for (int i = 0; i < size; i++) {
                bigger[i] = ring[(head + i) % ring.length];
            }
            ring = bigger;
            head = 0;
        }
        if (size == ring.length) {
            // Full at capacity: forget the oldest change; the window now starts just after it.
            long oldest = ring[head];
            head = (head + 1) % ring.length;
            size--;
            levelBeforeOldest = !levelBeforeOldest;
            historyStartNanos = oldest + 1;
            dropped++;
        }
        ring[(head + size) % ring.length] = nanos;
        size++;
    }

    /**
     * A snapshot of everything recorded, from the start of the retained window to now.
     *
     * @return an immutable timeline
     */
    public synchronized LedTimeline timeline() {
        long[] changes = new long[size];
        for (int i = 0; i < size; i++) {
            changes[i] = ring[(head + i) % ring.length];
        }
        long now = clock.nanoTime();
        return LedTimeline.of(Math.min(historyStartNanos, now), now, levelBeforeOldest, changes);
    }

    /**
     * @param nanos a time on the board's clock within the recorded window
     * @return whether the output was on then
     * @throws IllegalArgumentException for a time in the future or before the recorded window
     */
    public boolean isOnAt(long nanos) {
        return timeline().isOnAt(nanos);
    }

    /**
     * @param time virtual time since zero, within the recorded window
     * @return whether the output was on then
     * @throws IllegalArgumentException for a time in the future or before the recorded window
     */
    public boolean isOnAt(Duration time) {
        return isOnAt(time.toNanos());
    }

    /** @return the retained level changes, oldest first */
    public List<Transition> transitions() {
        return timeline().transitions();
    }

    /**
     * @param from window start, virtual time since zero
     * @param to   window end
     * @return rising edges in {@code [from, to)}
     */
    public int flashesBetween(Duration from, Duration to) {
        return timeline().between(from, to).flashCount();
    }

    /**
     * @param from window start, virtual time since zero
     * @param to   window end, after {@code from}
     * @return flashes per second in the window
     */
    public double frequencyHz(Duration from, Duration to) {
        return timeline().between(from, to).frequencyHz();
    }

    /**
     * @param from window start, virtual time since zero
     * @param to   window end
     * @return how long the output was on in the window
     */
    public Duration onTimeBetween(Duration from, Duration to) {
        return timeline().between(from, to).onTime();
    }

    /** @return the on intervals of the whole recorded window */
    public List<Pulse> pulses() {
        return timeline().pulses();
    }

    /** @return the longest on interval recorded, {@link Duration#ZERO} if never on */
    public Duration longestOnPulse() {
        return timeline().longestOnPulse();
    }

    /** @return changes recorded since creation, dropped ones included */
    public synchronized long totalTransitions() {
        return totalTransitions;
    }

    /** @return changes forgotten because the recording was full */
    public synchronized long droppedTransitions() {
        return dropped;
    }

    /** @return the most changes kept */
    public int capacity() {
        return capacity;
    }

    /** Forgets the recording (not the level) and releases its storage; the window restarts now. */
    public synchronized void clearHistory() {
        ring = null;
        head = 0;
        size = 0;
        levelBeforeOldest = level;
        historyStartNanos = clock.nanoTime();
    }

    @Override
    public String toString() {
        return name + (isOn() ? " on" : " off");
    }
}
