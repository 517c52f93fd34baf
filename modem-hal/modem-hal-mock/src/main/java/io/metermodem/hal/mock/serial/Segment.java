package io.metermodem.hal.mock.serial;

import io.metermodem.hal.serial.LineSettings;

/**
 * A stretch of one transmitter's waveform: either back-to-back characters at one setting (a burst)
 * or a break (the line held at space). Character {@code i} of a burst starts at
 * {@code start + i * frameNanos}, computed from the burst start so that rounding never accumulates.
 */
final class Segment {
    final boolean isBreak;
    final LineSettings settings;
    final double start;
    final double bitNanos;
    final double frameNanos;
    final int frameBits;
    /** Sequence number of the character sent at {@link #start}. */
    final long originSeq;
    /** First character still held (earlier ones were retired). */
    long firstSeq;
    /** One past the last character. */
    long endSeq;
    /** End of the space of a break. */
    final double breakEnd;
    /** End of a break including the mark bit that follows it. */
    private final double markEnd;
    /** Set once the segment took part in a counted RS485 collision. */
    boolean collided;

    private Segment(boolean isBreak, LineSettings settings, double start, long originSeq, double breakEnd,
                    double markEnd) {
        this.isBreak = isBreak;
        this.settings = settings;
        this.start = start;
        this.bitNanos = settings == null ? 0 : settings.bitNanos();
        this.frameBits = settings == null ? 0 : settings.frameBits();
        this.frameNanos = frameBits * bitNanos;
        this.originSeq = originSeq;
        this.firstSeq = originSeq;
        this.endSeq = originSeq;
        this.breakEnd = breakEnd;
        this.markEnd = markEnd;
    }

    static Segment burst(LineSettings settings, double start, long firstSeq) {
        return new Segment(false, settings, start, firstSeq, 0, 0);
    }

    /**
     * A break: space from {@code start} to {@code spaceEnd}, then mark until {@code end} so that the
     * next start bit is a falling edge a receiver can see.
     */
    static Segment space(double start, double spaceEnd, double end) {
        return new Segment(true, null, start, 0, spaceEnd, end);
    }

    double charStart(long seq) {
        return start + (seq - originSeq) * frameNanos;
    }

    /** @return when the character ends, which is when a receiver at the same settings has it */
    double charEnd(long seq) {
        return charStart(seq + 1);
    }

    double end() {
        return isBreak ? markEnd : charStart(endSeq);
    }
}
