package io.metermodem.sms.pdu;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Joins the parts of concatenated messages (SMS-13), bounded: at most {@code maxMessages} messages and
 * {@code maxParts} parts are held at once, the oldest message being given up to make room, and a
 * message whose first part arrived {@code timeout} ago or more is given up by {@link #expire(Instant)}.
 * Parts belong together when they have the same originator, reference, reference size and total.
 *
 * <p>Not thread-safe; time comes in as {@link Instant}s from the caller's clock, so it runs in virtual
 * time in tests.
 */
public final class Reassembler {

    private record Key(Address originator, int reference, int total, boolean sixteenBit) {
    }

    private static final class Pending {
        final Instant firstSeen;
        final TreeMap<Integer, SmsDeliver> parts = new TreeMap<>();

        Pending(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }
    }

    private final Duration timeout;
    private final int maxMessages;
    private final int maxParts;
    private final LinkedHashMap<Key, Pending> pending = new LinkedHashMap<>();
    private int heldParts;

    /**
     * @param timeout     how long after its first part a message may stay incomplete
     * @param maxMessages most incomplete messages held at once, at least 1
     * @param maxParts    most parts held at once over all messages, at least 1
     * @throws IllegalArgumentException if a limit is not positive
     */
    public Reassembler(Duration timeout, int maxMessages, int maxParts) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || maxMessages < 1 || maxParts < 1) {
            throw new IllegalArgumentException("time-out and limits must be positive");
        }
        this.maxMessages = maxMessages;
        this.maxParts = maxParts;
    }

    /**
     * @param part a received message
     * @param now  the current time
     * @return {@link ReassemblyResult.Complete} with the whole message, {@link ReassemblyResult.Pending},
     *         or {@link ReassemblyResult.Duplicate}; only a part that is held gives up other messages to
     *         make room (reported in {@link ReassemblyResult.Pending#evicted()}), never the part that
     *         completes its message
     */
    public ReassemblyResult accept(SmsDeliver part, Instant now) {
        var concat = part.concat();
        if (concat.isEmpty() || concat.get().total() == 1) {
            return new ReassemblyResult.Complete(new ReassembledSms(part.originator(), List.of(part)));
        }
        ConcatInfo info = concat.get();
        Key key = new Key(part.originator(), info.reference(), info.total(), info.sixteenBitReference());
        Pending message = pending.get(key);
        if (message != null) {
            if (message.parts.containsKey(info.sequence())) {
                return new ReassemblyResult.Duplicate(info);
            }
            if (message.parts.size() + 1 == info.total()) {
                // The last missing part: the message leaves at once, so nothing has to make room for it
                // (and Complete has no place to report a message given up for room).
                pending.remove(key);
                heldParts -= message.parts.size();
                message.parts.put(info.sequence(), part);
                return new ReassemblyResult.Complete(new ReassembledSms(part.originator(), new ArrayList<>(message.parts.values())));
            }
        }
        List<IncompleteSms> evicted = new ArrayList<>();
        if (message == null) {
            while (pending.size() >= maxMessages) {
                evicted.add(evictOldest());
            }
            message = new Pending(now);
            pending.put(key, message);
        }
        while (heldParts >= maxParts) {
            Key oldest = pending.keySet().iterator().next();
            if (oldest.equals(key)) {
                // This message alone fills the reassembler: give it up rather than hold more than allowed.
                evicted.add(remove(key, IncompleteSms.Reason.EVICTED));
                message = new Pending(now);
                pending.put(key, message);
                break;
            }
            evicted.add(evictOldest());
        }
        // A message of two or more parts is never complete here: its last part took the branch above.
        message.parts.put(info.sequence(), part);
        heldParts++;
        return new ReassemblyResult.Pending(message.parts.size(), info.total(), evicted);
    }

    /**
     * Gives up every message whose first part arrived {@code timeout} or more before {@code now}.
     *
     * @param now the current time
     * @return the messages given up, oldest first
     */
    public List<IncompleteSms> expire(Instant now) {
        List<IncompleteSms> expired = new ArrayList<>();
        Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Pending> entry = it.next();
            if (!entry.getValue().firstSeen.plus(timeout).isAfter(now)) {
                it.remove();
                heldParts -= entry.getValue().parts.size();
                expired.add(incomplete(entry.getKey(), entry.getValue(), IncompleteSms.Reason.TIMED_OUT));
            }
        }
        return expired;
    }

    /** @return how many incomplete messages are held */
    public int pendingMessages() {
        return pending.size();
    }

    /** @return how many parts are held over all incomplete messages */
    public int pendingParts() {
        return heldParts;
    }

    private IncompleteSms evictOldest() {
        return remove(pending.keySet().iterator().next(), IncompleteSms.Reason.EVICTED);
    }

    private IncompleteSms remove(Key key, IncompleteSms.Reason reason) {
        Pending message = pending.remove(key);
        heldParts -= message.parts.size();
        return incomplete(key, message, reason);
    }

    private static IncompleteSms incomplete(Key key, Pending message, IncompleteSms.Reason reason) {
        return new IncompleteSms(key.originator(), key.reference(), key.total(),
                new ArrayList<>(message.parts.values()), reason);
    }
}
