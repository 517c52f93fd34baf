package io.metermodem.transparent.bridge;

import static io.metermodem.transparent.bridge.BridgeHarness.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IecBaudFollowBridgeTest {

    private static final byte[] SIGN_ON = ascii("/?!\r\n");
    private static final byte[] IDENT = ascii("/ABC5XYZ\r\n");
    private static final byte[] ACK_9600 = ascii("\u0006050\r\n");
    private static final byte[] DATA = ascii("\u00021.8.0(001234.5*kWh)\r\n!\r\n\u0003\u0004");
    private static final LineSettings B9600_7E1 = new LineSettings(9600, FrameFormat.F7E1);

    /** A mode C meter: answers the sign-on at 300 baud, switches to 9600 on ACK 0 5 0 and sends its data 20 ms later. */
    private static TestMeter modeCMeter(BridgeHarness h) {
        TestMeter meter = h.meter(LineSettings.IEC_SIGN_ON);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        meter.replying(bytes -> {
            seen.writeBytes(bytes);
            String text = seen.toString(java.nio.charset.StandardCharsets.US_ASCII);
            if (text.equals("/?!\r\n")) {
                seen.reset();
                return IDENT;
            }
            if (text.startsWith("\u0006050\r\n")) {
                seen.reset();
                meter.switchTo(B9600_7E1);
                h.board.scheduler().schedule(Duration.ofMillis(20), () -> meter.send(DATA));
            }
            return new byte[0];
        });
        return meter;
    }

    @Test
    @DisplayName("TR-11: after ACK 0 5 0 the meter line switches to 9600 7E1 exactly when the ACK has left the wire")
    void followsModeCBaudChange() {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(300).build())) {
            TestMeter meter = modeCMeter(h);
            FakeHesLink hes = h.connect(Channel.PRIMARY);
            hes.hesSends(SIGN_ON);
            h.advanceMillis(1000);
            assertArrayEquals(IDENT, hes.received());

            long t0 = h.now();
            hes.hesSends(ACK_9600);
            h.advance(Duration.ofMillis(200).minusNanos(1));
            assertEquals(LineSettings.IEC_SIGN_ON, h.meterLine(), "still 300 while the ACK is on the wire");
            h.advance(Duration.ofNanos(1));
            assertEquals(B9600_7E1, h.meterLine());
            // 6 characters x 10 bits at 300 baud = 200 ms
            assertEquals(t0 + 200_000_000L, h.events.first("line 9600 7E1").nanos());
            h.advanceMillis(500);

            byte[] expected = new byte[IDENT.length + DATA.length];
            System.arraycopy(IDENT, 0, expected, 0, IDENT.length);
            System.arraycopy(DATA, 0, expected, IDENT.length, DATA.length);
            assertArrayEquals(expected, hes.received(), "the 9600 baud data message arrives intact");
            byte[] atMeter = meter.received();
            assertArrayEquals(ACK_9600, Arrays.copyOfRange(atMeter, SIGN_ON.length, atMeter.length));
            assertTrue(meter.errors.isEmpty(), meter.errors.toString());
        }
    }

    @Test
    @DisplayName("TR-11: bytes the HES sends right after the ACK wait for the switch and reach the meter at 9600")
    void bytesAfterAckWaitForSwitch() {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(300).build())) {
            TestMeter meter = modeCMeter(h);
            meter.replying(bytes -> {
                if (new String(meter.received(), java.nio.charset.StandardCharsets.US_ASCII).endsWith("\u0006050\r\n")) {
                    meter.switchTo(B9600_7E1);
                }
                return new byte[0];
            });
            FakeHesLink hes = h.connect(Channel.PRIMARY);
            byte[] command = ascii("\u0001R1\u00021.8.0()\u0003");
            byte[] chunk = new byte[ACK_9600.length + command.length];
            System.arraycopy(ACK_9600, 0, chunk, 0, ACK_9600.length);
            System.arraycopy(command, 0, chunk, ACK_9600.length, command.length);

            hes.hesSends(SIGN_ON);
            h.advanceMillis(500);
            hes.hesSends(chunk);
            h.advanceMillis(500);

            byte[] atMeter = meter.received();
            assertArrayEquals(chunk, Arrays.copyOfRange(atMeter, SIGN_ON.length, atMeter.length));
            assertTrue(meter.errors.isEmpty(), meter.errors.toString());
        }
    }

    @Test
    @DisplayName("TR-11: a new sign-on after a 9600 readout goes out at 300 baud again")
    void newSignOnReturnsTo300() {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(300).build())) {
            modeCMeter(h);
            FakeHesLink hes = h.connect(Channel.PRIMARY);
            hes.hesSends(SIGN_ON);
            h.advanceMillis(1000);
            hes.hesSends(ACK_9600);
            h.advanceMillis(1000);
            assertEquals(B9600_7E1, h.meterLine());

            hes.hesSends(SIGN_ON);
            assertEquals(LineSettings.IEC_SIGN_ON, h.meterLine());
        }
    }

    @Test
    @DisplayName("TR-11: without following, the line stays at the configured speed after ACK 0 5 0")
    void followingCanBeTurnedOff() {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(300)
                .followIecBaudChange(false).build())) {
            modeCMeter(h);
            FakeHesLink hes = h.connect(Channel.PRIMARY);
            hes.hesSends(SIGN_ON);
            h.advanceMillis(1000);
            hes.hesSends(ACK_9600);
            h.advanceMillis(1000);
            assertEquals(LineSettings.IEC_SIGN_ON, h.meterLine());
        }
    }
}
