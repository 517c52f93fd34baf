package io.metermodem.transparent.bridge;

import static io.metermodem.transparent.bridge.BridgeHarness.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.LineSettings;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AutoFormatTest {

    private static final byte[] SIGN_ON = ascii("/?!\r\n");
    private static final LineSettings B9600_7E1 = new LineSettings(9600, FrameFormat.F7E1);

    /** An HDLC SNRM frame (IEC 62056-46) with a correct FCS. */
    static byte[] snrm() {
        byte[] frame = {0x7E, (byte) 0xA0, 0x07, 0x03, 0x21, (byte) 0x93, 0, 0, 0x7E};
        int crc = 0xFFFF;
        for (int i = 1; i < 6; i++) {
            crc ^= frame[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        crc = ~crc & 0xFFFF;
        frame[6] = (byte) crc;
        frame[7] = (byte) (crc >>> 8);
        return frame;
    }

    @Test
    @DisplayName("TR-4: an IEC 62056-21 sign-on puts the meter line to 7E1 before its first byte is sent")
    void iecSignOnSelects7E1() {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(300).build())) {
            TestMeter meter = h.meter(LineSettings.IEC_SIGN_ON);
            assertEquals(new LineSettings(300, FrameFormat.F8N1), h.meterLine());

            h.connect(Channel.PRIMARY).hesSends(SIGN_ON);
            assertEquals(LineSettings.IEC_SIGN_ON, h.meterLine()); // changed at once, before any byte left
            h.advanceMillis(200);

            assertArrayEquals(SIGN_ON, meter.received());
            assertTrue(meter.errors.isEmpty(), "a 7E1 meter decodes the sign-on without errors: " + meter.errors);
            assertEquals(0, h.events.first("line 300 7E1").nanos());
        }
    }

    @Test
    @DisplayName("TR-4: a DLMS HDLC first packet puts the meter line back to 8N1 after an IEC session")
    void hdlcSelects8N1() {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(9600).build())) {
            FakeHesLink iec = h.connect(Channel.PRIMARY);
            iec.hesSends(SIGN_ON);
            h.advanceMillis(20);
            assertEquals(B9600_7E1, h.meterLine());
            iec.hesCloses();
            TestMeter meter = h.meter(LineSettings.STANDARD_9600_8N1);

            h.connect(Channel.PRIMARY).hesSends(snrm());
            h.advanceMillis(20);

            assertEquals(LineSettings.STANDARD_9600_8N1, h.meterLine());
            assertArrayEquals(snrm(), meter.received());
            assertTrue(meter.errors.isEmpty());
        }
    }

    @Test
    @DisplayName("TR-4: the first packet split at every byte boundary gives the same line and the exact bytes")
    void splitAtEveryBoundary() {
        byte[] wrapper = {0x00, 0x01, 0x00, 0x10, 0x00, 0x01, 0x00, 0x02, (byte) 0xC0, 0x01};
        for (byte[] packet : new byte[][] {SIGN_ON, snrm(), wrapper}) {
            LineSettings expected = packet[0] == '/' ? B9600_7E1 : LineSettings.STANDARD_9600_8N1;
            for (int split = 0; split <= packet.length; split++) {
                try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(9600).build())) {
                    TestMeter meter = h.meter(expected);
                    FakeHesLink hes = h.connect(Channel.PRIMARY);
                    if (split > 0) {
                        hes.hesSends(Arrays.copyOfRange(packet, 0, split));
                    }
                    h.advanceMillis(3);
                    if (split < packet.length) {
                        hes.hesSends(Arrays.copyOfRange(packet, split, packet.length));
                    }
                    h.advanceMillis(50);

                    String where = "packet " + Arrays.toString(packet) + " split at " + split;
                    assertEquals(expected, h.meterLine(), where);
                    assertArrayEquals(packet, meter.received(), where);
                    assertTrue(meter.errors.isEmpty(), where);
                }
            }
        }
    }

    @Test
    @DisplayName("TR-4: end to end a 7E1 meter decodes the sign-on; the same bytes at fixed 8N1 give it parity errors")
    void sevenE1MeterNeedsAuto() {
        try (BridgeHarness auto = new BridgeHarness(BridgeHarness.settings().meterBaud(300).build())) {
            TestMeter meter = auto.meter(LineSettings.IEC_SIGN_ON);
            auto.connect(Channel.PRIMARY).hesSends(SIGN_ON);
            auto.advanceMillis(200);
            assertArrayEquals(SIGN_ON, meter.received());
            assertTrue(meter.errors.isEmpty());
        }
        try (BridgeHarness fixed = new BridgeHarness(BridgeHarness.settings().meterBaud(300)
                .dataFormat(MeterDataFormat.F8N1).build())) {
            TestMeter meter = fixed.meter(LineSettings.IEC_SIGN_ON);
            fixed.connect(Channel.PRIMARY).hesSends(SIGN_ON);
            fixed.advanceMillis(200);
            // '/' (five ones) and CR (three ones) arrive with parity bit 0 where even parity needs 1
            assertEquals(2, meter.errors.size(), "parity errors: " + meter.errors);
            assertTrue(meter.errors.stream().allMatch(e -> e.kind() == LineErrorKind.PARITY));
            assertEquals(new LineSettings(300, FrameFormat.F8N1), fixed.meterLine());
        }
    }

    @Test
    @DisplayName("TR-4: every connection is detected anew: an HDLC session after an IEC one runs 8N1, then IEC again 7E1")
    void eachConnectionDetectedAnew() {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(9600).build())) {
            for (byte[] first : new byte[][] {SIGN_ON, snrm(), SIGN_ON}) {
                FakeHesLink hes = h.connect(Channel.SECONDARY);
                hes.hesSends(first);
                h.advanceMillis(20);
                assertEquals(first[0] == '/' ? FrameFormat.F7E1 : FrameFormat.F8N1, h.meterLine().format());
                hes.hesCloses();
            }
            assertEquals(3, h.events.count("line "));
        }
    }

    @Test
    @DisplayName("TR-5: a fixed format and baud override detection: an IEC sign-on runs at 19200 8E1")
    void fixedFormatOverridesDetection() {
        LineSettings fixed = new LineSettings(19_200, FrameFormat.F8E1);
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(19_200)
                .dataFormat(MeterDataFormat.F8E1).build())) {
            assertEquals(fixed, h.meterLine());
            TestMeter meter = h.meter(fixed);
            h.connect(Channel.PRIMARY).hesSends(SIGN_ON);
            h.advanceMillis(20);

            assertEquals(fixed, h.meterLine());
            assertArrayEquals(SIGN_ON, meter.received());
            assertEquals(0, h.events.count("line "), "no reconfiguration");
        }
    }

    @Test
    @DisplayName("TR-5: fixed 7E1 stays 7E1 for a non-IEC first packet")
    void fixed7E1ForAnything() {
        try (BridgeHarness h = new BridgeHarness(BridgeHarness.settings().meterBaud(2400)
                .dataFormat(MeterDataFormat.F7E1).build())) {
            h.connect(Channel.PRIMARY).hesSends(snrm());
            h.advanceMillis(50);
            assertEquals(new LineSettings(2400, FrameFormat.F7E1), h.meterLine());
        }
    }

    @Test
    @DisplayName("TR-5/HAL-1: the meter baud is 300..115200; the data format is Auto or one of seven formats")
    void settingsRanges() {
        assertEquals(300, BridgeHarness.settings().meterBaud(300).build().meterBaud());
        assertEquals(115_200, BridgeHarness.settings().meterBaud(115_200).build().meterBaud());
        assertThrows(IllegalArgumentException.class, () -> BridgeHarness.settings().meterBaud(299).build());
        assertThrows(IllegalArgumentException.class, () -> BridgeHarness.settings().meterBaud(115_201).build());
        assertEquals(MeterDataFormat.AUTO, MeterDataFormat.parse("auto"));
        assertEquals(MeterDataFormat.F7O1, MeterDataFormat.parse("7o1"));
        assertEquals(MeterDataFormat.F8N2, MeterDataFormat.fixed(FrameFormat.F8N2));
        assertFalse(MeterDataFormat.F8N1.isAuto());
        assertThrows(IllegalArgumentException.class, () -> MeterDataFormat.parse("9N1"));
        assertNotEquals(MeterDataFormat.AUTO.toString(), MeterDataFormat.F7E1.toString());
        TransparentSettings defaults = TransparentSettings.DEFAULTS;
        assertEquals(9000, defaults.primaryPort());
        assertTrue(defaults.secondary().isEmpty());
        assertEquals("0.0.0.0", defaults.bindAddress());
        assertEquals(LineSettings.STANDARD_9600_8N1, defaults.idleMeterLine());
    }
}
