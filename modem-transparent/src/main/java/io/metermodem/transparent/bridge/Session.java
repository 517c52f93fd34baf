package io.metermodem.transparent.bridge;

import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.transparent.detect.ProtocolDetector;
import io.metermodem.transparent.iec.IecBaudFollower;

/**
 * The bridge's state of one attached {@link HesLink}. Plain mutable fields: only the bridge touches
 * them, on its scheduler.
 */
final class Session {

    /** Where a session stands towards the meter line. */
    enum State {
        /** Attached, nothing received yet: it does not compete for the line. */
        IDLE,
        /** Has bytes for the meter and waits for the line (queued, or pre-empted). */
        WAITING,
        /** Owns the meter line. */
        ACTIVE,
        /** Ended. */
        CLOSED
    }

    final HesLink link;
    final Channel channel;
    final String description;
    final ByteQueue toMeter;
    final ProtocolDetector detector = new ProtocolDetector();
    final HesLinkListener listener;

    State state = State.IDLE;
    /** Order of the first byte; ties of equal priority go to the earlier claim. */
    long claimOrder;
    /** Lost the line to a higher channel and has not had it back yet. */
    boolean preempted;
    /** The meter line this session needs now: null until its first byte decides it. */
    LineSettings line;
    /** Why {@link #line} last changed, for the event. */
    String lineReason;
    /** Follows IEC speed changes (TR-11), or null. */
    IecBaudFollower follower;
    /** Bytes at the head of {@link #toMeter} the follower has already seen (0 or 1). */
    int followedAhead;
    /** Whether the detection result was logged. */
    boolean detectionLogged;
    /** Has written to the meter since it last got the line: only then do meter bytes belong to it. */
    boolean hasWritten;
    /** The head-end is gone; the bytes already received are still forwarded. */
    boolean hesClosed;
    long lastActivityNanos;
    ScheduledTask inactivityTimer;

    Session(HesLink link, Channel channel, int maxPendingBytes, BridgeCallbacks bridge) {
        this.link = link;
        this.channel = channel;
        String described;
        try {
            described = link.describe();
        } catch (RuntimeException e) {
            described = link.getClass().getSimpleName();
        }
        this.description = channel + " " + described;
        this.toMeter = new ByteQueue(maxPendingBytes);
        this.listener = new HesLinkListener() {
            @Override
            public void onData(byte[] data, int offset, int length) {
                bridge.onHesData(Session.this, data, offset, length);
            }

            @Override
            public void onClosed(String reason) {
                bridge.onHesClosed(Session.this, reason);
            }
        };
    }

    int priority() {
        return channel.priority();
    }

    /** The bridge entry points a session's listener calls. */
    interface BridgeCallbacks {
        void onHesData(Session session, byte[] data, int offset, int length);

        void onHesClosed(Session session, String reason);
    }

    @Override
    public String toString() {
        return description;
    }
}
