package io.metermodem.testkit.meter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.testkit.hdlc.HdlcAddress;
import io.metermodem.testkit.hdlc.HdlcControl;
import io.metermodem.testkit.hdlc.HdlcDecodeResult;
import io.metermodem.testkit.hdlc.HdlcFrame;
import io.metermodem.testkit.hdlc.HdlcFrameDecoder;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimpleDlmsMeterTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final HdlcAddress SERVER = HdlcAddress.server(1, 17);
    private static final HdlcAddress CLIENT = HdlcAddress.client(16);
    private static final String AARQ =
            "601da109060760857405080101be10040e01000000065f1f0400007e1f04b0";
    private static final String AARE_ACCEPTED = "6129a109060760857405080101a203020100a305a103020100"
            + "be10040e0800065f1f040000001000" + "7d0007";

    private final MockBoard board = MockBoard.builder().build();
    private final MockSerialPort modem = board.meterPort();
    private final HdlcFrameDecoder decoder = new HdlcFrameDecoder();
    private SimpleDlmsMeter meter;
    private int sendSeq;
    private int receiveSeq;

    @BeforeEach
    void plugIn() throws IOException {
        meter = SimpleDlmsMeter.builder().build(board);
        modem.open(LineSettings.STANDARD_9600_8N1);
    }

    private HdlcFrame exchange(int control, byte[] info) throws IOException {
        modem.write(HdlcFrame.of(SERVER, CLIENT, control, info).encode());
        board.advance(Duration.ofMillis(300));
        List<HdlcDecodeResult> results = decoder.feed(modem.readAvailable());
        assertEquals(1, results.size(), results.toString());
        HdlcFrame answer = assertInstanceOf(HdlcFrame.class, results.get(0));
        assertEquals(CLIENT, answer.destination());
        assertEquals(SERVER, answer.source());
        return answer;
    }

    /** Sends an APDU in an I frame and returns the APDU of the answering I frame. */
    private byte[] request(String apduHex) throws IOException {
        byte[] apdu = HEX.parseHex(apduHex);
        byte[] info = new byte[apdu.length + 3];
        info[0] = (byte) 0xE6;
        info[1] = (byte) 0xE6;
        System.arraycopy(apdu, 0, info, 3, apdu.length);
        HdlcFrame answer = exchange(HdlcControl.information(sendSeq, receiveSeq, true), info);
        sendSeq = (sendSeq + 1) & 7;
        assertTrue(HdlcControl.isInformation(answer.control()), answer.toString());
        assertEquals(sendSeq, HdlcControl.receiveSequence(answer.control()));
        assertEquals(receiveSeq, HdlcControl.sendSequence(answer.control()));
        receiveSeq = (receiveSeq + 1) & 7;
        byte[] got = answer.information();
        assertArrayEquals(HEX.parseHex("e6e700"), Arrays.copyOf(got, 3));
        return Arrays.copyOfRange(got, 3, got.length);
    }

    private void associate() throws IOException {
        exchange(HdlcControl.SNRM, new byte[0]);
        assertEquals(AARE_ACCEPTED, HEX.formatHex(request(AARQ)));
    }

    @Test
    @DisplayName("TR-4: the DLMS meter answers SNRM with UA carrying the default negotiation parameters")
    void snrmUa() throws IOException {
        HdlcFrame ua = exchange(HdlcControl.SNRM, new byte[0]);
        assertEquals(HdlcControl.UA, ua.control());
        assertEquals("818012050180060180070400000001080400000001", HEX.formatHex(ua.information()));
        assertEquals(DlmsMeterState.CONNECTED, meter.state());
    }

    @Test
    @DisplayName("TR-4: SNRM negotiation takes the smaller maximum information field length")
    void snrmNegotiates() throws IOException {
        HdlcFrame ua = exchange(HdlcControl.SNRM, HEX.parseHex("8180080501400601400000"));
        assertTrue(HEX.formatHex(ua.information()).startsWith("8180120501400601400704"), HEX.formatHex(ua.information()));
    }

    @Test
    @DisplayName("TR-4: AARQ without authentication is accepted with an AARE offering GET")
    void aarqAare() throws IOException {
        associate();
        assertEquals(DlmsMeterState.ASSOCIATED, meter.state());
    }

    @Test
    @DisplayName("TR-4: an AARQ for short-name referencing is rejected (application-context-name-not-supported)")
    void aarqShortNameRejected() throws IOException {
        exchange(HdlcControl.SNRM, new byte[0]);
        byte[] aare = request(AARQ.replace("0760857405080101", "0760857405080102"));
        assertEquals("a203020101", HEX.formatHex(Arrays.copyOfRange(aare, 13, 18)));
        assertEquals("a305a103020102", HEX.formatHex(Arrays.copyOfRange(aare, 18, 25)));
        assertEquals(DlmsMeterState.CONNECTED, meter.state());
    }

    @Test
    @DisplayName("TR-4: GET serial number 0.0.96.1.0.255 attribute 2 returns the octet-string")
    void getSerialNumber() throws IOException {
        associate();
        assertEquals("c401c100" + "0908" + HEX.formatHex("12345678".getBytes()),
                HEX.formatHex(request("c001c100010000600100ff0200")));
    }

    @Test
    @DisplayName("TR-4: GET register 1.0.1.8.0.255 attribute 2 returns double-long-unsigned Wh, attribute 3 the scaler-unit")
    void getEnergy() throws IOException {
        associate();
        assertEquals("c401c1000600" + "12d644", HEX.formatHex(request("c001c100030100010800ff0200")));
        meter.setActiveEnergy(1_234_600);
        assertEquals("c401c1000600" + "12d6a8", HEX.formatHex(request("c001c100030100010800ff0200")));
        assertEquals("c401c10002020f00161e", HEX.formatHex(request("c001c100030100010800ff0300")));
    }

    @Test
    @DisplayName("TR-4: GET clock 0.0.1.0.0.255 attribute 2 returns the date-time of the virtual wall clock")
    void getClock() throws IOException {
        associate();
        byte[] answer = request("c001c100080000010000ff0200");
        // the GET (26 bytes at 9600 8N1, 27.1 ms) arrives 627 ms after 2026-01-01T00:00:00Z, a Thursday:
        // year 07EA, month 1, day 1, day of week 4, 00:00:00, 62 hundredths
        assertEquals("c401c100090c07ea010104000000", HEX.formatHex(Arrays.copyOf(answer, 14)));
        assertEquals(62, answer[14]);
        assertEquals("0000" + "00", HEX.formatHex(Arrays.copyOfRange(answer, 15, 18)));
    }

    @Test
    @DisplayName("TR-4: GET of an unknown object returns data-access-result object-undefined")
    void getUnknown() throws IOException {
        associate();
        assertEquals("c401c10104", HEX.formatHex(request("c001c100010000636263ff0200")));
        assertEquals("c401c10109", HEX.formatHex(request("c001c100030000600100ff0200")));
        assertEquals(2, meter.statistics().getRequestsServed());
    }

    @Test
    @DisplayName("TR-4: DISC is answered with UA and the link and association are closed; a second DISC gets DM")
    void discUa() throws IOException {
        associate();
        assertEquals(HdlcControl.UA, exchange(HdlcControl.DISC, new byte[0]).control());
        assertEquals(DlmsMeterState.DISCONNECTED, meter.state());
        assertEquals(HdlcControl.DM, exchange(HdlcControl.DISC, new byte[0]).control());
    }

    @Test
    @DisplayName("TR-4: RR is answered with RR carrying the meter's receive sequence")
    void receiveReady() throws IOException {
        associate();
        HdlcFrame rr = exchange(HdlcControl.receiveReady(receiveSeq, true), new byte[0]);
        assertTrue(HdlcControl.isReceiveReady(rr.control()));
        assertEquals(1, HdlcControl.receiveSequence(rr.control()));
    }

    @Test
    @DisplayName("TR-4: a repeated I frame (answer lost) gets the last answer again")
    void repeatedFrame() throws IOException {
        exchange(HdlcControl.SNRM, new byte[0]);
        byte[] apdu = HEX.parseHex("e6e600" + AARQ);
        modem.write(HdlcFrame.of(SERVER, CLIENT, HdlcControl.information(0, 0, true), apdu).encode());
        board.advance(Duration.ofMillis(300));
        byte[] first = modem.readAvailable();
        modem.write(HdlcFrame.of(SERVER, CLIENT, HdlcControl.information(0, 0, true), apdu).encode());
        board.advance(Duration.ofMillis(300));
        assertArrayEquals(first, modem.readAvailable());
    }

    @Test
    @DisplayName("TR-4: malformed frames are ignored and counted, never answered, and the meter keeps working")
    void malformedIgnored() throws IOException {
        exchange(HdlcControl.SNRM, new byte[0]);
        byte[] good = HdlcFrame.of(SERVER, CLIENT, HdlcControl.information(0, 0, true),
                HEX.parseHex("e6e600" + AARQ)).encode();
        byte[] badFcs = good.clone();
        badFcs[badFcs.length - 2] ^= 0x40;
        byte[] badHcs = good.clone();
        badHcs[8] ^= 0x01;
        byte[] truncated = Arrays.copyOf(good, 20);
        modem.write(badFcs);
        modem.write(badHcs);
        modem.write(truncated);
        modem.write(HEX.parseHex("7ea0ff0000007e")); // length field larger than the frame
        modem.write("/?!\r\n".getBytes());
        board.advance(Duration.ofSeconds(2));
        assertEquals(0, modem.readAvailable().length);
        assertEquals(DlmsMeterState.CONNECTED, meter.state());
        // a GET before any association gets an exception-response, not data
        assertEquals("d80101", HEX.formatHex(request("c001c100010000600100ff0200")));
        // bad FCS, bad HCS, and the truncated frame that swallowed the rest until the inter-octet time-out
        assertEquals(3, meter.statistics().malformed(), meter.problems().toString());
    }

    @Test
    @DisplayName("TR-4: frames for another server address are not answered")
    void otherAddress() throws IOException {
        modem.write(HdlcFrame.of(HdlcAddress.server(1, 18), CLIENT, HdlcControl.SNRM, new byte[0]).encode());
        board.advance(Duration.ofMillis(300));
        assertEquals(0, modem.readAvailable().length);
        assertEquals(1, meter.statistics().framesForOthers());
    }

    @Test
    @DisplayName("TR-4: an HDLC frame sent at 7E1 reaches the 8N1 meter garbled and is not answered")
    void sevenE1Garbled() throws IOException {
        modem.reconfigure(new LineSettings(9600, io.metermodem.hal.serial.FrameFormat.F7E1));
        modem.write(HdlcFrame.of(SERVER, CLIENT, HdlcControl.SNRM, new byte[0]).encode());
        board.advance(Duration.ofMillis(300));
        assertEquals(0, modem.readAvailable().length);
        assertEquals(DlmsMeterState.DISCONNECTED, meter.state());
    }

    @Test
    @DisplayName("TR-4: an I frame before SNRM is answered with DM")
    void disconnectedMode() throws IOException {
        assertEquals(HdlcControl.DM, exchange(HdlcControl.information(0, 0, true), HEX.parseHex("e6e600" + AARQ)).control());
    }
}
