package io.metermodem.sms.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Coverage-guided fuzz of the bounded concatenation {@link Reassembler} (SMS-13), fed with parts
 * that carry any concatenation element (valid or not) and with decoded PDUs, while virtual time
 * moves and messages expire. A model, kept only from what the reassembler reports, proves that every
 * part it took is accounted for exactly once (completed, evicted, expired or still held), that the
 * bounds hold after every step, that a completed message has exactly the parts 1..total of one
 * sender and reference in order, that a duplicate is reported only for a part it holds, and that
 * expiry gives up exactly the messages whose time-out has passed, oldest first.
 *
 * <p>The input is a script: octet 0 sets {@code maxMessages} (1..8), octet 1 {@code maxParts}
 * (1..32); then each operation is one octet whose two low bits choose: 0 a part (5 octets follow:
 * sender, reference, total, sequence, flags), 1 advance time (1 octet: seconds), 2 expire, 3 a PDU
 * (1 octet length, then that many octets, decoded with the SMSC prefix). A script that ends early
 * just stops.
 */
class ReassemblerFuzzTest {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Address[] SENDERS = {
        Address.of("+3612345"), Address.of("+3612346"), Address.alphanumeric("Bank"), Address.national("0301234")};
    private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private record Key(Address originator, int reference, int total, boolean sixteenBit) {
        static Key of(Address originator, ConcatInfo info) {
            return new Key(originator, info.reference(), info.total(), info.sixteenBitReference());
        }
    }

    /** What the reassembler should hold, per message, in the order it took them in. */
    private static final class Held {
        final Instant firstSeen;
        final TreeMap<Integer, SmsDeliver> parts = new TreeMap<>();

        Held(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }
    }

    @FuzzTest
    void reassemble(byte[] script) {
        if (script.length < 2) {
            return;
        }
        int maxMessages = 1 + (script[0] & 0x07);
        int maxParts = 1 + (script[1] & 0x1F);
        new Run(new Reassembler(TIMEOUT, maxMessages, maxParts), maxMessages, maxParts).play(script, 2);
    }

    private static final class Run {
        private final Reassembler reassembler;
        private final int maxMessages;
        private final int maxParts;
        private final LinkedHashMap<Key, Held> model = new LinkedHashMap<>();
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        Run(Reassembler reassembler, int maxMessages, int maxParts) {
            this.reassembler = reassembler;
            this.maxMessages = maxMessages;
            this.maxParts = maxParts;
        }

        void play(byte[] script, int start) {
            int at = start;
            while (at < script.length) {
                int op = script[at++] & 0xFF;
                switch (op & 3) {
                    case 0 -> {
                        if (at + 5 > script.length) {
                            return;
                        }
                        accept(part(Arrays.copyOfRange(script, at, at + 5)));
                        at += 5;
                    }
                    case 1 -> {
                        if (at >= script.length) {
                            return;
                        }
                        now = now.plusSeconds(script[at++] & 0xFF);
                    }
                    case 2 -> expire();
                    default -> {
                        if (at >= script.length) {
                            return;
                        }
                        int length = Math.min(script[at++] & 0xFF, script.length - at);
                        byte[] pdu = Arrays.copyOfRange(script, at, at + length);
                        at += length;
                        PduChecks.decode(pdu, true).ifPresent(sms -> {
                            if (sms instanceof SmsDeliver deliver) {
                                accept(deliver);
                            }
                        });
                    }
                }
                checkBounds();
            }
        }

        /** A part whose concatenation element holds the raw octets: totals of 0 and bad sequences too. */
        private static SmsDeliver part(byte[] octets) {
            Address sender = SENDERS[octets[0] & 3];
            boolean sixteenBit = (octets[4] & 1) != 0;
            byte[] data = sixteenBit
                    ? new byte[] {(byte) (octets[4] >>> 1), octets[1], octets[2], octets[3]}
                    : new byte[] {octets[1], octets[2], octets[3]};
            InformationElement element = new InformationElement(sixteenBit ? InformationElement.CONCAT_16BIT
                    : InformationElement.CONCAT_8BIT, data);
            UserData ud = UserData.text("p" + (octets[3] & 0xFF)).withHeader(List.of(element));
            return SmsDeliver.of(sender, TIME, DataCoding.GSM_7BIT, ud);
        }

