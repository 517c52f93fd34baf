package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.CallEndReason;
import io.metermodem.hal.mock.cellular.CsdPeer;
import io.metermodem.hal.mock.cellular.DialOutcome;
import io.metermodem.hal.serial.FlowControl;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CSD calls, online data mode, escape and the control lines, all in virtual time. */
class CallTest {

    private static final String CALLER = "+36301234567";
    private final Harness h = Harness.quiet();

    @AfterEach
    void close() {
        h.close();
    }

    private CsdPeer dialConnected() {
        h.network().onDial("123456", DialOutcome.ANSWER);
        assertEquals("", h.send("ATD123456\r"));
        assertEquals("\r\nCONNECT 9600\r\n", h.advance(h.network().timings().dial()));
        assertEquals(AtMode.ONLINE_DATA, h.at.mode());
        return h.network().lastCall().orElseThrow();
    }

    private void escape() {
        h.advance(Duration.ofSeconds(1));
        h.send("+++");
        assertEquals("\r\nOK\r\n", h.advance(Duration.ofSeconds(1)));
        assertEquals(AtMode.ONLINE_COMMAND, h.at.mode());
    }

    @Test
    @DisplayName("AT-2: an incoming call rings RING and is answered automatically after the third ring")
    void autoAnswerAfterThirdRing() {
        CsdPeer caller = h.network().incomingCall(CALLER);
        Duration ring = h.network().timings().ringInterval();
        assertEquals("\r\nRING\r\n", h.advance(Duration.ZERO));
        assertEquals("\r\nRING\r\n", h.advance(ring));
        assertEquals(2, h.at.profile().register(SRegister.S1));
        assertFalse(caller.isConnected());
        assertEquals("\r\nRING\r\n", h.advance(ring), "third ring: answering starts");
        assertFalse(caller.isConnected());
        assertEquals("\r\nCONNECT 9600\r\n", h.advance(h.network().timings().answer()));
        assertTrue(caller.isConnected());
        assertEquals(AtMode.ONLINE_DATA, h.at.mode());
    }

    @Test
    @DisplayName("AT-2: ATA answers a ringing call; with S0=0 nothing answers by itself")
    void ataAnswers() {
        h.send("ATS0=0\r");
        CsdPeer caller = h.network().incomingCall(CALLER);
        Duration ring = h.network().timings().ringInterval();
        h.advance(ring.multipliedBy(4));
        assertFalse(caller.isConnected());
        assertEquals("\r\n+CLCC: 1,1,4,1,0,\"" + CALLER + "\",145\r\n\r\nOK\r\n", h.send("AT+CLCC\r"));

        assertEquals("", h.send("ATA\r"));
        assertEquals("\r\nCONNECT 9600\r\n", h.advance(h.network().timings().answer()));
        assertTrue(caller.isConnected());

        caller.send("meter data");
        assertEquals("meter data", h.advance(Duration.ofSeconds(1)));
        h.send("request");
        h.advance(Duration.ofSeconds(1));
        assertEquals("request", caller.receivedText());
    }

    @Test
    @DisplayName("AT-2: ATA without a ringing call ends with NO CARRIER")
    void ataWithoutCall() {
        h.send("ATA\r");
        assertEquals("\r\nNO CARRIER\r\n", h.advance(Duration.ofSeconds(1)));
    }

    @Test
    @DisplayName("AT-3: ATDT dials the number; CONNECT with the bearer rate, data both ways")
    void dial() {
        CsdPeer far = dialConnected();
        assertEquals(List.of("123456"), h.network().dialledNumbers());
        assertTrue(far.isConnected());
        h.send("hello");
        h.advance(Duration.ofSeconds(1));
        assertEquals("hello", far.receivedText());
    }

    @Test
    @DisplayName("AT-3: tone, pulse and pause modifiers and spaces are dropped from the dial string; a voice ';' is refused")
    void dialString() {
        h.network().onDial("+3612345", DialOutcome.ANSWER);
        h.send("ATDT +36 (1) 23,4-5\r");
        assertEquals("\r\nCONNECT 9600\r\n", h.advance(h.network().timings().dial()));
        assertEquals(List.of("+3612345"), h.network().dialledNumbers());
        escape();
        assertEquals("\r\nOK\r\n", h.send("ATH\r"));
        assertEquals("\r\nERROR\r\n", h.send("ATD123;\r"));
        assertEquals("\r\nERROR\r\n", h.send("ATD\r"));
    }

