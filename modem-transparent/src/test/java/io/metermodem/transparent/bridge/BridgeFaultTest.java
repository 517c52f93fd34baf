package io.metermodem.transparent.bridge;

import static io.metermodem.transparent.bridge.BridgeHarness.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BridgeFaultTest {

    private static BridgeHarness harness(TransparentSettings.Builder settings) {
        return new BridgeHarness(settings.build());
    }

    @Test
    @DisplayName("TR-1: a meter that does not answer within the silence time-out raises meterSilent once")
    void meterSilent() {
        try (BridgeHarness h = harness(BridgeHarness.settings().meterBaud(9600).meterSilenceTimeout(Duration.ofSeconds(5)))) {
            h.meter(LineSettings.STANDARD_9600_8N1);
            h.connect(Channel.PRIMARY).hesSends(ascii("0123456789"));
            h.advance(Duration.ofSeconds(30));

            // 10 characters x 10 bits at 9600 baud leave the wire after 10.416667 ms, then 5 s of silence
            assertEquals(10_416_667L + 5_000_000_000L, h.events.first("meterSilent").nanos());
            assertEquals(1, h.events.count("meterSilent"));
            assertEquals(0, h.events.count("meterAnswering"));
        }
    }

    @Test
    @DisplayName("TR-1: a meter that answers raises meterAnswering once per request, never meterSilent")
    void meterAnswering() {
        try (BridgeHarness h = harness(BridgeHarness.settings().meterBaud(9600))) {
            h.meter(LineSettings.STANDARD_9600_8N1).replying(b -> ascii("answer"));
            FakeHesLink hes = h.connect(Channel.PRIMARY);
            hes.hesSends(ascii("Q"));
            h.advance(Duration.ofSeconds(10));
            hes.hesSends(ascii("Q"));
            h.advance(Duration.ofSeconds(10));

            assertEquals(2, h.events.count("meterAnswering"));
            assertEquals(0, h.events.count("meterSilent"));
            assertArrayEquals(ascii("answeranswer"), hes.received());
        }
    }

    @Test
    @DisplayName("TR-1: when the HES hangs up mid-frame the bytes it sent still reach the meter, then the session ends")
    void hesGoneMidFrame() {
        try (BridgeHarness h = harness(BridgeHarness.settings().meterBaud(300))) {
            TestMeter meter = h.meter(LineSettings.IEC_SIGN_ON);
            meter.replying(b -> {
                if (new String(meter.received(), java.nio.charset.StandardCharsets.US_ASCII).endsWith("\u0006050\r\n")) {
                    meter.switchTo(new LineSettings(9600, FrameFormat.F7E1));
                }
                return new byte[0];
            });
            FakeHesLink hes = h.connect(Channel.PRIMARY);
            hes.hesSends(ascii("/?!\r\n"));
            h.advanceMillis(500);
            // the half frame after the ACK waits for the speed change: the HES is gone by then
            hes.hesSends(ascii("\u0006050\r\n\u0001R1\u00021.8"));
            hes.hesCloses();
            assertEquals(1, h.bridge.sessionCount(), "the session lives until its bytes are written");
            h.advanceMillis(500);

            assertArrayEquals(ascii("/?!\r\n\u0006050\r\n\u0001R1\u00021.8"), meter.received());
            assertTrue(meter.errors.isEmpty());
            assertEquals(0, h.bridge.sessionCount());
            assertEquals(1, h.events.count("ended PRIMARY"));
            assertEquals(0, h.bridge.statistics().hesBytesDropped());
        }
    }

    @Test
    @DisplayName("TR-3: a waiting session whose HES hangs up is dropped with its held bytes counted")
    void waitingSessionGone() {
        try (BridgeHarness h = harness(BridgeHarness.settings())) {
            h.meter(LineSettings.STANDARD_9600_8N1);
            h.connect(Channel.PRIMARY).hesSends(ascii("P"));
            FakeHesLink secondary = h.connect(Channel.SECONDARY);
            secondary.hesSends(ascii("held"));
            secondary.hesCloses();
            h.advanceMillis(10);
            assertEquals(4, h.bridge.statistics().hesBytesDropped());
            assertEquals(1, h.bridge.sessionCount());
        }
    }

    @Test
    @DisplayName("HAL-1: a meter port failure ends the owning session with a meterPortError, no exception escapes")
    void meterPortClosedUnderTheBridge() {
        for (String first : new String[] {"/?!\r\n", "X"}) { // reconfigure fails, or write fails
            try (BridgeHarness h = harness(BridgeHarness.settings().meterBaud(9600))) {
                h.board.meterPort().close();
                FakeHesLink hes = h.connect(Channel.PRIMARY);

                hes.hesSends(ascii(first));
                h.advanceMillis(10);

                assertTrue(hes.isClosed(), first);
                assertTrue(hes.closeReason().startsWith("meter port error"), hes.closeReason());
                assertEquals(1, h.events.count("meterPortError"));
                assertEquals(1, h.bridge.statistics().meterPortErrors());
                assertEquals(Optional.empty(), h.bridge.lineOwner());
            }
        }
    }

    @Test
    @DisplayName("TR-1: a session idle both ways for the inactivity time-out is closed, not a moment earlier")
    void inactivityTimeout() {
        try (BridgeHarness h = harness(BridgeHarness.settings().inactivityTimeout(Duration.ofSeconds(60)))) {
            h.meter(LineSettings.STANDARD_9600_8N1).echo();
            FakeHesLink busy = h.connect(Channel.PRIMARY);
            FakeHesLink idle = h.connect(Channel.SECONDARY);
            h.advanceMillis(30_000);
            busy.hesSends(ascii("ping"));
            h.advance(Duration.ofSeconds(30).minusMillis(1));
            assertFalse(idle.isClosed());
            h.advanceMillis(1);
            assertTrue(idle.isClosed(), "connected without a byte for 60 s");
            assertTrue(idle.closeReason().contains("inactivity"), idle.closeReason());
            assertFalse(busy.isClosed(), "its last byte came back from the meter less than 60 s ago");

            h.advanceMillis(30_010); // 60 s after the echo's last byte
            assertTrue(busy.isClosed());
        }
    }

    @Test
    @DisplayName("TR-3: a paused session whose HES sends more than the bound is closed with a reason, not silently truncated")
    void queueOverflowClosesLink() {
        try (BridgeHarness h = harness(BridgeHarness.settings().maxPendingBytes(16))) {
            h.meter(LineSettings.STANDARD_9600_8N1);
            FakeHesLink secondary = h.connect(Channel.SECONDARY);
            secondary.hesSends(ascii("s"));
            h.advanceMillis(5);
            h.connect(Channel.PRIMARY).hesSends(ascii("P"));
            secondary.hesSends(new byte[10]);
            assertFalse(secondary.isClosed());
            secondary.hesSends(new byte[7]);

            assertTrue(secondary.isClosed());
            assertTrue(secondary.closeReason().contains("more than 16 bytes"), secondary.closeReason());
            assertEquals(17, h.bridge.statistics().hesBytesDropped());
        }
    }

    @Test
    @DisplayName("TR-1: a link that refuses the meter's bytes (send queue full) is closed")
    void linkRefusingBytesIsClosed() {
        try (BridgeHarness h = harness(BridgeHarness.settings())) {
            h.meter(LineSettings.STANDARD_9600_8N1).replying(b -> new byte[64]);
            FakeHesLink hes = h.connect(Channel.PRIMARY, 16);
            hes.hesSends(ascii("Q"));
            h.advanceMillis(200);
            assertTrue(hes.isClosed());
            assertTrue(hes.closeReason().contains("did not take"), hes.closeReason());
        }
    }

    @Test
    @DisplayName("TR-2: beyond the session limit a link is refused, closed and reported")
    void sessionLimit() {
        try (BridgeHarness h = harness(BridgeHarness.settings().maxSessions(2))) {
            h.connect(Channel.PRIMARY);
            h.connect(Channel.SECONDARY);
            FakeHesLink third = h.connect(Channel.SECONDARY);
            h.advanceMillis(1);
            assertTrue(third.isClosed());
            assertEquals(1, h.events.count("refused"));
            assertEquals(1, h.bridge.statistics().connectionsRefused());
            assertEquals(2, h.bridge.sessionCount());
        }
    }

    @Test
    @DisplayName("TR-1: meter bytes while no session owns the line are discarded and counted")
    void meterBytesWithoutOwner() {
        try (BridgeHarness h = harness(BridgeHarness.settings())) {
            TestMeter meter = h.meter(LineSettings.STANDARD_9600_8N1);
            FakeHesLink hes = h.connect(Channel.PRIMARY);
            meter.send(ascii("spontaneous"));
            h.advanceMillis(50);
            assertEquals(0, hes.received().length);
            assertEquals(11, h.bridge.statistics().meterBytesDiscarded());
        }
    }

    @Test
    @DisplayName("TR-1: a listener that throws does not disturb the bridge")
    void throwingListener() throws IOException {
        try (MockBoard board = MockBoard.builder().build()) {
            BridgeListener angry = new BridgeListener() {
                @Override
                public void sessionStarted(Channel channel, String link) {
                    throw new IllegalStateException("LED module broke");
                }
            };
            TransparentBridge bridge = new TransparentBridge(board.scheduler(), board.meterPort(),
                    BridgeHarness.settings().build(), angry);
            bridge.start();
            TestMeter meter = new TestMeter(board.meterEnd(), LineSettings.STANDARD_9600_8N1);
            FakeHesLink hes = new FakeHesLink("x", board.scheduler()).attachTo(bridge, Channel.PRIMARY);
            hes.hesSends(ascii("ok"));
            board.advance(Duration.ofMillis(10));
            assertArrayEquals(ascii("ok"), meter.received());
            bridge.close();
            assertTrue(hes.isClosed());
        }
    }
}
