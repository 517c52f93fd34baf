package io.metermodem.sms.pdu;

import java.util.List;

/** What {@link Reassembler#accept(SmsDeliver, java.time.Instant)} did with a part. */
public sealed interface ReassemblyResult {

    /**
     * The message is whole: a single message, or the last missing part arrived.
     *
     * @param message the whole message
     */
    record Complete(ReassembledSms message) implements ReassemblyResult {
    }

    /**
     * The part was stored; more are missing.
     *
     * @param received parts of this message held now
     * @param total    parts the message has
     * @param evicted  older messages given up to make room for this part (usually none)
     */
    record Pending(int received, int total, List<IncompleteSms> evicted) implements ReassemblyResult {
        /** Copies the list. */
        public Pending {
            evicted = List.copyOf(evicted);
        }
    }

    /**
     * A part with this sequence number is already held (a repeated delivery); the first one is kept.
     *
     * @param concat the part's concatenation element
     */
    record Duplicate(ConcatInfo concat) implements ReassemblyResult {
    }
}
