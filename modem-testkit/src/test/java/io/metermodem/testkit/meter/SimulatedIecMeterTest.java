package io.metermodem.testkit.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.transparent.iec.Ack;
import io.metermodem.transparent.iec.AckOptionSelect;
import io.metermodem.transparent.iec.Break;
import io.metermodem.transparent.iec.CommandMessage;
import io.metermodem.transparent.iec.DataMessage;
import io.metermodem.transparent.iec.DataSet;
import io.metermodem.transparent.iec.DecodedMessage;
import io.metermodem.transparent.iec.IecBaudRate;
import io.metermodem.transparent.iec.IecDecodeResult;
import io.metermodem.transparent.iec.IecMessage;
import io.metermodem.transparent.iec.Identification;
import io.metermodem.transparent.iec.MalformedInput;
import io.metermodem.transparent.iec.MalformedKind;
import io.metermodem.transparent.iec.Nak;
import io.metermodem.transparent.iec.SignOn;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimulatedIecMeterTest {

    private final MockBoard board = MockBoard.builder().build();
    private static final Identification DEFAULT_ID =
            new Identification("ISk", '5', "", "MT174-0001");

    private SimulatedIecMeter meter(SimulatedIecMeter.Builder builder) throws IOException {
        return builder.build(board);
    }

    private IecModemSide modemAt(LineSettings settings) {
        return new IecModemSide(board, settings);
    }

    /** Sign-on at 300 7E1, then waits until the identification has fully arrived. */
    private IecModemSide signedOn(SimulatedIecMeter meter) throws IOException {
        IecModemSide modem = modemAt(LineSettings.IEC_SIGN_ON);
        modem.send(SignOn.ANY);
        board.advance(Duration.ofMillis(950));
        assertEquals(List.of(DEFAULT_ID), modem.receivedMessages());
        assertEquals(IecMeterState.AWAITING_OPTION_SELECT, meter.state());
        return modem;
    }

    private List<IecDecodeResult> readoutAt9600(IecModemSide modem) throws IOException {
        modem.sendAndWait(AckOptionSelect.readout(IecBaudRate.B9600));
        modem.reconfigure(IecModemSide.B9600_7E1); // both sides switch after the ACK
        board.advance(Duration.ofMillis(500));
        return modem.decode(modem.received());
    }

    @Test
    @DisplayName("TR-9: the meter answers a sign-on at 300 7E1 with its identification after the 200 ms reaction time")
    void identificationAfterReactionTime() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = modemAt(LineSettings.IEC_SIGN_ON);
        modem.send(SignOn.ANY);
        // 5 characters of 10 bits at 300 baud arrive at 166.7 ms; the answer may start at 366.7 ms
        board.advance(Duration.ofMillis(366));
        assertEquals(0, modem.received().length);
        assertEquals(IecMeterState.IDENTIFYING, meter.state());
        board.advance(Duration.ofMillis(35)); // the first character (33.3 ms) has arrived
        byte[] first = modem.received();
        assertEquals(1, first.length);
        assertEquals('/', first[0]);
        board.advance(Duration.ofMillis(550));
        List<IecDecodeResult> rest = modem.decode(first);
        rest = modem.decode(modem.received());
        assertEquals(List.of(DEFAULT_ID), rest.stream().map(r -> ((DecodedMessage) r).message()).toList());
        assertEquals(IecMeterState.AWAITING_OPTION_SELECT, meter.state());
    }

    @Test
    @DisplayName("TR-9 TR-11: after ACK 0 5 0 the data message arrives at 9600 7E1 with a correct BCC, then the meter is idle at 300 7E1")
    void readoutAfterBaudChange() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = signedOn(meter);
        List<IecDecodeResult> results = readoutAt9600(modem);
        assertEquals(1, results.size(), results.toString());
        DataMessage data = assertInstanceOf(DataMessage.class, ((DecodedMessage) results.get(0)).message());
        List<DataSet> sets = data.dataSets();
        assertEquals(DataSet.of("C.1.0", "12345678"), sets.get(0));
        // virtual time zero is 2026-01-01T00:00:00Z; the readout goes out about 1.2 s later
        assertEquals(DataSet.of("0.9.1", "00:00:01"), sets.get(1));
        assertEquals(DataSet.of("0.9.2", "26-01-01"), sets.get(2));
        assertEquals(new DataSet("1.8.0", "001234.5", "kWh"), sets.get(3));
        assertTrue(data.parse().endMarker());
        assertEquals(IecMeterState.IDLE, meter.state());
        assertEquals(LineSettings.IEC_SIGN_ON, meter.lineSettings());
        assertEquals(1, meter.readoutsServed());
    }

    @Test
    @DisplayName("TR-11: a modem that stays at 300 baud after ACK 0 5 0 receives garbage, not the data message")
    void modemStayingAt300GetsGarbage() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = signedOn(meter);
        modem.sendAndWait(AckOptionSelect.readout(IecBaudRate.B9600));
        board.advance(Duration.ofMillis(500));
        List<IecDecodeResult> results = modem.decode(modem.received());
        assertTrue(results.stream().noneMatch(r -> r instanceof DecodedMessage d && d.message() instanceof DataMessage),
                results.toString());
        assertEquals(1, meter.readoutsServed()); // the meter did send: the modem's line was wrong
    }

    @Test
    @DisplayName("TR-11: the meter switches its line to the option select's baud (ACK 0 3 0: 2400 7E1)")
    void switchesToSelectedBaud() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = signedOn(meter);
        modem.sendAndWait(AckOptionSelect.readout(IecBaudRate.B2400));
        assertEquals(new LineSettings(2400, FrameFormat.F7E1), meter.lineSettings());
        modem.reconfigure(new LineSettings(2400, FrameFormat.F7E1));
        board.advance(Duration.ofMillis(800));
        assertInstanceOf(DataMessage.class, modem.receivedMessages().get(0));
        assertEquals(LineSettings.IEC_SIGN_ON, meter.lineSettings());
    }

    @Test
    @DisplayName("TR-4: the simulated meter stays silent to a sign-on sent at 8N1")
    void silentToEightN1SignOn() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = modemAt(new LineSettings(300, FrameFormat.F8N1));
        modem.send(SignOn.ANY);
        board.advance(Duration.ofSeconds(3));
        assertEquals(0, modem.received().length);
        assertEquals(IecMeterState.IDLE, meter.state());
        assertTrue(meter.damagedCharacters() >= 2, "'/' and CR fail the even parity check");
        assertTrue(meter.receivedMessages().isEmpty());
    }

    @Test
    @DisplayName("TR-4: the simulated meter stays silent to a sign-on sent at 9600 7E1")
    void silentToWrongBaudSignOn() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = modemAt(IecModemSide.B9600_7E1);
        modem.send(SignOn.ANY);
        board.advance(Duration.ofSeconds(3));
        assertEquals(0, modem.received().length);
        assertTrue(meter.receivedMessages().isEmpty());
    }

    @Test
    @DisplayName("TR-9: a sign-on for another address gets no answer")
    void wrongAddressNoAnswer() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = modemAt(LineSettings.IEC_SIGN_ON);
        modem.send(new SignOn("99999999"));
        board.advance(Duration.ofSeconds(2));
        assertEquals(0, modem.received().length);
        assertEquals(List.of(new SignOn("99999999")), meter.receivedMessages());
        assertEquals(IecMeterState.IDLE, meter.state());
    }

    @Test
    @DisplayName("TR-9: a sign-on with the meter's address (leading zeros not significant) is answered")
    void ownAddressAnswered() throws IOException {
        meter(SimulatedIecMeter.builder().address("4711"));
        IecModemSide modem = modemAt(LineSettings.IEC_SIGN_ON);
        modem.send(new SignOn("004711"));
        board.advance(Duration.ofMillis(1300)); // 11 characters, 200 ms, 17 characters
        assertEquals(1, modem.receivedMessages().size());
    }

    @Test
    @DisplayName("TR-9: without an option select within 2 s the meter returns to idle and ignores a late ACK")
    void optionSelectTimeout() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = signedOn(meter); // identification ended at 933 ms
        board.advance(Duration.ofMillis(1900));
        assertEquals(IecMeterState.AWAITING_OPTION_SELECT, meter.state());
        board.advance(Duration.ofMillis(200));
        assertEquals(IecMeterState.IDLE, meter.state());
        modem.sendAndWait(AckOptionSelect.readout(IecBaudRate.B9600));
        board.advance(Duration.ofSeconds(1));
        assertEquals(0, meter.readoutsServed());
        assertEquals(LineSettings.IEC_SIGN_ON, meter.lineSettings());
    }

    @Test
    @DisplayName("TR-9: more than 1500 ms between two characters discards the partial sign-on")
    void interCharacterTimeout() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = modemAt(LineSettings.IEC_SIGN_ON);
        modem.send("/?");
        board.advance(Duration.ofMillis(1700));
        modem.send("!\r\n");
        board.advance(Duration.ofSeconds(2));
        assertEquals(0, modem.received().length);
        assertTrue(meter.events().stream().anyMatch(e -> e instanceof IgnoredInput i && i.reason().contains("between two characters")));
    }

    @Test
    @DisplayName("TR-9: the meter serves a second readout after returning to idle")
    void twoReadouts() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = signedOn(meter);
        readoutAt9600(modem);
        modem.reconfigure(LineSettings.IEC_SIGN_ON);
        board.advance(Duration.ofMillis(300));
        modem.send(SignOn.ANY);
        board.advance(Duration.ofMillis(950));
        assertEquals(List.of(DEFAULT_ID), modem.receivedMessages());
        List<IecDecodeResult> results = readoutAt9600(modem);
        assertInstanceOf(DataMessage.class, ((DecodedMessage) results.get(0)).message());
        assertEquals(2, meter.readoutsServed());
    }

    @Test
    @DisplayName("TR-9: with the short reaction time announced (ISk) the data message starts 20 ms after the option select")
    void shortReactionTimeForData() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = signedOn(meter);
        long ackStart = board.scheduler().nanoTime();
        readoutAt9600(modem);
        SentAnswer data = meter.sentAnswers().get(1);
        assertInstanceOf(DataMessage.class, data.message());
        long ackEnd = ackStart + 200_000_000L; // 6 characters at 300 baud
        assertEquals(20, Math.round((data.nanoTime() - ackEnd) / 1e6));
        assertEquals(IecModemSide.B9600_7E1, data.line());
    }

    @Test
    @DisplayName("TR-9: mode E meters announce \\2 in the identification")
    void modeEIdentification() throws IOException {
        meter(SimulatedIecMeter.builder().modeE(true).manufacturer("LGZ").ident("ZMD120"));
        IecModemSide modem = modemAt(LineSettings.IEC_SIGN_ON);
        modem.send(SignOn.ANY);
        board.advance(Duration.ofMillis(1000));
        assertEquals(List.of(new Identification("LGZ", '5', "2", "ZMD120")), modem.receivedMessages());
    }

    @Test
    @DisplayName("TR-9: fault 'silent' - the meter logs the sign-on but never answers")
    void faultSilent() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        meter.silent(true);
        IecModemSide modem = modemAt(LineSettings.IEC_SIGN_ON);
        modem.send(SignOn.ANY);
        board.advance(Duration.ofSeconds(3));
        assertEquals(0, modem.received().length);
        assertEquals(List.of(SignOn.ANY), meter.receivedMessages());
        meter.clearFaults();
        modem.send(SignOn.ANY);
        board.advance(Duration.ofMillis(950));
        assertEquals(1, modem.receivedMessages().size());
    }

    @Test
    @DisplayName("TR-9: fault 'slowAnswer' - the identification starts only after the injected 2 s")
    void faultSlowAnswer() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        meter.slowAnswer(Duration.ofSeconds(2));
        IecModemSide modem = modemAt(LineSettings.IEC_SIGN_ON);
        modem.send(SignOn.ANY);
        board.advance(Duration.ofMillis(2160)); // 166.7 ms + 2000 ms - a little
        assertEquals(0, modem.received().length);
        board.advance(Duration.ofMillis(700));
        assertEquals(List.of(DEFAULT_ID), modem.receivedMessages());
    }

    @Test
    @DisplayName("TR-9: fault 'corruptBcc' - the data message arrives with a BCC the decoder rejects")
    void faultCorruptBcc() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        meter.corruptBcc(true);
        IecModemSide modem = signedOn(meter);
        List<IecDecodeResult> results = readoutAt9600(modem);
        assertEquals(1, results.size());
        assertEquals(MalformedKind.BCC_MISMATCH, assertInstanceOf(MalformedInput.class, results.get(0)).kind());
    }

    @Test
    @DisplayName("TR-9: fault 'dropAfter' - the data message stops mid-frame and the meter returns to idle")
    void faultDropAfter() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        meter.dropAfter(10);
        IecModemSide modem = signedOn(meter);
        List<IecDecodeResult> results = readoutAt9600(modem);
        assertTrue(results.isEmpty(), results.toString());
        assertEquals(IecMeterState.IDLE, meter.state());
        assertEquals(10, meter.sentAnswers().get(1).bytesSent());
    }

    @Test
    @DisplayName("TR-9: programming mode - P0 prompt, P1 password, R1 register read, B0 back to idle")
    void programmingMode() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = signedOn(meter);
        modem.sendAndWait(AckOptionSelect.programming(IecBaudRate.B9600));
        modem.reconfigure(IecModemSide.B9600_7E1);
        board.advance(Duration.ofMillis(100));
        assertEquals(List.of(new CommandMessage('P', '0', "(12345678)")), modem.receivedMessages());
        assertEquals(IecMeterState.PROGRAMMING, meter.state());

        modem.send(CommandMessage.password("00000000"));
        board.advance(Duration.ofMillis(100));
        assertEquals(List.<IecMessage>of(new Ack()), modem.receivedMessages());

        modem.send(new CommandMessage('R', '1', "1.8.0()"));
        board.advance(Duration.ofMillis(100));
        assertEquals(List.of(new DataMessage("(001234.5*kWh)")), modem.receivedMessages());

        modem.send(new Break());
        board.advance(Duration.ofMillis(100));
        assertEquals(IecMeterState.IDLE, meter.state());
        assertEquals(LineSettings.IEC_SIGN_ON, meter.lineSettings());
    }

    @Test
    @DisplayName("TR-9: programming mode refuses a wrong password with NAK")
    void programmingWrongPassword() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = signedOn(meter);
        modem.sendAndWait(AckOptionSelect.programming(IecBaudRate.B9600));
        modem.reconfigure(IecModemSide.B9600_7E1);
        board.advance(Duration.ofMillis(100));
        modem.receivedMessages();
        modem.send(CommandMessage.password("wrong"));
        board.advance(Duration.ofMillis(100));
        assertEquals(List.<IecMessage>of(new Nak()), modem.receivedMessages());
    }

    @Test
    @DisplayName("TR-11: an option select above the meter's maximum baud is ignored and the meter stays at 300")
    void optionSelectAboveMaximum() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder());
        IecModemSide modem = signedOn(meter);
        modem.sendAndWait(AckOptionSelect.readout(IecBaudRate.B19200));
        board.advance(Duration.ofSeconds(1));
        assertEquals(IecMeterState.IDLE, meter.state());
        assertEquals(LineSettings.IEC_SIGN_ON, meter.lineSettings());
        assertFalse(meter.events().isEmpty());
        assertEquals(0, meter.readoutsServed());
    }

    @Test
    @DisplayName("TR-9: registers can be changed while the meter runs")
    void changeRegister() throws IOException {
        SimulatedIecMeter meter = meter(SimulatedIecMeter.builder().removeRegister("2.8.0"));
        meter.setRegister(new DataSet("1.8.0", "009999.9", "kWh"));
        meter.setRegister(DataSet.of("0.9.1", "12:00:00"));
        List<DataSet> sets = meter.readout();
        assertEquals(4, sets.size());
        assertEquals(new DataSet("1.8.0", "009999.9", "kWh"), sets.get(3));
        assertEquals(DataSet.of("0.9.1", "12:00:00"), sets.get(1));
    }
}