    @Test
    @DisplayName("AT-3: a busy, unanswered or failed dial gives BUSY, NO ANSWER, NO CARRIER")
    void dialFailures() {
        h.network().onDial("111", DialOutcome.BUSY).onDial("222", DialOutcome.NO_ANSWER);
        Duration dial = h.network().timings().dial();
        h.send("ATD111\r");
        assertEquals("\r\nBUSY\r\n", h.advance(dial));
        h.send("ATD222\r");
        assertEquals("\r\nNO ANSWER\r\n", h.advance(dial));
        h.send("ATD333\r");
        assertEquals("\r\nNO CARRIER\r\n", h.advance(dial));
        h.network().loseNetwork();
        h.send("ATD444\r");
        assertEquals("\r\nNO DIALTONE\r\n", h.advance(dial));
    }

    @Test
    @DisplayName("AT-3: a character typed while dialling aborts with NO CARRIER; the late connection is dropped")
    void dialAborted() {
        h.network().onDial("123456", DialOutcome.ANSWER);
        h.send("ATD123456\r");
        h.advance(Duration.ofSeconds(1));
        assertEquals("\r\nNO CARRIER\r\n", h.send("x"));
        h.advance(h.network().timings().dial());
        CsdPeer far = h.network().lastCall().orElseThrow();
        assertFalse(far.isConnected());
        assertEquals(AtMode.COMMAND, h.at.mode());
        assertEquals("\r\nOK\r\n", h.send("AT\r"));
    }

    @Test
    @DisplayName("AT-3: S7 bounds the wait for the connection")
    void dialTimeout() {
        h.network().onDial("123456", DialOutcome.ANSWER);
        h.send("ATS7=4D123456\r");
        assertEquals("", h.advance(Duration.ofMillis(3_999)));
        assertEquals("\r\nNO CARRIER\r\n", h.advance(Duration.ofMillis(1)));
        h.advance(h.network().timings().dial());
        assertFalse(h.at.inCall());
    }

    @Test
    @DisplayName("AT-5: ATH hangs up the call")
    void hangUp() {
        CsdPeer far = dialConnected();
        escape();
        assertEquals("\r\nOK\r\n", h.send("ATH\r"));
        h.advance(Duration.ofSeconds(1));
        assertFalse(h.at.inCall());
        assertEquals(Optional.of(CallEndReason.REMOTE_HANG_UP), far.endReason());
        assertEquals(AtMode.COMMAND, h.at.mode());
    }

    @Test
    @DisplayName("AT-5: the far end hanging up ends online mode with NO CARRIER")
    void remoteHangUp() {
        CsdPeer far = dialConnected();
        far.hangUp();
        assertEquals("\r\nNO CARRIER\r\n", h.advance(Duration.ofSeconds(1)));
        assertEquals(AtMode.COMMAND, h.at.mode());
        assertFalse(h.at.inCall());
    }

    @Test
    @DisplayName("AT-7: ATO returns to online data mode after the escape; without a call it answers NO CARRIER")
    void backOnline() {
        assertEquals("\r\nNO CARRIER\r\n", h.send("ATO\r"));
        CsdPeer far = dialConnected();
        escape();
        far.send("while away");
        h.advance(Duration.ofSeconds(1));
        assertEquals(10, h.at.droppedOnlineCommandBytes());
        assertEquals("\r\nCONNECT 9600\r\n", h.send("ATO\r"));
        assertEquals(AtMode.ONLINE_DATA, h.at.mode());
        far.send("again");
        assertEquals("again", h.advance(Duration.ofSeconds(1)));
    }

    @Test
    @DisplayName("AT-24: +++ framed by one second of silence on both sides returns to command mode, keeping the call")
    void escapeWithGuardTime() {
        CsdPeer far = dialConnected();
        h.advance(Duration.ofSeconds(1));
        assertEquals("", h.send("+++"));
        assertEquals("", h.advance(Duration.ofMillis(999)));
        assertEquals("\r\nOK\r\n", h.advance(Duration.ofMillis(1)));
        assertEquals(AtMode.ONLINE_COMMAND, h.at.mode());
        assertTrue(far.isConnected());
        assertEquals("\r\nOK\r\n", h.send("AT\r"));
    }

