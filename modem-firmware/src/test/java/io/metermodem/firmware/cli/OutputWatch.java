package io.metermodem.firmware.cli;

import java.io.Writer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a command running on another thread prints, with a way to wait until a line shows up:
 * the waiting thread is woken by each write (no polling, no sleep). The time limit is a safety net
 * against a hung command, never an assertion about speed.
 */
final class OutputWatch extends Writer {

    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
        notifyAll();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /**
     * Waits until the output matches.
     *
     * @param pattern what to find
     * @param limit   the longest wait
     * @param alive   whether the command still runs; the wait ends early when it stops
     * @return the match, empty when the command stopped or the limit passed first
     * @throws InterruptedException when interrupted
     */
    synchronized Optional<Matcher> await(Pattern pattern, Duration limit, BooleanSupplier alive)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return Optional.of(m);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !alive.getAsBoolean()) {
                return Optional.empty();
            }
            // Woken by the next write; the bounded slice only re-checks whether the command died.
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)));
        }
    }

    @Override
    public synchronized String toString() {
        return text.toString();
    }
}
