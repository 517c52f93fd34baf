package io.metermodem.testkit.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.transparent.iec.AckOptionSelect;
import io.metermodem.transparent.iec.DataMessage;
import io.metermodem.transparent.iec.IecBaudRate;
import io.metermodem.transparent.iec.SignOn;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SimulatedIecMeterProperties {

    @Property(tries = 20)
    @Label("TR-11: a readout succeeds at every mode C rate up to the meter's maximum, after any reaction time")
    void readoutAtEveryRate(@ForAll IecBaudRate rate, @ForAll @IntRange(min = 20, max = 1500) int reactionMillis)
            throws IOException {
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

    @Property(tries = 30)
    @Label("TR-4: a sign-on sent in any frame format other than 7E1 is never answered")
    void nonSevenE1SignOnIgnored(@ForAll FrameFormat format, @ForAll("addresses") String address) throws IOException {
        if (format == FrameFormat.F7E1) {
            return;
        }
        MockBoard board = MockBoard.builder().build();
        SimulatedIecMeter meter = SimulatedIecMeter.builder().address("1").build(board);
        IecModemSide modem = new IecModemSide(board, new LineSettings(300, format));
        modem.send(new SignOn(address));
        board.advance(Duration.ofSeconds(3));
        // 7O1, 7N2 and the 8-bit formats all garble "/" or CR at the meter's 7E1 receiver
        assertEquals(0, modem.received().length, "answered a sign-on sent at " + format);
        assertTrue(meter.receivedMessages().stream().noneMatch(m -> m instanceof SignOn), meter.events().toString());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> addresses() {
        return net.jqwik.api.Arbitraries.of(List.of("", "1", "0001"));
    }
}
