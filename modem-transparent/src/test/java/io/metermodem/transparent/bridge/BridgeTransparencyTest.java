package io.metermodem.transparent.bridge;

import static io.metermodem.transparent.bridge.BridgeHarness.allByteValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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

    @Provide
    Arbitrary<List<byte[]>> chunks() {
        Arbitrary<byte[]> chunk = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64);
        return chunk.list().ofMinSize(1).ofMaxSize(8)
                .filter(list -> list.get(0)[0] != '/'); // '/' first would rightly select 7E1 (TR-4)
    }

    @Property(tries = 60)
    @Label("TR-1: any bytes, split into any chunks at any pace, reach the meter and come back unchanged")
    void anyChunksRoundTrip(@ForAll("chunks") List<byte[]> chunks, @ForAll("gaps") List<Integer> gapsMicros) {
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
        }
    }

    @Provide
    Arbitrary<List<Integer>> gaps() {
        return Arbitraries.integers().between(0, 5000).list().ofMinSize(1).ofMaxSize(8);
    }
}
