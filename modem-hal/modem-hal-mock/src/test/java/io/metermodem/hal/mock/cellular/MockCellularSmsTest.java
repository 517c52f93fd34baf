package io.metermodem.hal.mock.cellular;

import static io.metermodem.hal.mock.cellular.Outcome.failure;
import static io.metermodem.hal.mock.cellular.Outcome.isPending;
import static io.metermodem.hal.mock.cellular.Outcome.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.CellularException.Reason;
import io.metermodem.hal.cellular.IncomingSms;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.mock.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MockCellularSmsTest {

    private static final String HES = "+36301234567";

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final MockCellularNetwork network = new MockCellularNetwork(scheduler);
    private final RecordingListener listener = new RecordingListener(scheduler);

    MockCellularSmsTest() {
        network.addListener(listener);
    }

    @Test
    @DisplayName("HAL-7: a sent SMS is accepted after 2 s per part and recorded with its reference")
    void sendSms() {
        network.registerOn(AccessTechnology.LTE, "Telekom HU");

        CompletionStage<Integer> first = network.sendSms(new OutgoingSms(HES, "POWER LOST"));
        scheduler.advance(Duration.ofMillis(1999));
        assertTrue(isPending(first));
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(0, value(first));

        CompletionStage<Integer> longText = network.sendSms(new OutgoingSms(HES, "x".repeat(200)));
        scheduler.advance(Duration.ofSeconds(4));
        assertEquals(2, value(longText));

        CompletionStage<Integer> unicode = network.sendSms(new OutgoingSms(HES, "ő".repeat(71)));
        scheduler.advance(Duration.ofSeconds(4));
        assertEquals(4, value(unicode));

        List<SentSms> sent = network.sentSms();
        assertEquals(List.of("POWER LOST", "x".repeat(200), "ő".repeat(71)), sent.stream().map(SentSms::text).toList());
        assertEquals(List.of(1, 2, 2), sent.stream().map(SentSms::parts).toList());
        assertEquals(Duration.ofSeconds(2), sent.get(0).sentAt());
        assertEquals(HES, sent.get(0).destination());
        assertEquals(3, network.takeSentSms().size());
        assertEquals(List.of(), network.sentSms());
    }

    @Test
    @DisplayName("HAL-7: sending fails with NOT_REGISTERED without network and with REFUSED when the network says so")
    void sendFailures() {
        CompletionStage<Integer> unregistered = network.sendSms(new OutgoingSms(HES, "a"));
        scheduler.advance(Duration.ofMillis(100));
        assertEquals(Reason.NOT_REGISTERED, failure(unregistered));

        network.registerOn(AccessTechnology.GSM, "Telekom HU").refuseNextSms(1);
        CompletionStage<Integer> refused = network.sendSms(new OutgoingSms(HES, "b"));
        CompletionStage<Integer> accepted = network.sendSms(new OutgoingSms(HES, "c"));
        scheduler.advance(Duration.ofSeconds(2));

        assertEquals(Reason.REFUSED, failure(refused));
        assertEquals(0, value(accepted));
        assertEquals(List.of("c"), network.sentSms().stream().map(SentSms::text).toList());
    }

    @Test
    @DisplayName("HAL-7: an incoming SMS reaches the listeners with the sender, the text and the network time")
    void receiveSms() {
        network.registerOn(AccessTechnology.LTE, "Telekom HU");
        scheduler.advance(Duration.ofSeconds(30));

        network.deliverSms(HES, "PASSWORD status");
        scheduler.runDueTasks();

        assertEquals(List.of(new IncomingSms(HES, VirtualScheduler.DEFAULT_EPOCH.plusSeconds(30), "PASSWORD status")),
                listener.sms);
    }

    @Test
    @DisplayName("HAL-7: the network holds SMS while the module is not registered and delivers them in order after")
    void heldUntilRegistered() {
        network.deliverSms(HES, "first").deliverSms(HES, "second");
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(List.of(), listener.sms);
        assertEquals(2, network.pendingIncomingSms());

        network.networkAvailable(AccessTechnology.LTE, "Telekom HU");
        scheduler.advance(Duration.ofSeconds(3));

        assertEquals(List.of("first", "second"), listener.sms.stream().map(IncomingSms::text).toList());
        assertEquals(0, network.pendingIncomingSms());
        assertThrows(IllegalArgumentException.class, () -> network.deliverSms("not a number", "x"));
    }
}
