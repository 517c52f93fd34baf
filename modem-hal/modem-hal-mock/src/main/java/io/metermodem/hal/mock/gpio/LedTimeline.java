package io.metermodem.hal.mock.gpio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable record of a digital output's level over a window of virtual time (HAL-4): what a
 * test asserts an LED rhythm against, e.g.
 * {@code led.timeline().between(Duration.ofSeconds(10), Duration.ofSeconds(20)).flashCount() == 20}.
 *
 * <p>The window is {@code [start, end]} for level queries and half-open {@code [start, end)} for
 * counts and durations, so that the counts of adjacent windows add up: a rising edge exactly at
 * {@code end} belongs to the next window. A flash is a rising edge (off to on) inside the window; a
 * pulse already on at the window start is part of {@link #pulses()} and {@link #onTime()} but not of
 * {@link #flashCount()}.
 */
public final class LedTimeline {

    private final long startNanos;
    private final long endNanos;
    private final boolean levelBefore;
    /** Times of level changes in {@code [startNanos, endNanos]}, ascending; each one flips the level. */
    private final long[] edges;

    private LedTimeline(long startNanos, long endNanos, boolean levelBefore, long[] edges) {
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.levelBefore = levelBefore;
        this.edges = edges;
    }

    /**
     * Builds a timeline from a level and the times at which it flipped afterwards.
     *
     * @param startNanos   window start
     * @param endNanos     window end, not before {@code startNanos}
     * @param initialLevel the level before the first of {@code changes}
     * @param changes      ascending times of level changes; those before {@code startNanos} only
     *                     decide the level at the start, those after {@code endNanos} are ignored
     * @return the timeline
     * @throws IllegalArgumentException if the window is reversed or the changes are not ascending
     */
    public static LedTimeline of(long startNanos, long endNanos, boolean initialLevel, long... changes) {
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("window ends at " + endNanos + " before it starts at " + startNanos);
        }
        for (int i = 1; i < changes.length; i++) {
            if (changes[i] < changes[i - 1]) {
                throw new IllegalArgumentException("level changes must be in time order: "
                        + changes[i - 1] + " then " + changes[i]);
            }
        }
        int first = lowerBound(changes, startNanos);
        int last = upperBound(changes, endNanos);
        boolean before = initialLevel ^ ((first & 1) == 1);
        return new LedTimeline(startNanos, endNanos, before, Arrays.copyOfRange(changes, first, last));
    }

    /**
     * The part of this timeline between two points in time. A recording's timeline ends at the
     * virtual time it was taken, so a window reaching into the future is refused: advance time
     * first, then take the timeline.
     *
     * @param fromNanos start, within this window
     * @param toNanos   end, within this window and not before {@code fromNanos}
     * @return the narrower timeline
     * @throws IllegalArgumentException if the window is reversed or reaches outside this one; the
     *                                  message says which end and, for the future, what to do
     */
    public LedTimeline between(long fromNanos, long toNanos) {
        checkInside(fromNanos);
        checkInside(toNanos);
        return of(fromNanos, toNanos, levelBefore, edges);
    }

    /**
     * The part of this timeline between two points in virtual time since zero.
     *
     * @param from start
     * @param to   end
     * @return the narrower timeline
     * @throws IllegalArgumentException if the window is reversed or reaches outside this one
     */
    public LedTimeline between(Duration from, Duration to) {
        return between(from.toNanos(), to.toNanos());
    }

    /** @return the window start in nanoseconds */
    public long startNanos() {
        return startNanos;
    }

    /** @return the window end in nanoseconds */
    public long endNanos() {
        return endNanos;
    }

    /** @return the window's length */
    public Duration length() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    /**
     * The level at a point in time: after every change at or before it.
     *
     * @param nanos a time in {@code [start, end]}
     * @return {@code true} when the output was on
     * @throws IllegalArgumentException outside the window
     */
    public boolean isOnAt(long nanos) {
        checkInside(nanos);
        return levelBefore ^ ((upperBound(edges, nanos) & 1) == 1);
    }

    /**
     * @param time virtual time since zero, within the window
     * @return {@code true} when the output was on
     * @throws IllegalArgumentException outside the window
     */
    public boolean isOnAt(Duration time) {
        return isOnAt(time.toNanos());
    }

    /** @return the level at the end of the window */
    public boolean isOnAtEnd() {
        return levelBefore ^ ((edges.length & 1) == 1);
    }

    /** @return every level change in the window, in order */
    public List<Transition> transitions() {
        List<Transition> list = new ArrayList<>(edges.length);
        boolean level = levelBefore;
        for (long t : edges) {
            level = !level;
            list.add(new Transition(t, level));
        }
        return List.copyOf(list);
    }

    /** @return number of rising edges (off to on) in {@code [start, end)}: the flashes */
    public int flashCount() {
        int count = 0;
        boolean level = levelBefore;
        for (long t : edges) {
            level = !level;
            if (t >= endNanos) {
                break;
            }
            if (level) {
                count++;
            }
        }
        return count;
    }

    /**
     * @return flashes per second over the window
     * @throws IllegalStateException for an empty window
     */
    public double frequencyHz() {
        if (endNanos == startNanos) {
            throw new IllegalStateException("an empty window has no frequency");
        }
        return flashCount() * 1e9 / (endNanos - startNanos);
    }

    /** @return whether the level never changed in the window and the output was on throughout */
    public boolean isSteadyOn() {
        return edges.length == 0 && levelBefore;
    }

    /** @return whether the level never changed in the window and the output was off throughout */
    public boolean isSteadyOff() {
        return edges.length == 0 && !levelBefore;
    }

    /** @return the on intervals overlapping the window, clipped to it, in order */
    public List<Pulse> pulses() {
        List<Pulse> list = new ArrayList<>();
        boolean level = levelBefore;
        long onSince = level ? startNanos : -1;
        for (long t : edges) {
            if (t >= endNanos) {
                break;
            }
            level = !level;
            if (level) {
                onSince = t;
            } else {
                list.add(new Pulse(onSince, t));
            }
        }
        if (level) {
            list.add(new Pulse(onSince, endNanos));
        }
        return List.copyOf(list);
    }

    /** @return total time the output was on within the window */
    public Duration onTime() {
        long total = 0;
        for (Pulse p : pulses()) {
            total += p.offNanos() - p.onNanos();
        }
        return Duration.ofNanos(total);
    }

    /** @return the share of the window the output was on, 0..1; 0 for an empty window */
    public double dutyCycle() {
        return endNanos == startNanos ? 0 : (double) onTime().toNanos() / (endNanos - startNanos);
    }

    /** @return the longest (clipped) on interval, {@link Duration#ZERO} when the output was never on */
    public Duration longestOnPulse() {
        long longest = 0;
        for (Pulse p : pulses()) {
            longest = Math.max(longest, p.offNanos() - p.onNanos());
        }
        return Duration.ofNanos(longest);
    }

    /** @return the longest (clipped) off interval, {@link Duration#ZERO} when the output was never off */
    public Duration longestOffGap() {
        long longest = 0;
        long previousEnd = startNanos;
        for (Pulse p : pulses()) {
            longest = Math.max(longest, p.onNanos() - previousEnd);
            previousEnd = p.offNanos();
        }
        return Duration.ofNanos(Math.max(longest, endNanos - previousEnd));
    }

    private void checkInside(long nanos) {
        // A timeline knows nothing after its end: for a recording that is the virtual time it was
        // taken at. Clipping a longer window would give counts that look right and are not, so the
        // question is refused, with what to do instead.
        if (nanos > endNanos) {
            throw new IllegalArgumentException("time " + Duration.ofNanos(nanos) + " is after the end of this timeline at "
                    + Duration.ofNanos(endNanos) + ": a recording ends at the virtual time it was taken, so advance"
                    + " virtual time to at least " + Duration.ofNanos(nanos) + " before taking it");
        }
        if (nanos < startNanos) {
            throw new IllegalArgumentException("time " + Duration.ofNanos(nanos) + " is before the start of this timeline at "
                    + Duration.ofNanos(startNanos) + " (the output did not exist then, or older changes were dropped)");
        }
    }

    /** @return index of the first element {@code >= key} */
    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return index of the first element {@code > key} */
    private static int upperBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "LedTimeline[" + Duration.ofNanos(startNanos) + ".." + Duration.ofNanos(endNanos)
                + ", startsOn=" + levelBefore + ", changes=" + edges.length + "]";
    }
}
