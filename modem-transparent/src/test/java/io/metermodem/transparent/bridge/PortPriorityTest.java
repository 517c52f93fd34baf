package io.metermodem.transparent.bridge;

import static io.metermodem.transparent.bridge.BridgeHarness.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PortPriorityTest {

    private static final byte[] SIGN_ON = ascii("/?!\r\n");

    private static BridgeHarness harness() {
        return new BridgeHarness(BridgeHarness.settings().meterBaud(9600).build());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    @DisplayName("TR-3: a primary session pre-empts the secondary, which resumes afterwards losing no byte")
    void primaryPreemptsSecondary() {
        try (BridgeHarness h = harness()) {
            TestMeter meter = h.meter(LineSettings.STANDARD_9600_8N1).echo();
            byte[] s1 = ascii("S1 request");
            byte[] p = ascii("P request");
            byte[] s2 = ascii("S2 sent while paused");
            FakeHesLink secondary = h.connect(Channel.SECONDARY);
            secondary.hesSends(s1);
            h.advanceMillis(50);
            assertArrayEquals(s1, secondary.received());

            FakeHesLink primary = h.connect(Channel.PRIMARY);
            h.advanceMillis(10);
            assertEquals(Optional.of(Channel.SECONDARY), h.bridge.lineOwner(), "connecting alone does not pre-empt");

            primary.hesSends(p);
            assertEquals(Optional.of(Channel.PRIMARY), h.bridge.lineOwner());
            assertTrue(h.events.names().contains("preempted SECONDARY by PRIMARY"));
            secondary.hesSends(s2);
            h.advanceMillis(50);
            assertArrayEquals(concat(s1, p), meter.received(), "the paused session's bytes are held");
            assertArrayEquals(p, primary.received());
            assertArrayEquals(s1, secondary.received(), "nothing from the meter goes to the paused session");

            primary.hesCloses();
            h.advanceMillis(50);
            assertTrue(h.events.names().contains("resumed SECONDARY"));
            assertArrayEquals(concat(s1, p, s2), meter.received());
            assertArrayEquals(concat(s1, s2), secondary.received());
            assertEquals(1, h.bridge.statistics().preemptions());
        }
    }

    @Test
    @DisplayName("TR-3: pre-emption waits for the secondary's bytes on the wire, and the resumed session gets its line back")
    void lineSettingsRestoredOnResume() {
        try (BridgeHarness h = harness()) {
            TestMeter meter = h.meter(LineSettings.STANDARD_9600_8N1);
            byte[] hdlc = new byte[100];
            hdlc[0] = 0x7E;
            hdlc[1] = (byte) 0xA0;
            hdlc[2] = 100 - 2;
            FakeHesLink secondary = h.connect(Channel.SECONDARY);
            long t0 = h.now();
            secondary.hesSends(hdlc);
            h.advanceMillis(1);

            FakeHesLink primary = h.connect(Channel.PRIMARY);
            primary.hesSends(SIGN_ON);
            assertEquals(LineSettings.STANDARD_9600_8N1, h.meterLine(), "the secondary's bytes still go out at 8N1");
            h.advanceMillis(200);

            // 100 characters x 10 bits at 9600 baud end at 104.166667 ms
            assertEquals(t0 + 104_166_667L, h.events.first("line 9600 7E1").nanos());
            assertArrayEquals(hdlc, java.util.Arrays.copyOf(meter.received(), 100), "the secondary's frame arrived intact");
            primary.hesCloses();
            h.advanceMillis(10);

            assertEquals(LineSettings.STANDARD_9600_8N1, h.meterLine());
            assertEquals(List.of(new LineSettings(9600, FrameFormat.F7E1), LineSettings.STANDARD_9600_8N1),
                    h.events.lineChanges);
        }
    }

    @Test
    @DisplayName("TR-3: of two sessions of equal priority the later waits until the line is free")
    void equalPriorityQueues() {
        try (BridgeHarness h = harness()) {
            TestMeter meter = h.meter(LineSettings.STANDARD_9600_8N1).echo();
            FakeHesLink first = h.connect(Channel.SECONDARY);
            FakeHesLink second = h.connect(Channel.SECONDARY);
            first.hesSends(ascii("first"));
            second.hesSends(ascii("second"));
            h.advanceMillis(50);
            assertArrayEquals(ascii("first"), meter.received());
            assertEquals(0, second.received().length);
            assertTrue(h.events.names().stream().noneMatch(e -> e.startsWith("preempted")));

            first.hesCloses();
            h.advanceMillis(50);
            assertArrayEquals(ascii("firstsecond"), meter.received());
            assertArrayEquals(ascii("second"), second.received());
        }
    }

    @Test
    @DisplayName("TR-3: a secondary session waits while the primary reads and never pre-empts it")
    void lowerWaitsForHigher() {
        try (BridgeHarness h = harness()) {
            TestMeter meter = h.meter(LineSettings.STANDARD_9600_8N1).echo();
            FakeHesLink primary = h.connect(Channel.PRIMARY);
            FakeHesLink secondary = h.connect(Channel.SECONDARY);
            primary.hesSends(ascii("P1"));
            secondary.hesSends(ascii("S"));
            h.advanceMillis(20);
            primary.hesSends(ascii("P2"));
            h.advanceMillis(20);
            assertArrayEquals(ascii("P1P2"), meter.received());
            assertEquals(Optional.of(Channel.PRIMARY), h.bridge.lineOwner());

            primary.hesCloses();
            h.advanceMillis(20);
            assertArrayEquals(ascii("P1P2S"), meter.received());
            assertArrayEquals(ascii("S"), secondary.received());
        }
    }

    @Test
    @DisplayName("TR-3: pre-emption nests: primary over CSD over secondary, each resumes in turn")
    void nestedPreemption() {
        try (BridgeHarness h = harness()) {
            TestMeter meter = h.meter(LineSettings.STANDARD_9600_8N1).echo();
            FakeHesLink secondary = h.connect(Channel.SECONDARY);
            FakeHesLink csd = h.connect(Channel.CSD);
            FakeHesLink primary = h.connect(Channel.PRIMARY);
            secondary.hesSends(ascii("s"));
            h.advanceMillis(5);
            csd.hesSends(ascii("c"));
            h.advanceMillis(5);
            primary.hesSends(ascii("p"));
            h.advanceMillis(5);
            secondary.hesSends(ascii("S"));
            csd.hesSends(ascii("C"));
            h.advanceMillis(5);
            primary.hesCloses();
            h.advanceMillis(5);
            assertEquals(Optional.of(Channel.CSD), h.bridge.lineOwner());
            csd.hesCloses();
            h.advanceMillis(5);

            assertArrayEquals(ascii("scpCS"), meter.received());
            assertArrayEquals(ascii("sS"), secondary.received());
            assertArrayEquals(ascii("cC"), csd.received());
            assertEquals(List.of("started SECONDARY", "started CSD", "started PRIMARY", "preempted SECONDARY by CSD",
                    "preempted CSD by PRIMARY"), h.events.names().stream().filter(e -> !e.startsWith("meter")).limit(5).toList());
        }
    }

    @Test
    @DisplayName("TR-3: the primary and secondary ports must differ")
    void portsMustDiffer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransparentSettings.builder().primaryPort(9000).secondaryPort(9000).build());
        assertTrue(e.getMessage().contains("must differ"), e.getMessage());
        assertDoesNotThrow(() -> TransparentSettings.builder().primaryPort(9000).secondaryPort(9001).build());
        assertDoesNotThrow(() -> TransparentSettings.builder().primaryPort(0).secondaryPort(0).build(),
                "two ephemeral ports always differ");
        assertThrows(IllegalArgumentException.class, () -> TransparentSettings.builder().primaryPort(65_536).build());
    }
}
