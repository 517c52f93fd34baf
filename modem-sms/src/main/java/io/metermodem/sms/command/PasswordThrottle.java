package io.metermodem.sms.command;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Slows down password guessing by SMS (SMS-1), on the modem's monotonic clock (virtual in tests).
 *
 * <ul>
 *   <li><b>Per sender:</b> {@link Settings#senderFailures()} wrong passwords from one number within
 *       {@link Settings#window()} lock that number out for {@link Settings#senderLockout()}.</li>
 *   <li><b>Global:</b> {@link Settings#globalFailures()} wrong passwords from any numbers within the
 *       window lock every sender out for {@link Settings#globalLockout()}: sender numbers are cheap
 *       to vary (or forge), so the per-sender limit alone does not bound the guessing rate. The price
 *       is that an attacker can keep the rightful operator out for a while; the configuration then
 *       stays as it was, which is the safe side.</li>
 * </ul>
 * A locked-out SMS is dropped before the password is even checked (no PBKDF2 work, no answer). A
 * right password clears its sender's count. At most {@link Settings#maxSenders()} senders are
 * tracked; the least recently seen is forgotten first. Not thread-safe: use from one thread.
 */
public final class PasswordThrottle {

    /**
     * The limits.
     *
     * @param senderFailures wrong passwords per sender within the window that lock it out, at least 1
     * @param window         the window failures are counted in
     * @param senderLockout  how long a sender stays locked out
     * @param globalFailures wrong passwords from all senders within the window that lock everyone out
     * @param globalLockout  how long everyone stays locked out
     * @param maxSenders     most senders tracked
     */
    public record Settings(int senderFailures, Duration window, Duration senderLockout, int globalFailures,
                           Duration globalLockout, int maxSenders) {

        /** 3 per sender and 10 overall within 10 minutes; 15 minutes lockout; 64 senders. */
        public static final Settings DEFAULT = new Settings(3, Duration.ofMinutes(10), Duration.ofMinutes(15), 10,
                Duration.ofMinutes(15), 64);

        /** @throws IllegalArgumentException for counts below 1 or non-positive durations */
        public Settings {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(senderLockout, "senderLockout");
            Objects.requireNonNull(globalLockout, "globalLockout");
            if (senderFailures < 1 || globalFailures < 1 || maxSenders < 1 || maxSenders > 100_000) {
                throw new IllegalArgumentException("failure counts and maxSenders must be positive (maxSenders <= 100000)");
            }
            if (window.isNegative() || window.isZero() || senderLockout.isNegative() || globalLockout.isNegative()) {
                throw new IllegalArgumentException("window must be positive, lockouts not negative");
            }
        }
    }

    private final Settings settings;
    private final Map<String, Deque<Long>> senders;
    private final Map<String, Long> senderLockedUntil;
    private final Deque<Long> global = new ArrayDeque<>();
    private boolean globalLocked;
    private long globalLockedUntil;
    private long locksImposed;

    /** @param settings the limits */
    public PasswordThrottle(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.senders = lru(settings.maxSenders());
        this.senderLockedUntil = lru(settings.maxSenders());
    }

    private static <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    /** @return the limits */
    public Settings settings() {
        return settings;
    }

    /**
     * @param sender   the sender's number
     * @param nowNanos the clock now
     * @return whether SMS from this sender are dropped now
     */
    public boolean isLocked(String sender, long nowNanos) {
        if (globalLocked && nowNanos - globalLockedUntil < 0) {
            return true;
        }
        Long until = senderLockedUntil.get(sender);
        return until != null && nowNanos - until < 0;
    }

    /**
     * Counts a wrong password.
     *
     * @param sender   the sender's number
     * @param nowNanos the clock now
     */
    public void recordFailure(String sender, long nowNanos) {
        long windowNanos = settings.window().toNanos();
        Deque<Long> times = senders.computeIfAbsent(sender, s -> new ArrayDeque<>());
        if (add(times, nowNanos, windowNanos, settings.senderFailures())) {
            senderLockedUntil.put(sender, nowNanos + settings.senderLockout().toNanos());
            times.clear();
            locksImposed++;
        }
        if (add(global, nowNanos, windowNanos, settings.globalFailures())) {
            globalLocked = true;
            globalLockedUntil = nowNanos + settings.globalLockout().toNanos();
            global.clear();
            locksImposed++;
        }
    }

    /** Adds a failure time, keeps only those within the window; true when the limit is reached. */
    private static boolean add(Deque<Long> times, long now, long windowNanos, int limit) {
        while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
            times.removeFirst();
        }
        times.addLast(now);
        while (times.size() > limit) {
            times.removeFirst();
        }
        return times.size() >= limit;
    }

    /**
     * A right password: the sender's failures are forgotten.
     *
     * @param sender the sender's number
     */
    public void recordSuccess(String sender) {
        senders.remove(sender);
    }

    /** @return how many lockouts (per sender or global) were imposed so far */
    public long locksImposed() {
        return locksImposed;
    }

    /** @return senders currently tracked (bounded by {@link Settings#maxSenders()}) */
    public int trackedSenders() {
        return senders.size();
    }
}
