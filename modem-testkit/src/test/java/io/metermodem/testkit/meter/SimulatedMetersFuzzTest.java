package io.metermodem.testkit.meter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.testkit.hdlc.HdlcAddress;
import io.metermodem.testkit.hdlc.HdlcControl;
import io.metermodem.testkit.hdlc.HdlcDecodeResult;
import io.metermodem.testkit.hdlc.HdlcFrame;
import io.metermodem.testkit.hdlc.HdlcFrameDecoder;
import io.metermodem.testkit.hdlc.HdlcFrameError;
import io.metermodem.transparent.iec.AckOptionSelect;
import io.metermodem.transparent.iec.DataMessage;
import io.metermodem.transparent.iec.DecodedMessage;
import io.metermodem.transparent.iec.IecBaudRate;
import io.metermodem.transparent.iec.IecDecodeResult;
import io.metermodem.transparent.iec.IecDecoder;
import io.metermodem.transparent.iec.IecDecoderConfig;
import io.metermodem.transparent.iec.IecEncoder;
import io.metermodem.transparent.iec.IecMessage;
import io.metermodem.transparent.iec.MalformedInput;
import io.metermodem.transparent.iec.SignOn;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Fuzzing of what the simulated meters accept from a careless head-end (TR-4, TR-9, TR-11): any
 * bytes on the meter line. Neither meter may let an exception escape (a task that throws stops the
 * virtual clock and fails the run), each must only ever send well-formed answers of its protocol,
 * keep its logs bounded, switch the line only to what the protocol allows, and afterwards serve a
 * well-formed exchange exactly: a readout (IEC 62056-21 mode C) or SNRM, AARQ and GET of the serial
 * number (DLMS/COSEM over HDLC).
 *
 * <p>The meters sit on a {@link DirectPort}, which hands each input byte to the meter at once, so
 * thousands of inputs run a second. Pacing comes from the bytes themselves, so the committed inputs
 * read as the exchanges they are:
 * <ul>
 *   <li>IEC: a byte of 0x80 or above is its lower seven bits arriving with a parity error (a 7E1
 *       receiver reading a character sent in another format); 0xFF also stands for a 2 s silence,
 *       longer than the inter-character and option select time-outs. After LF the head-end waits
 *       1 s (the meter identifies itself or sends its readout), after the BCC that follows ETX
 *       500 ms, after any other byte 5 ms.</li>
 *   <li>DLMS: every byte is data (8N1); after a flag 0x7E the head-end waits 50 ms (the meter
 *       answers 20 ms after a frame), after any other byte 1 ms.</li>
 * </ul>
 * The committed inputs are in {@code SimulatedMetersFuzzTestInputs/<method>/}.
 */
class SimulatedMetersFuzzTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final HdlcAddress SERVER = HdlcAddress.server(1, 17);
    private static final HdlcAddress CLIENT = HdlcAddress.client(16);
    private static final String AARQ = "601da109060760857405080101be10040e01000000065f1f0400007e1f04b0";
    private static final String AARE_ACCEPTED = "6129a109060760857405080101a203020100a305a103020100"
            + "be10040e0800065f1f040000001000" + "7d0007";
    private static final String UA_DEFAULTS = "818012050180060180070400000001080400000001";

    // ---- IEC 62056-21 mode C ----

    @FuzzTest
    void iecMeter(byte[] input) throws IOException {
        VirtualScheduler clock = new VirtualScheduler();
        DirectPort port = new DirectPort();
        SimulatedIecMeter meter = SimulatedIecMeter.builder().build(port, clock);
        IecAnswers answers = new IecAnswers();
        boolean afterEtx = false;
        for (int i = 0; i < input.length; i++) {
            int b = input[i] & 0xFF;
            if (b >= 0x80) {
                port.deliverDamaged(b & 0x7F, LineErrorKind.PARITY);
            } else {
                port.deliver(input, i, 1);
            }
            long pauseMillis = b == 0x0A ? 1000 : afterEtx ? 500 : 5;
            if (b == 0xFF) {
                pauseMillis += 2000;
            }
            afterEtx = b == 0x03;
            clock.advance(Duration.ofMillis(pauseMillis));
            answers.take(port);
            assertTrue(meter.events().size() <= SimulatedIecMeter.EVENT_LOG_SIZE);
        }
        // every rate the meter switched to is a mode C rate up to its maximum, at 7E1
        for (LineSettings s : port.settingsHistory()) {
            assertEquals(FrameFormat.F7E1, s.format(), s::toString);
            assertTrue(IecBaudRate.ofBaud(s.baud()).isPresent()
                    && s.baud() <= meter.identification().maxBaudRate().baud(), s::toString);
        }

        // silence longer than the longest time-out (programming mode's) brings it back to idle at 300 7E1
        clock.advance(SimulatedIecMeter.PROGRAMMING_INACTIVITY.plusSeconds(10));
        answers.take(port);
        assertEquals(IecMeterState.IDLE, meter.state(), () -> meter.events().toString());
        assertEquals(LineSettings.IEC_SIGN_ON, port.settings());

        // and a well-formed readout is served exactly
        long served = meter.readoutsServed();
        port.deliver(IecEncoder.encode(SignOn.ANY), 0, 5);
        clock.advance(Duration.ofSeconds(1));
        assertArrayEquals(IecEncoder.encode(meter.identification()), port.takeWritten(), "identification");
        byte[] select = IecEncoder.encode(AckOptionSelect.readout(IecBaudRate.B9600));
        port.deliver(select, 0, select.length);
        clock.advance(Duration.ofSeconds(1));
        List<IecMessage> readout = new IecAnswers().take(port);
        assertEquals(1, readout.size(), readout::toString);
        DataMessage data = assertInstanceOf(DataMessage.class, readout.get(0));
        assertEquals(meter.readout().size(), data.dataSets().size());
        assertEquals(served + 1, meter.readoutsServed());
        assertEquals(IecMeterState.IDLE, meter.state());
    }

    /** The head-end's decoder of what the meter sends: everything must decode, nothing be malformed. */
    private static final class IecAnswers {
        private final IecDecoder decoder = new IecDecoder(IecDecoderConfig.DEFAULT.withOptionSelectExpected(false));

        List<IecMessage> take(DirectPort port) {
            byte[] sent = port.takeWritten();
            List<IecMessage> messages = new ArrayList<>();
            for (IecDecodeResult r : decoder.feed(sent)) {
                switch (r) {
                    case DecodedMessage m -> messages.add(m.message());
                    case MalformedInput bad -> fail("the meter sent a malformed answer: " + bad + " in "
                            + HEX.formatHex(sent));
                }
            }
            return messages;
        }
    }

    // ---- DLMS/COSEM over HDLC ----

    @FuzzTest
    void dlmsMeter(byte[] input) throws IOException {
        VirtualScheduler clock = new VirtualScheduler();
        DirectPort port = new DirectPort();
        SimpleDlmsMeter meter = SimpleDlmsMeter.builder().build(port, clock);
        HdlcAnswers answers = new HdlcAnswers();
        for (int i = 0; i < input.length; i++) {
            port.deliver(input, i, 1);
            clock.advance(Duration.ofMillis((input[i] & 0xFF) == HdlcFrame.FLAG ? 50 : 1));
            answers.take(port);
            assertTrue(meter.problems().size() <= SimpleDlmsMeter.PROBLEM_LOG_SIZE);
        }
        // longer than the inter-octet time-out: a frame the input left open is dropped
        clock.advance(Duration.ofSeconds(1));
        answers.take(port);
        assertFalse(answers.decoder.inFrame(), "the meter never leaves a frame half sent");
        assertEquals(answers.count, meter.statistics().responsesSent(), "every answer sent is on the line");
        assertEquals(List.of(LineSettings.STANDARD_9600_8N1), port.settingsHistory(), "the line never changes");

        // and a well-formed session is served exactly
        HdlcFrame ua = exchange(port, clock, HdlcControl.SNRM, new byte[0]);
        assertEquals(HdlcControl.UA, ua.control());
        assertEquals(UA_DEFAULTS, HEX.formatHex(ua.information()));
        HdlcFrame aare = exchange(port, clock, HdlcControl.information(0, 0, true), HEX.parseHex("e6e600" + AARQ));
        assertEquals(HdlcControl.information(0, 1, true), aare.control());
        assertEquals("e6e700" + AARE_ACCEPTED, HEX.formatHex(aare.information()));
        HdlcFrame serial = exchange(port, clock, HdlcControl.information(1, 1, true),
                HEX.parseHex("e6e600c001c100010000600100ff0200"));
        assertEquals("e6e700c401c1000908" + HEX.formatHex("12345678".getBytes()), HEX.formatHex(serial.information()));
        assertEquals(DlmsMeterState.ASSOCIATED, meter.state());
    }

    private static HdlcFrame exchange(DirectPort port, VirtualScheduler clock, int control, byte[] info) {
        byte[] request = HdlcFrame.of(SERVER, CLIENT, control, info).encode();
        port.deliver(request, 0, request.length);
        clock.advance(Duration.ofMillis(100));
        List<HdlcDecodeResult> answer = new HdlcFrameDecoder().feed(port.takeWritten());
        assertEquals(1, answer.size(), answer::toString);
        HdlcFrame frame = assertInstanceOf(HdlcFrame.class, answer.get(0));
        assertEquals(CLIENT, frame.destination());
        assertEquals(SERVER, frame.source());
        return frame;
    }

    /** The head-end's decoder of what the meter sends: only whole, valid frames of the kinds the meter answers with. */
    private static final class HdlcAnswers {
        private final HdlcFrameDecoder decoder = new HdlcFrameDecoder();
        long count;

        void take(DirectPort port) {
            byte[] sent = port.takeWritten();
            for (HdlcDecodeResult r : decoder.feed(sent)) {
                switch (r) {
                    case HdlcFrameError e -> fail("the meter sent a broken frame: " + e.reason() + " in "
                            + HEX.formatHex(sent));
                    case HdlcFrame f -> {
                        count++;
                        int c = f.control();
                        assertTrue(c == HdlcControl.UA || c == HdlcControl.DM || HdlcControl.isReceiveReady(c)
                                || HdlcControl.isInformation(c), f::toString);
                        assertTrue(!f.segmented() && f.information().length <= 128, f::toString);
                    }
                }
            }
        }
    }
}
