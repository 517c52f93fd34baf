package io.metermodem.sms.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.cellular.MockCellularNetwork;
import io.metermodem.hal.mock.cellular.SentSms;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmsSendQueueTest {

    private final MockBoard board = MockBoard.builder().build();
    private final MockCellularNetwork network = board.network();
    private final SmsSendQueue queue = new SmsSendQueue(board.scheduler(), network, SmsSendQueue.Settings.DEFAULT);

    SmsSendQueueTest() {
        network.registerOn(AccessTechnology.LTE, "Test");
        board.advance(Duration.ofSeconds(10));
    }

    @AfterEach
    void close() {
        board.close();
    }

    private CompletableFuture<SendResult> send(String text) {
        return queue.enqueue(new OutgoingSms("+36301234567", text)).toCompletableFuture();
    }

    @Test
    @DisplayName("SMS-12: messages go one at a time, in order")
    void inOrder() {
        var a = send("one");
        var b = send("two");
        assertTrue(queue.isSending());
        assertEquals(1, queue.waitingCount());
        board.advance(Duration.ofSeconds(10));
        assertEquals(List.of("one", "two"), network.sentSms().stream().map(SentSms::text).toList());
        assertEquals(new SendResult.Sent(network.sentSms().get(0).reference(), 1), a.getNow(null));
        assertEquals(new SendResult.Sent(network.sentSms().get(1).reference(), 1), b.getNow(null));
    }

    @Test
    @DisplayName("SMS-12: a refused send is retried after 10 s, then 20 s (doubling backoff), in virtual time")
    void retries() {
        network.refuseNextSms(2);
        var r = send("retry me");
        board.advance(Duration.ofSeconds(3)); // first attempt refused
        assertTrue(network.sentSms().isEmpty());
        board.advance(Duration.ofSeconds(10)); // second attempt at ~12 s, refused
        assertTrue(network.sentSms().isEmpty());
        board.advance(Duration.ofSeconds(15));
        assertTrue(network.sentSms().isEmpty(), "third attempt not before 10 + 20 s");
        board.advance(Duration.ofSeconds(10));
        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, r.getNow(null));
        assertEquals(3, sent.attempts());
        assertEquals(1, network.sentSms().size());
    }

    @Test
    @DisplayName("SMS-12: after the last attempt the message is given up")
    void givesUp() {
        network.refuseNextSms(100);
        var r = send("never");
        board.advance(Duration.ofMinutes(30));
        SendResult.Failed f = assertInstanceOf(SendResult.Failed.class, r.getNow(null));
        assertEquals(5, f.attempts());
        assertEquals(1, queue.failedCount());
    }

    @Test
    @DisplayName("SMS-12: an attempt that takes longer than the attempt time-out counts as failed; its late answer is ignored")
    void attemptTimeout() {
        SmsSendQueue impatient = new SmsSendQueue(board.scheduler(), network,
                new SmsSendQueue.Settings(4, 2, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        var r = impatient.enqueue(new OutgoingSms("+36301234567", "slow")).toCompletableFuture(); // 2 s per part
        board.advance(Duration.ofSeconds(1).plusMillis(500));
        assertTrue(!r.isDone(), "first attempt timed out, retry pending");
        board.advance(Duration.ofSeconds(10));
        SendResult.Failed f = assertInstanceOf(SendResult.Failed.class, r.getNow(null));
        assertEquals(2, f.attempts());
        assertTrue(f.reason().contains("no answer within 1 s"), f.reason());
    }

    @Test
    @DisplayName("SMS-12: the queue is bounded; one more ordinary message is refused at once")
    void bounded() {
        for (int i = 0; i < SmsSendQueue.Settings.DEFAULT.capacity() + 1; i++) {
            send("m" + i); // the first goes in flight at once
        }
        var refused = send("overflow");
        assertEquals("send queue full", assertInstanceOf(SendResult.Failed.class, refused.getNow(null)).reason());
        assertEquals(1, queue.refusedCount());
    }

    @Test
    @DisplayName("PWR-1: an urgent message overtakes waiting ones; its deadline gives it up")
    void urgentFirst() {
        send("reply 1");
        send("reply 2");
        var urgent = queue.enqueueUrgent(new OutgoingSms("+36209999999", "POWER LOST"),
                board.scheduler().nanoTime() + Duration.ofSeconds(30).toNanos()).toCompletableFuture();
        board.advance(Duration.ofSeconds(10));
        assertEquals(List.of("reply 1", "POWER LOST", "reply 2"), network.sentSms().stream().map(SentSms::text).toList());
        assertEquals(new SendResult.Sent(network.sentSms().get(1).reference(), 1), urgent.getNow(null));
    }

    @Test
    @DisplayName("SMS-12: a reply longer than one SMS leaves as one message, sent concatenated by the module")
    void longReply() {
        String text = "x".repeat(400);
        var r = send(text);
        board.advance(Duration.ofSeconds(10));
        SentSms sent = network.sentSms().getFirst();
        assertEquals(new SendResult.Sent(sent.reference(), 1), r.getNow(null));
        assertEquals(text, sent.text());
        assertEquals(3, sent.parts());
    }
}
