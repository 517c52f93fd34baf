package io.metermodem.hal.mock.cellular;

import static io.metermodem.hal.mock.cellular.Outcome.failure;
import static io.metermodem.hal.mock.cellular.Outcome.isPending;
import static io.metermodem.hal.mock.cellular.Outcome.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.CallEndReason;
import io.metermodem.hal.cellular.CellularException;
import io.metermodem.hal.cellular.CellularException.Reason;
import io.metermodem.hal.cellular.CsdCall;
import io.metermodem.hal.cellular.CsdReceiver;
import io.metermodem.hal.mock.VirtualScheduler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MockCsdCallTest {

    private static final String HES = "+36301234567";

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final MockCellularNetwork network = new MockCellularNetwork(scheduler);
    private final RecordingListener listener = new RecordingListener(scheduler);

    MockCsdCallTest() {
        network.addListener(listener);
        network.registerOn(AccessTechnology.GSM, "Telekom HU");
        scheduler.runDueTasks();
        listener.events.clear();
    }

    /** A receiver that records data as text and the end reason, with virtual milliseconds. */
    private final class Receiver implements CsdReceiver {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();

        @Override
        public void onData(byte[] bytes, int offset, int length) {
            data.write(bytes, offset, length);
            events.add("data:" + new String(bytes, offset, length, StandardCharsets.ISO_8859_1)
                    + "@" + scheduler.nanoTime() / 1_000_000);
        }

        @Override
        public void onEnded(CallEndReason reason) {
            events.add("ended:" + reason + "@" + scheduler.nanoTime() / 1_000_000);
        }
    }

    private CsdCall answerAfterRings(CsdPeer caller, int rings) {
        scheduler.advance(Duration.ofSeconds(3L * (rings - 1)).plusMillis(500));
        CompletionStage<CsdCall> answered = network.answer();
        scheduler.advance(Duration.ofSeconds(2));
        CsdCall call = value(answered);
        assertTrue(caller.isConnected());
        return call;
    }

    @Test
    @DisplayName("HAL-7: an incoming data call rings every 3 s with an increasing count until answered")
    void ringsThenAnswer() {
        CsdPeer caller = network.incomingCall(HES);
        assertTrue(caller.isRinging());

        CsdCall call = answerAfterRings(caller, 3);
        scheduler.advance(Duration.ofSeconds(30));

        assertEquals(List.of("ring:" + HES + "#1@0", "ring:" + HES + "#2@3000", "ring:" + HES + "#3@6000"),
                listener.events);
        assertTrue(call.isConnected());
        assertEquals(HES, call.remoteNumber());
        assertFalse(network.isRinging());
        assertEquals(Optional.of(caller), network.lastCall());
    }

    @Test
    @DisplayName("HAL-7: data travels both ways at 9600 bit/s (10 bits per byte) plus the network delay")
    void dataBothWays() throws Exception {
        CsdPeer caller = network.incomingCall(HES);
        CsdCall call = answerAfterRings(caller, 1);   // connected at 2500 ms
        Receiver receiver = new Receiver();
        call.setReceiver(receiver);

        byte[] block = new byte[96];                  // 96 bytes = 960 bits = 100 ms on the line
        call.write(block, 0, block.length);
        call.write("END".getBytes(StandardCharsets.US_ASCII), 0, 3);
        scheduler.advance(Duration.ofMillis(199));
        assertEquals(0, caller.received().length);
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(96, caller.received().length);   // 100 ms on the line + 100 ms delay
        scheduler.advance(Duration.ofMillis(4));
        assertEquals("END", new String(caller.takeReceived(), 96, 3, StandardCharsets.US_ASCII));
        assertEquals(0, caller.received().length);

        caller.send("/?!\r\n");                       // at 2704 ms: 5 bytes = 5.21 ms, + 100 ms
        scheduler.advance(Duration.ofMillis(105));
        assertEquals(List.of(), receiver.events);
        scheduler.advance(Duration.ofMillis(1));

        assertEquals(List.of("data:/?!\r\n@2809"), receiver.events);
    }

    @Test
    @DisplayName("HAL-7: bytes that arrive before the modem sets a receiver are handed over when it does")
    void bufferedUntilReceiver() {
        CsdPeer caller = network.incomingCall(HES);
        CsdCall call = answerAfterRings(caller, 1);
        caller.send("early ").send("bytes");
        scheduler.advance(Duration.ofSeconds(1));

        Receiver receiver = new Receiver();
        call.setReceiver(receiver);

        assertEquals("early bytes", receiver.data.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    @DisplayName("HAL-7: a remote hang-up reaches the modem after the data already on its way, as REMOTE_HANG_UP")
    void remoteHangUp() {
        CsdPeer caller = network.incomingCall(HES);
        CsdCall call = answerAfterRings(caller, 1);   // at 2500 ms
        Receiver receiver = new Receiver();
        call.setReceiver(receiver);

        caller.send("bye".repeat(32));                // 96 bytes: 100 ms on the line
        caller.hangUp();
        assertTrue(call.isConnected());
        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(List.of("data:" + "bye".repeat(32) + "@2700", "ended:REMOTE_HANG_UP@2700"), receiver.events);
        assertFalse(call.isConnected());
        assertEquals(Optional.of(CallEndReason.LOCAL_HANG_UP), caller.endReason());
        CellularException e = assertThrows(CellularException.class, () -> call.write(new byte[1], 0, 1));
        assertEquals(Reason.NO_CARRIER, e.reason());
        assertThrows(IllegalStateException.class, () -> caller.send("late"));
    }

    @Test
    @DisplayName("HAL-7: a local hang-up ends the receiver in a task and the far end hears it after the delay")
    void localHangUp() {
        CsdPeer caller = network.incomingCall(HES);
        CsdCall call = answerAfterRings(caller, 1);
        Receiver receiver = new Receiver();
        call.setReceiver(receiver);

        call.hangUp();
        assertEquals(List.of(), receiver.events);
        assertFalse(call.isConnected());
        scheduler.advance(Duration.ofMillis(100));

        assertEquals(List.of("ended:LOCAL_HANG_UP@2500"), receiver.events);
        assertEquals(Optional.of(CallEndReason.REMOTE_HANG_UP), caller.endReason());
        call.hangUp(); // harmless
        assertEquals(1, receiver.events.size());
    }

    @Test
    @DisplayName("HAL-7: a caller that is not answered gives up after its rings: onRingingStopped(MISSED)")
    void missedCall() {
        CsdPeer caller = network.incomingCall(HES, 3);

        scheduler.advance(Duration.ofSeconds(20));

        assertEquals(List.of("ring:" + HES + "#1@0", "ring:" + HES + "#2@3000", "ring:" + HES + "#3@6000",
                "ringingStopped:MISSED@9000"), listener.events);
        assertEquals(Optional.of(CallEndReason.MISSED), caller.endReason());
        CompletionStage<CsdCall> late = network.answer();
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(Reason.NO_CALL, failure(late));
    }

    @Test
    @DisplayName("HAL-7: a caller hanging up while it rings stops the ringing; a rejected caller hears a hang-up")
    void callerHangsUpAndReject() {
        CsdPeer first = network.incomingCall(HES);
        scheduler.advance(Duration.ofSeconds(4));
        first.hangUp();
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(List.of("ring:" + HES + "#1@0", "ring:" + HES + "#2@3000", "ringingStopped:MISSED@4000"),
                listener.events);

        CsdPeer second = network.incomingCall("");
        scheduler.runDueTasks();
        network.reject();
        scheduler.advance(Duration.ofSeconds(10));

        assertEquals("ring:#1@14000", listener.events.get(3));
        assertEquals(4, listener.events.size());
        assertEquals(Optional.of(CallEndReason.REMOTE_HANG_UP), second.endReason());
    }

    @Test
    @DisplayName("HAL-7: a caller hanging up while the modem answers fails the answer with NO_CARRIER")
    void hangUpDuringAnswer() {
        CsdPeer caller = network.incomingCall(HES);
        scheduler.runDueTasks();
        CompletionStage<CsdCall> answered = network.answer();
        scheduler.advance(Duration.ofSeconds(1));
        caller.hangUp();
        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(Reason.NO_CARRIER, failure(answered));
    }

    @Test
    @DisplayName("HAL-7: losing the network ends a data call with NETWORK_LOST at both ends")
    void networkLostDuringCall() {
        CsdPeer caller = network.incomingCall(HES);
        CsdCall call = answerAfterRings(caller, 1);
        Receiver receiver = new Receiver();
        call.setReceiver(receiver);

        network.loseNetwork();
        scheduler.runDueTasks();

        assertEquals(List.of("ended:NETWORK_LOST@2500"), receiver.events);
        assertEquals(Optional.of(CallEndReason.NETWORK_LOST), caller.endReason());
        assertThrows(IllegalStateException.class, () -> network.incomingCall(HES));
    }

    @Test
    @DisplayName("HAL-7: a dialled number that answers connects after 10 s and carries data")
    void dialAnswered() throws Exception {
        network.onDial("+3612345678", DialOutcome.ANSWER);

        CompletionStage<CsdCall> dialled = network.dial("+3612345678");
        scheduler.advance(Duration.ofMillis(9999));
        assertTrue(isPending(dialled));
        scheduler.advance(Duration.ofMillis(1));
        CsdCall call = value(dialled);
        call.write("hi".getBytes(StandardCharsets.US_ASCII), 0, 2);
        scheduler.advance(Duration.ofSeconds(1));

        CsdPeer far = network.lastCall().orElseThrow();
        assertTrue(far.isDialledByModem());
        assertEquals("hi", far.receivedText());
        assertEquals(List.of("+3612345678"), network.dialledNumbers());
        CompletionStage<CsdCall> second = network.dial("+3612345678");
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(Reason.REFUSED, failure(second));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"BUSY, BUSY", "NO_ANSWER, NO_ANSWER", "NO_CARRIER, NO_CARRIER"})
    @DisplayName("HAL-7: scripted dial outcomes fail the dial with the matching reason")
    void dialOutcomes(DialOutcome outcome, Reason reason) {
        network.onDial("0612345678", outcome);

        CompletionStage<CsdCall> dialled = network.dial("0612345678");
        scheduler.advance(Duration.ofSeconds(10));

        assertEquals(reason, failure(dialled));
        CompletionStage<CsdCall> unscripted = network.dial("0699999999");
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(Reason.NO_CARRIER, failure(unscripted));
    }

    @Test
    @DisplayName("HAL-7: dialling without registration fails at once with NOT_REGISTERED")
    void dialUnregistered() {
        network.loseNetwork();

        CompletionStage<CsdCall> dialled = network.dial("+3612345678");
        scheduler.advance(Duration.ofMillis(100));

        assertEquals(Reason.NOT_REGISTERED, failure(dialled));
        assertThrows(IllegalArgumentException.class, () -> network.dial("abc"));
    }
}
