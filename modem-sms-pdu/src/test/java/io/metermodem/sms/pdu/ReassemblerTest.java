package io.metermodem.sms.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reassembly of concatenated messages, bounded and with time-outs (SMS-13). Time is passed in, never read. */
class ReassemblerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(1));

    private static List<SmsDeliver> parts(Address from, String text, int reference, boolean sixteenBit) throws MalformedPduException {
        List<SmsDeliver> parts = new ArrayList<>();
        for (EncodedPart part : SmsPdu.encodeDeliver(from, TIME, text,
                EncodeOptions.defaults().withConcatReference(reference, sixteenBit))) {
            parts.add(SmsPdu.decodeDeliver(part.hex()));
        }
        return parts;
    }

    @Test
    @DisplayName("SMS-13: a single message is complete at once; three parts out of order complete on the last")
    void completesOutOfOrder() throws MalformedPduException {
        Reassembler reassembler = new Reassembler(Duration.ofMinutes(10), 8, 64);
        Address from = Address.of("+491701234567");
        List<SmsDeliver> parts = parts(from, "z".repeat(400), 9, false);

        SmsDeliver single = SmsPdu.decodeDeliver(SmsPdu.encodeDeliver(from, TIME, "short", EncodeOptions.defaults()).get(0).hex());
        assertEquals(new ReassemblyResult.Complete(new ReassembledSms(from, List.of(single))), reassembler.accept(single, T0));
        assertEquals(new ReassemblyResult.Pending(1, 3, List.of()), reassembler.accept(parts.get(2), T0));
        assertEquals(new ReassemblyResult.Pending(2, 3, List.of()), reassembler.accept(parts.get(0), T0));
        ReassemblyResult last = reassembler.accept(parts.get(1), T0.plusSeconds(5));

        assertEquals("z".repeat(400), assertInstanceOf(ReassemblyResult.Complete.class, last).message().text());
        assertEquals(0, reassembler.pendingMessages());
    }

    @Test
    @DisplayName("SMS-13: a repeated part is reported as a duplicate and does not complete the message")
    void duplicatePart() throws MalformedPduException {
        Reassembler reassembler = new Reassembler(Duration.ofMinutes(10), 8, 64);
        List<SmsDeliver> parts = parts(Address.of("+1"), "y".repeat(200), 3, false);

        reassembler.accept(parts.get(0), T0);
        ReassemblyResult again = reassembler.accept(parts.get(0), T0);

        assertEquals(new ReassemblyResult.Duplicate(new ConcatInfo(3, 2, 1, false)), again);
        assertEquals(1, reassembler.pendingParts());
    }

    @Test
    @DisplayName("SMS-13: parts with the same reference from different senders, or 8- vs 16-bit references, are kept apart")
    void keysSeparateMessages() throws MalformedPduException {
        Reassembler reassembler = new Reassembler(Duration.ofMinutes(10), 8, 64);
        List<SmsDeliver> a = parts(Address.of("+1"), "a".repeat(200), 5, false);
        List<SmsDeliver> b = parts(Address.of("+2"), "b".repeat(200), 5, false);
        List<SmsDeliver> c = parts(Address.of("+1"), "c".repeat(200), 5, true);

        reassembler.accept(a.get(0), T0);
        reassembler.accept(b.get(0), T0);
        reassembler.accept(c.get(0), T0);
        assertEquals(3, reassembler.pendingMessages());

        ReassemblyResult done = reassembler.accept(b.get(1), T0);
        assertEquals("b".repeat(200), assertInstanceOf(ReassemblyResult.Complete.class, done).message().text());
    }

    @Test
    @DisplayName("SMS-13: a message missing a part times out after the time-out since its first part, with what arrived")
    void timeOut() throws MalformedPduException {
        Reassembler reassembler = new Reassembler(Duration.ofMinutes(10), 8, 64);
        List<SmsDeliver> parts = parts(Address.of("+1"), "0123456789".repeat(40), 77, false);
        reassembler.accept(parts.get(0), T0);
        reassembler.accept(parts.get(2), T0.plusSeconds(60));

        assertEquals(List.of(), reassembler.expire(T0.plus(Duration.ofMinutes(10)).minusMillis(1)));
        List<IncompleteSms> expired = reassembler.expire(T0.plus(Duration.ofMinutes(10)));

        assertEquals(1, expired.size());
        IncompleteSms gone = expired.get(0);
        assertEquals(IncompleteSms.Reason.TIMED_OUT, gone.reason());
        assertEquals(List.of(2), gone.missing());
        assertEquals(77, gone.reference());
        assertEquals(parts.get(0).text() + parts.get(2).text(), gone.partialText());
        assertEquals(0, reassembler.pendingParts());
        // the late part now starts a new message instead of completing the expired one
        assertEquals(new ReassemblyResult.Pending(1, 3, List.of()), reassembler.accept(parts.get(1), T0.plus(Duration.ofMinutes(11))));
        assertEquals(1, reassembler.pendingParts());
    }

    @Test
    @DisplayName("SMS-13: at most maxMessages incomplete messages are held; the oldest is evicted and reported")
    void boundedMessages() throws MalformedPduException {
        Reassembler reassembler = new Reassembler(Duration.ofHours(1), 2, 64);
        for (int reference = 0; reference < 2; reference++) {
            reassembler.accept(parts(Address.of("+1"), "q".repeat(200), reference, false).get(0), T0);
        }

        ReassemblyResult third = reassembler.accept(parts(Address.of("+1"), "q".repeat(200), 2, false).get(0), T0);

        List<IncompleteSms> evicted = assertInstanceOf(ReassemblyResult.Pending.class, third).evicted();
        assertEquals(1, evicted.size());
        assertEquals(0, evicted.get(0).reference());
        assertEquals(IncompleteSms.Reason.EVICTED, evicted.get(0).reason());
        assertEquals(2, reassembler.pendingMessages());
    }

    @Test
    @DisplayName("SMS-13: at most maxParts parts are held over all messages, however many parts senders announce")
    void boundedParts() throws MalformedPduException {
        Reassembler reassembler = new Reassembler(Duration.ofHours(1), 100, 5);
        List<SmsDeliver> big = parts(Address.of("+1"), "w".repeat(153 * 10), 1, false);

        for (SmsDeliver part : big.subList(0, 9)) {
            reassembler.accept(part, T0);
            assertTrue(reassembler.pendingParts() <= 5);
        }
        List<SmsDeliver> small = parts(Address.of("+2"), "v".repeat(200), 1, false);
        reassembler.accept(small.get(0), T0);
        ReassemblyResult done = reassembler.accept(small.get(1), T0);

        assertEquals("v".repeat(200), assertInstanceOf(ReassemblyResult.Complete.class, done).message().text());
        assertTrue(reassembler.pendingParts() <= 5);
        assertThrows(IllegalArgumentException.class, () -> new Reassembler(Duration.ZERO, 1, 1));
    }

    @Test
    @DisplayName("SMS-13: the part that completes a message gives up no other message, even when the reassembler is full")
    void completingPartEvictsNothing() throws MalformedPduException {
        // Found by ReassemblerFuzzTest (seed evicted-by-max-parts-while-completing): the other message
        // was given up to make room for a part that never stays, and Complete could not report it.
        Reassembler reassembler = new Reassembler(Duration.ofHours(1), 8, 2);
        List<SmsDeliver> waiting = parts(Address.of("+1"), "b".repeat(400), 7, false);
        List<SmsDeliver> pair = parts(Address.of("+2"), "a".repeat(200), 9, false);
        reassembler.accept(waiting.get(0), T0);
        reassembler.accept(pair.get(0), T0);

        ReassemblyResult done = reassembler.accept(pair.get(1), T0);

        assertEquals("a".repeat(200), assertInstanceOf(ReassemblyResult.Complete.class, done).message().text());
        assertEquals(1, reassembler.pendingMessages());
        assertEquals(1, reassembler.pendingParts());
        assertEquals(new ReassemblyResult.Pending(2, 3, List.of()), reassembler.accept(waiting.get(1), T0));
    }
}