        private void accept(SmsDeliver part) {
            ReassemblyResult result = reassembler.accept(part, now);
            assertNotNull(result);
            var concat = part.concat();
            if (concat.isEmpty() || concat.get().total() == 1) {
                ReassemblyResult.Complete single = cast(ReassemblyResult.Complete.class, result, "a single message");
                assertEquals(List.of(part), single.message().parts());
                assertEquals(part.originator(), single.message().originator());
                return;
            }
            ConcatInfo info = concat.get();
            Key key = Key.of(part.originator(), info);
            Held held = model.get(key);
            boolean holdsSequence = held != null && held.parts.containsKey(info.sequence());
            switch (result) {
                case ReassemblyResult.Duplicate duplicate -> {
                    assertTrue(holdsSequence, () -> "a duplicate of a part not held: " + info);
                    assertEquals(info, duplicate.concat());
                }
                case ReassemblyResult.Pending pending -> {
                    assertTrue(!holdsSequence, () -> "a held sequence taken again: " + info);
                    for (IncompleteSms evicted : pending.evicted()) {
                        assertEquals(IncompleteSms.Reason.EVICTED, evicted.reason());
                        forget(evicted);
                    }
                    Held message = model.computeIfAbsent(key, k -> new Held(now));
                    message.parts.put(info.sequence(), part);
                    assertEquals(message.parts.size(), pending.received(), "parts received");
                    assertEquals(info.total(), pending.total());
                    assertTrue(pending.received() < pending.total(), "pending yet complete");
                }
                case ReassemblyResult.Complete complete -> {
                    assertTrue(!holdsSequence, () -> "completed with a duplicate: " + info);
                    TreeMap<Integer, SmsDeliver> parts = held == null ? new TreeMap<>() : new TreeMap<>(held.parts);
                    parts.put(info.sequence(), part);
                    assertEquals(info.total(), parts.size(), () -> "completed with " + parts.size() + " of " + info.total()
                            + " parts held for " + key);
                    assertEquals(new ArrayList<>(parts.values()), complete.message().parts(), "the parts 1..total, in order");
                    assertEquals(part.originator(), complete.message().originator());
                    model.remove(key);
                }
            }
        }

        private void expire() {
            List<IncompleteSms> expired = reassembler.expire(now);
            List<Key> due = new ArrayList<>();
            for (Map.Entry<Key, Held> entry : model.entrySet()) {
                if (!entry.getValue().firstSeen.plus(TIMEOUT).isAfter(now)) {
                    due.add(entry.getKey());
                }
            }
            assertEquals(due.size(), expired.size(), () -> "expired " + expired.size() + ", due " + due);
            for (int i = 0; i < expired.size(); i++) {
                IncompleteSms gone = expired.get(i);
                assertEquals(IncompleteSms.Reason.TIMED_OUT, gone.reason());
                assertEquals(due.get(i), forget(gone), "oldest first");
            }
        }

        /** Removes a message the reassembler gave up from the model, checking it held exactly those parts. */
        private Key forget(IncompleteSms gone) {
            assertTrue(!gone.received().isEmpty(), "a message given up with no part");
            ConcatInfo info = gone.received().getFirst().concat().orElseThrow();
            Key key = Key.of(gone.originator(), info);
            assertEquals(new Key(gone.originator(), gone.reference(), gone.total(), info.sixteenBitReference()), key);
            Held held = model.remove(key);
            if (held == null) {
                fail("gave up a message it was not holding: " + key);
            }
            assertEquals(new ArrayList<>(held.parts.values()), gone.received(), "the parts it held, in order");
            List<Integer> all = new ArrayList<>(gone.missing());
            held.parts.keySet().forEach(all::add);
            all.sort(null);
            assertEquals(IntStream.rangeClosed(1, gone.total()).boxed().toList(), all, "received and missing are 1..total");
            StringBuilder text = new StringBuilder();
            held.parts.values().forEach(p -> text.append(p.text()));
            assertEquals(text.toString(), gone.partialText());
            return key;
        }

        private void checkBounds() {
            int parts = 0;
            for (Iterator<Held> it = model.values().iterator(); it.hasNext(); ) {
                parts += it.next().parts.size();
            }
            assertEquals(model.size(), reassembler.pendingMessages(), "messages held: every one accounted for");
            assertEquals(parts, reassembler.pendingParts(), "parts held: every one accounted for");
            assertTrue(reassembler.pendingMessages() <= maxMessages, "at most maxMessages");
            assertTrue(reassembler.pendingParts() <= maxParts, "at most maxParts");
        }

        private static <T> T cast(Class<T> type, ReassemblyResult result, String what) {
            assertTrue(type.isInstance(result), () -> what + " gave " + result);
            return type.cast(result);
        }
    }
}
