package io.metermodem.testkit.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import io.metermodem.transparent.iec.AckOptionSelect;
import io.metermodem.transparent.iec.DataMessage;
import io.metermodem.transparent.iec.IecBaudRate;
import io.metermodem.transparent.iec.SignOn;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulated IEC 62056-21 mode C meter on the bit-level mock wire: a readout succeeds at every
 * rate the meter offers after any reaction time (TR-11, TR-9), and a sign-on in any frame format
 * but 7E1 is never answered (TR-4).
 */
class SimulatedIecMeterProperties {

    /** Sign-on, identification, option select, baud change, the whole data message back, the meter idle. */
    private static void readout(IecBaudRate rate, int reactionMillis) throws IOException {
        MockBoard board = MockBoard.builder().build();
        SimulatedIecMeter meter = SimulatedIecMeter.builder().maxBaudRate(IecBaudRate.B19200)
                .reactionTime(Duration.ofMillis(reactionMillis)).build(board);
        IecModemSide modem = new IecModemSide(board, LineSettings.IEC_SIGN_ON);
        modem.send(SignOn.ANY);
        board.advance(Duration.ofMillis(800 + reactionMillis));
        assertEquals(1, modem.receivedMessages().size());
        modem.sendAndWait(AckOptionSelect.readout(rate));
        modem.reconfigure(new LineSettings(rate.baud(), FrameFormat.F7E1));
        board.advance(Duration.ofSeconds(5)); // 100 characters at 300 baud take 3.3 s
        DataMessage data = assertInstanceOf(DataMessage.class, modem.receivedMessages().get(0));
        assertEquals(meter.readout().size(), data.dataSets().size());
        assertEquals(IecMeterState.IDLE, meter.state());
    }

    @Property(tries = 20)
    @DisplayName("TR-11: a readout succeeds at every mode C rate up to the meter's maximum, after any reaction time")
    void readoutAtEveryRate(Gen gen) throws IOException {
        readout(gen.oneOf(IecBaudRate.values()), gen.intBetween(20, 1500));
    }

    static Stream<Arguments> everyRateAtTheReactionLimits() {
        return Arrays.stream(IecBaudRate.values())
                .flatMap(rate -> Stream.of(Arguments.of(rate, 20), Arguments.of(rate, 1500)));
    }

    @ParameterizedTest(name = "{0} after {1} ms")
    @MethodSource("everyRateAtTheReactionLimits")
    @DisplayName("TR-11: a readout succeeds at each mode C rate after the shortest and the longest reaction time")
    void readoutAtEachRateAndReactionLimit(IecBaudRate rate, int reactionMillis) throws IOException {
        readout(rate, reactionMillis);
    }

    static Stream<Arguments> formatsOtherThan7E1AndAddresses() {
        return Arrays.stream(FrameFormat.values()).filter(f -> f != FrameFormat.F7E1)
                .flatMap(f -> Stream.of("", "1", "0001").map(address -> Arguments.of(f, address)));
    }

    @ParameterizedTest(name = "{0}, address ''{1}''")
    @MethodSource("formatsOtherThan7E1AndAddresses")
    @DisplayName("TR-4: a sign-on sent in any frame format other than 7E1 is never answered")
    void nonSevenE1SignOnIgnored(FrameFormat format, String address) throws IOException {
        MockBoard board = MockBoard.builder().build();
        SimulatedIecMeter meter = SimulatedIecMeter.builder().address("1").build(board);
        IecModemSide modem = new IecModemSide(board, new LineSettings(300, format));
        modem.send(new SignOn(address));
        board.advance(Duration.ofSeconds(3));
        // 7O1, 7N2 and the 8-bit formats all garble "/" or CR at the meter's 7E1 receiver
        assertEquals(0, modem.received().length, "answered a sign-on sent at " + format);
        assertTrue(meter.receivedMessages().stream().noneMatch(m -> m instanceof SignOn), meter.events().toString());
        // the same sign-on at 7E1 is answered: the format alone made the difference
        modem.reconfigure(LineSettings.IEC_SIGN_ON);
        modem.send(new SignOn(address));
        board.advance(Duration.ofSeconds(2));
        assertEquals(List.of(meter.identification()), modem.receivedMessages());
    }
}
