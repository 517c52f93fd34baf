package io.metermodem.transparent.bridge;

import static io.metermodem.transparent.bridge.BridgeHarness.allByteValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Byte-for-byte transparency of the bridge (TR-1): every byte value, in any chunking and at any
 * pace, reaches the meter and comes back to the HES unchanged, in virtual time.
 */
class BridgeTransparencyTest {

    private static final LineSettings FAST_8N1 = new LineSettings(115_200, FrameFormat.F8N1);

    @Test
    @DisplayName("TR-1: all 256 byte values pass HES -> meter and meter -> HES unchanged")
    void allByteValuesBothWays() {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(115_200).build())) {
            TestMeter meter = h.meter(FAST_8N1).echo();
            FakeHesLink hes = h.connect(Channel.PRIMARY);

            hes.hesSends(allByteValues());
            h.advanceMillis(100);

            assertArrayEquals(allByteValues(), meter.received());
            assertArrayEquals(allByteValues(), hes.received());
            assertEquals(0, meter.errors.size());
            assertEquals(256, h.bridge.statistics().bytesToMeter());
            assertEquals(256, h.bridge.statistics().bytesToHes());
        }
    }

    @Test
    @DisplayName("TR-1: the meter's answer reaches the HES byte for byte, also when it arrives after a pause")
    void meterAnswerAfterPause() {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(9600).build())) {
            byte[] answer = {0x7E, (byte) 0xA0, 0x00, (byte) 0xFF, 0x11, 0x13, 0x7E};
            TestMeter meter = h.meter(LineSettings.STANDARD_9600_8N1);
            FakeHesLink hes = h.connect(Channel.PRIMARY);
            hes.hesSends(new byte[] {0x7E, (byte) 0xA0, 0x07});
            h.advanceMillis(500);

            meter.send(answer);
            h.advanceMillis(100);

            assertArrayEquals(answer, hes.received());
        }
    }

    /**
     * One to eight chunks of 1..64 bytes of any value, except that the very first byte is never
     * {@code /}: that would rightly select 7E1 (TR-4) and clear bit 7 of everything after.
     */
    private static List<byte[]> chunks(Gen gen) {
        List<byte[]> chunks = gen.listOf(1, 8, () -> gen.bytes(1, 64));
        int first = gen.uniformInt(0, 254);
        chunks.get(0)[0] = (byte) (first >= '/' ? first + 1 : first);
        return chunks;
    }

    @Property(tries = 60)
    @DisplayName("TR-1: any bytes, split into any chunks at any pace, reach the meter and come back unchanged")
    void anyChunksRoundTrip(Gen gen) {
        List<byte[]> chunks = chunks(gen);
        List<Integer> gapsMicros = gen.listOf(1, 8, () -> gen.intBetween(0, 5000));
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(115_200).build())) {
            TestMeter meter = h.meter(FAST_8N1).echo();
            FakeHesLink hes = h.connect(Channel.PRIMARY);
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            for (int i = 0; i < chunks.size(); i++) {
                hes.hesSends(chunks.get(i));
                sent.writeBytes(chunks.get(i));
                h.advance(Duration.ofNanos(1000L * gapsMicros.get(i % gapsMicros.size())));
            }
            h.advanceMillis(200);

            assertArrayEquals(sent.toByteArray(), meter.received());
            assertArrayEquals(sent.toByteArray(), hes.received());
            assertEquals(0, meter.errors.size());
        }
    }
}
