package io.metermodem.sms.pdu;

import java.util.ArrayList;
import java.util.List;

/**
 * A concatenated message the {@link Reassembler} gave up on: its time-out passed, or it was evicted to
 * make room within the reassembler's limits. What arrived is kept so the caller can decide (log it,
 * process the text it has, or drop it).
 *
 * @param originator the sender
 * @param reference  the concatenation reference
 * @param total      how many parts the message has
 * @param received   the parts that arrived, in sequence order
 * @param reason     why it was given up
 */
public record IncompleteSms(Address originator, int reference, int total, List<SmsDeliver> received, Reason reason) {

    /** Why a message was given up. */
    public enum Reason {
        /** The time-out since its first part passed. */
        TIMED_OUT,
        /** The reassembler was full and this was the oldest message. */
        EVICTED
    }

    /** Copies the list. */
    public IncompleteSms {
        received = List.copyOf(received);
    }

    /** @return the sequence numbers that never arrived */
    public List<Integer> missing() {
        List<Integer> missing = new ArrayList<>();
        int next = 0;
        for (int sequence = 1; sequence <= total; sequence++) {
            if (next < received.size() && received.get(next).concat().map(ConcatInfo::sequence).orElse(-1) == sequence) {
                next++;
            } else {
                missing.add(sequence);
            }
        }
        return missing;
    }

    /** @return the text of the parts that arrived, in order, gaps left out */
    public String partialText() {
        StringBuilder text = new StringBuilder();
        for (SmsDeliver part : received) {
            text.append(part.text());
        }
        return text.toString();
    }
}
