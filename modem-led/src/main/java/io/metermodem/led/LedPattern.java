package io.metermodem.led;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A rhythm an LED plays: either a steady level, or a cycle of segments of alternating level that
 * starts with the LED on and repeats forever (manual 2.5).
 *
 * <p>Because consecutive segments always have opposite levels, every segment boundary is a level
 * change, so a {@link LedPlayer} needs exactly one scheduler wake-up per transition: the cost of a
 * pattern is {@link #transitionsPerCycle()} wake-ups per {@link #cycle()}.
 *
 * <p>The factories give the rhythms the manual names. Durations the manual leaves open are this
 * SDK's decisions, stated on each factory: a "flash" is {@link #FLASH_ON} on, a quick flash is a
 * 5 Hz square wave, "slow" is 2 s on and a {@link #SLOW_BLANK} blank.
 */
public final class LedPattern {

    /** How long one short flash lights the LED: in N-per-second bursts, RSSI flashes and short flashes. */
    public static final Duration FLASH_ON = Duration.ofMillis(100);
    /** Dark time between two flashes of a burst. */
    public static final Duration FLASH_GAP = Duration.ofMillis(100);
    /** Dark time between two RSSI flashes, longer than {@link #FLASH_GAP} so they are easy to count. */
    public static final Duration RSSI_GAP = Duration.ofMillis(400);
    /** Lit time of one RSSI flash. */
    public static final Duration RSSI_ON = Duration.ofMillis(200);
    /** The "short blank" of the slow pattern. */
    public static final Duration SLOW_BLANK = Duration.ofMillis(250);
    /** The lit part of the slow pattern: "lighting for 2 seconds". */
    public static final Duration SLOW_ON = Duration.ofSeconds(2);
    /** Half period of the quick flash: 5 flashes per second. */
    public static final Duration QUICK_HALF = Duration.ofMillis(100);

    /** The LED dark. */
    public static final LedPattern OFF = new LedPattern("off", false, new long[0]);
    /** The LED lit continuously. */
    public static final LedPattern ON = new LedPattern("on", true, new long[0]);

    private final String name;
    private final boolean steadyLevel;
    /** Segment lengths in nanoseconds; even indices are lit, odd ones dark. Empty for a steady level. */
    private final long[] segments;

    private LedPattern(String name, boolean steadyLevel, long[] segments) {
        this.name = name;
        this.steadyLevel = steadyLevel;
        this.segments = segments;
    }

    /**
     * A square wave: half a period on, half off ("blinking once/twice per second").
     *
     * @param flashesPerSecond 1..10
     * @return the pattern
     * @throws IllegalArgumentException outside 1..10
     */
    public static LedPattern blink(int flashesPerSecond) {
        if (flashesPerSecond < 1 || flashesPerSecond > 10) {
            throw new IllegalArgumentException("blink frequency must be 1..10 Hz, got " + flashesPerSecond);
        }
        long half = Duration.ofSeconds(1).toNanos() / (2L * flashesPerSecond);
        return new LedPattern("blink " + flashesPerSecond + " Hz", false, new long[] {half, half});
    }

    /**
     * A burst of {@code n} short flashes at the start of every second, dark for the rest of it: the
     * access technology signal of LED-4/LED-8 ("2G: 2 flashing per second"). It is told apart from
     * {@link #blink(int)} at the same count by its short flashes and the pause after the burst.
     *
     * @param n flashes per second, 1..4
     * @return the pattern
     * @throws IllegalArgumentException outside 1..4
     */
    public static LedPattern flashesPerSecond(int n) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("flashes per second must be 1..4, got " + n);
        }
        return burst(n + " flashes/s", n, FLASH_ON, FLASH_GAP, Duration.ofSeconds(1));
    }

    /**
     * The RSSI signal of LED-5: {@code n} flashes, then dark until the period is over.
     *
     * @param n      the signal level, 1..4
     * @param period time from the first flash of one group to the first of the next, 10..15 s
     * @return the pattern
     * @throws IllegalArgumentException for a level outside 1..4 or a period outside 10..15 s
     */
    public static LedPattern rssi(int n, Duration period) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("RSSI flash count must be 1..4, got " + n);
        }
        if (period.compareTo(Duration.ofSeconds(10)) < 0 || period.compareTo(Duration.ofSeconds(15)) > 0) {
            throw new IllegalArgumentException("RSSI period must be 10..15 s (manual 2.5), got " + period);
        }
        return burst("RSSI " + n + "x/" + period.toMillis() / 1000.0 + " s", n, RSSI_ON, RSSI_GAP, period);
    }

    /**
     * "Continuously flashes slowly (lighting for 2 seconds, quick blank and it repeats)": invalid RSSI
     * or AT time-out (LED-5), and the charged signal (LED-1).
     *
     * @return 2 s on, {@link #SLOW_BLANK} off
     */
    public static LedPattern slow() {
        return new LedPattern("slow", false, new long[] {SLOW_ON.toNanos(), SLOW_BLANK.toNanos()});
    }

    /**
     * "Flashing quickly": charging (LED-1) and the start-up signal (LED-11, PWR-4), 5 Hz.
     *
     * @return 100 ms on, 100 ms off
     */
    public static LedPattern quickFlash() {
        return new LedPattern("quick", false, new long[] {QUICK_HALF.toNanos(), QUICK_HALF.toNanos()});
    }

    /**
     * "Flashing shortly 1x per second, then 1 second of pause" (LED-10, connecting): a short flash, the
     * rest of its second dark, then a whole dark second.
     *
     * @return {@link #FLASH_ON} on, then dark until 2 s are over
     */
    public static LedPattern shortFlashWithPause() {
        return new LedPattern("short flash + pause", false,
                new long[] {FLASH_ON.toNanos(), Duration.ofSeconds(2).toNanos() - FLASH_ON.toNanos()});
    }

    private static LedPattern burst(String name, int n, Duration on, Duration gap, Duration period) {
        long[] s = new long[2 * n];
        long used = 0;
        for (int i = 0; i < n; i++) {
            s[2 * i] = on.toNanos();
            s[2 * i + 1] = gap.toNanos();
            used += on.toNanos() + gap.toNanos();
        }
        s[2 * n - 1] += period.toNanos() - used;
        return new LedPattern(name, false, s);
    }

    /** @return a short name, e.g. {@code blink 2 Hz} */
    public String name() {
        return name;
    }

    /** @return whether the LED keeps one level: {@link #ON} or {@link #OFF} */
    public boolean isSteady() {
        return segments.length == 0;
    }

    /** @return the level of a steady pattern, or {@code true} (the first segment) of a cyclic one */
    public boolean initialLevel() {
        return isSteady() ? steadyLevel : true;
    }

    /** @return the number of segments of one cycle; 0 for a steady pattern */
    public int segmentCount() {
        return segments.length;
    }

    /**
     * @param index 0 .. {@link #segmentCount()} - 1; even segments are lit
     * @return the segment's length in nanoseconds
     */
    public long segmentNanos(int index) {
        return segments[index];
    }

    /** @return level changes (and therefore wake-ups of the player) in one cycle; 0 when steady */
    public int transitionsPerCycle() {
        return segments.length;
    }

    /** @return flashes (rising edges) per cycle; 0 when steady */
    public int flashesPerCycle() {
        return segments.length / 2;
    }

    /** @return the length of one cycle; {@link Duration#ZERO} for a steady pattern */
    public Duration cycle() {
        long total = 0;
        for (long s : segments) {
            total += s;
        }
        return Duration.ofNanos(total);
    }

    /** @return scheduler wake-ups per second this pattern costs at steady state */
    public double wakeUpsPerSecond() {
        return isSteady() ? 0 : transitionsPerCycle() * 1e9 / cycle().toNanos();
    }

    /**
     * The level this pattern has a given time after it started.
     *
     * @param sinceStartNanos time since the pattern started, not negative
     * @return whether the LED is lit then
     */
    public boolean levelAt(long sinceStartNanos) {
        if (isSteady()) {
            return steadyLevel;
        }
        long t = sinceStartNanos % cycle().toNanos();
        for (int i = 0; i < segments.length; i++) {
            if (t < segments[i]) {
                return (i & 1) == 0;
            }
            t -= segments[i];
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedPattern p && p.steadyLevel == steadyLevel && Arrays.equals(p.segments, segments)
                && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, steadyLevel, Arrays.hashCode(segments));
    }

    @Override
    public String toString() {
        return name;
    }
}
