package io.metermodem.sms.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ConfigurationService;
import io.metermodem.config.Transaction;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.cellular.MockCellularNetwork;
import io.metermodem.hal.mock.cellular.SentSms;
import io.metermodem.hal.mock.gpio.MockPowerSupply;
import io.metermodem.sms.TestConfigs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Last Gasp (manual 3.8, PWR-1, PWR-2, SMS-12) on the mock board, in virtual time: the power-fail
 * input hands {@code POWER LOST} to the module at the very instant it goes active (the manual: "immediately
 * transmitted"), ahead of queued replies and within the supercapacitor's budget; {@code POWER RETURN}
 * follows recovery; nothing is sent while {@code amm.last_gasp} is off.
 */
class LastGaspTest {

    private static final String NUMBER = "+36209999999";
    private final MockBoard board = MockBoard.builder().build();
    private final MockCellularNetwork network = board.network();
    private final MockPowerSupply power = board.powerSupply();
    private final ConfigurationService config = TestConfigs.fresh();
    private final SmsSendQueue queue = new SmsSendQueue(board.scheduler(), network, SmsSendQueue.Settings.DEFAULT);
    private final LastGasp lastGasp = new LastGasp(board.scheduler(), board.powerFail(), config, queue,
            LastGasp.DEFAULT_BUDGET);

    LastGaspTest() {
        network.registerOn(AccessTechnology.LTE, "Test");
        board.advance(Duration.ofSeconds(10));
        network.takeSentSms();
        lastGasp.start();
    }

    @AfterEach
    void close() {
        board.close();
    }

    private void enable() {
        assertEquals(0, config.apply(Transaction.builder().set("amm.last_gasp", "1")
                .set("amm.last_gasp_number", NUMBER).build()).errorCode());
    }

    private List<String> sentTexts() {
        return network.sentSms().stream().map(s -> s.destination() + " " + s.text()).toList();
    }

    @Test
    @DisplayName("PWR-1, SMS-12: power loss hands POWER LOST to the module at the very instant the power-fail input goes active; the network has it one send time later")
    void powerLost() {
        enable();
        long cut = board.scheduler().nanoTime();
        Duration send = network.timings().smsSendPerPart();

        power.cutPower();
        board.scheduler().runDueTasks(); // the listener's task, at the same virtual instant

        assertEquals(cut, board.scheduler().nanoTime(), "no virtual time passed");
        assertTrue(queue.isSending(), "handed to the module at the instant of the cut, not later");
        board.advance(send.minusNanos(1));
        assertEquals(List.of(), sentTexts(), "the module needs its send time");
        board.advance(Duration.ofNanos(1));
        assertEquals(List.of(NUMBER + " POWER LOST"), sentTexts());
        // a hand-over even 1 ns after the cut would move this instant
        assertEquals(Duration.ofNanos(cut).plus(send), network.sentSms().getFirst().sentAt());
        assertTrue(power.isAlive(), "the supercapacitor still holds");
        LastGasp.Notification notification = lastGasp.history().getFirst();
        assertEquals(new LastGasp.Notification(LastGasp.POWER_LOST, NUMBER, cut, notification.result()), notification);
        assertEquals(1, assertInstanceOf(SendResult.Sent.class, notification.result()).attempts());
    }

    @Test
    @DisplayName("PWR-1, SMS-12: recovery hands POWER RETURN to the module at the instant the input goes inactive")
    void powerReturn() {
        enable();
        power.cutPower();
        board.advance(Duration.ofSeconds(30));
        long restored = board.scheduler().nanoTime();

        power.restorePower();
        board.scheduler().runDueTasks();

        assertTrue(queue.isSending(), "handed to the module at once");
        board.advance(Duration.ofSeconds(5));
        assertEquals(List.of(NUMBER + " POWER LOST", NUMBER + " POWER RETURN"), sentTexts());
        assertEquals(Duration.ofNanos(restored).plus(network.timings().smsSendPerPart()), network.sentSms().get(1).sentAt());
        assertEquals(List.of(LastGasp.POWER_LOST, LastGasp.POWER_RETURN),
                lastGasp.history().stream().map(LastGasp.Notification::text).toList());
    }

    @Test
    @DisplayName("PWR-2: with amm.last_gasp disabled (the default) nothing is sent")
    void disabled() {
        power.cutPower();
        board.advance(Duration.ofSeconds(30));
        power.restorePower();
        board.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), sentTexts());
    }

    @Test
    @DisplayName("PWR-1: POWER LOST overtakes queued replies")
    void overtakes() {
        enable();
        queue.enqueue(new OutgoingSms("+3611", "reply a"));
        queue.enqueue(new OutgoingSms("+3611", "reply b"));
        power.cutPower();
        board.advance(Duration.ofSeconds(10));
        assertEquals(List.of("+3611 reply a", NUMBER + " POWER LOST", "+3611 reply b"), sentTexts());
    }

    @Test
    @DisplayName("PWR-1: refused at first, POWER LOST is retried and still sent within the budget")
    void retriedWithinBudget() {
        enable();
        network.refuseNextSms(2);
        long cut = board.scheduler().nanoTime();
        power.cutPower();
        board.advance(Duration.ofSeconds(60));
        assertEquals(List.of(NUMBER + " POWER LOST"), sentTexts());
        // attempts at once, after 10 s and after 20 s more backoff, each taking the module's send time
        Duration send = network.timings().smsSendPerPart();
        Duration backoff = SmsSendQueue.Settings.DEFAULT.firstBackoff();
        Duration expected = send.multipliedBy(3).plus(backoff).plus(backoff.multipliedBy(2));
        SentSms sent = network.sentSms().getFirst();
        assertEquals(Duration.ofNanos(cut).plus(expected), sent.sentAt());
        assertTrue(expected.compareTo(LastGasp.DEFAULT_BUDGET) < 0);
        assertEquals(3, ((SendResult.Sent) lastGasp.history().getFirst().result()).attempts());
    }

    @Test
    @DisplayName("PWR-1: beyond the supercapacitor's budget POWER LOST is given up, no attempt starts after it")
    void beyondBudget() {
        enable();
        network.refuseNextSms(100);
        power.cutPower();
        board.advance(Duration.ofMinutes(3));
        assertEquals(List.of(), sentTexts());
        SendResult.Failed f = assertInstanceOf(SendResult.Failed.class, lastGasp.history().getFirst().result());
        // attempts at 0, 12, 34 and 76 s fit in 90 s; the next would come at 158 s
        assertEquals(4, f.attempts());
        assertTrue(f.reason().startsWith("deadline passed"), f.reason());
        assertTrue(!power.isAlive(), "the supercapacitor ran out meanwhile (2 min hold-up)");
    }

    @Test
    @DisplayName("PWR-1: a send still running when the budget ends is given up at the deadline")
    void deadlineWhileSending() {
        enable();
        LastGasp tight = new LastGasp(board.scheduler(), board.powerFail(), config, queue, Duration.ofSeconds(1));
        lastGasp.close();
        tight.start();
        power.cutPower();
        board.advance(Duration.ofSeconds(1).plusMillis(100)); // one part takes 2 s on the mock
        SendResult.Failed f = assertInstanceOf(SendResult.Failed.class, tight.history().getFirst().result());
        assertEquals("deadline passed", f.reason());
        assertTrue(!queue.isSending());
    }
}