    @Test
    @DisplayName("AT-24: +++ without the leading guard time is data")
    void escapeNeedsLeadingSilence() {
        CsdPeer far = dialConnected();
        h.advance(Duration.ofSeconds(2));
        h.send("data");
        h.advance(Duration.ofMillis(999));
        h.send("+++");
        assertEquals("", h.advance(Duration.ofSeconds(3)));
        assertEquals(AtMode.ONLINE_DATA, h.at.mode());
        assertEquals("data+++", far.receivedText());
    }

    @Test
    @DisplayName("AT-24: a byte within the trailing guard time, or pluses a guard time apart, cancel the escape")
    void escapeCancelled() {
        dialConnected();
        h.advance(Duration.ofSeconds(1));
        h.send("+++");
        h.advance(Duration.ofMillis(500));
        h.send("x");
        assertEquals("", h.advance(Duration.ofSeconds(3)));
        h.send("+");
        h.advance(Duration.ofSeconds(1));
        h.send("+");
        h.advance(Duration.ofSeconds(1));
        h.send("+");
        assertEquals("", h.advance(Duration.ofSeconds(3)));
        h.send("++++");
        assertEquals("", h.advance(Duration.ofSeconds(3)), "four pluses are data");
        assertEquals(AtMode.ONLINE_DATA, h.at.mode());
    }

    @Test
    @DisplayName("AT-24: S12 sets the guard time in fiftieths of a second, S2 the escape character, S2 above 127 turns it off")
    void escapeRegisters() {
        h.send("ATS12=25S2=45\r");
        dialConnected();
        h.advance(Duration.ofMillis(500));
        h.send("---");
        assertEquals("", h.advance(Duration.ofMillis(499)));
        assertEquals("\r\nOK\r\n", h.advance(Duration.ofMillis(1)));
        h.send("ATS2=200O\r");
        h.advance(Duration.ofSeconds(1));
        h.send("---");
        h.advance(Duration.ofSeconds(1));
        h.send("+++");
        assertEquals("", h.advance(Duration.ofSeconds(3)));
        assertEquals(AtMode.ONLINE_DATA, h.at.mode());
    }

    @Test
    @DisplayName("AT-12: AT&C0 keeps DCD on, AT&C1 shows the call, AT&C2 only online data mode")
    void dcdModes() {
        assertFalse(h.dcdLevel(), "&C1 without a call");
        h.send("AT&C0\r");
        assertTrue(h.dcdLevel());
        h.send("AT&C2\r");
        assertFalse(h.dcdLevel());
        dialConnected();
        assertTrue(h.dcdLevel());
        escape();
        assertFalse(h.dcdLevel(), "&C2: off in online command mode");
        h.send("AT&C1\r");
        assertTrue(h.dcdLevel(), "&C1: on while the call lasts");
        h.send("ATH\r");
        assertFalse(h.dcdLevel());
    }

    @Test
    @DisplayName("AT-13: DTR ON->OFF: &D0 ignored, &D1 command mode keeping the call, &D2 hangs up")
    void dtrModes() {
        CsdPeer far = dialConnected();
        h.at.dtrChanged(false);
        assertEquals(AtMode.ONLINE_DATA, h.at.mode(), "&D0 ignores DTR");

        escape();
        h.send("AT&D1O\r");
        h.at.dtrChanged(true);
        assertEquals("\r\nOK\r\n", sent(() -> h.at.dtrChanged(false)));
        assertEquals(AtMode.ONLINE_COMMAND, h.at.mode());
        assertTrue(far.isConnected());

        h.send("AT&D2O\r");
        assertEquals("\r\nOK\r\n", sent(() -> h.at.dtrChanged(false)));
        h.advance(Duration.ofSeconds(1));
        assertFalse(h.at.inCall());
        assertTrue(far.endReason().isPresent());
    }

    private String sent(Runnable action) {
        h.take();
        action.run();
        return h.take();
    }

    @Test
    @DisplayName("AT-14: AT&K3 selects RTS/CTS flow control, AT&K0 none")
    void flowControl() {
        assertEquals(FlowControl.NONE, h.flow.get(h.flow.size() - 1));
        h.send("AT&K3\r");
        assertEquals(FlowControl.RTS_CTS, h.flow.get(h.flow.size() - 1));
        h.send("AT&K0\r");
        assertEquals(FlowControl.NONE, h.flow.get(h.flow.size() - 1));
    }
}
