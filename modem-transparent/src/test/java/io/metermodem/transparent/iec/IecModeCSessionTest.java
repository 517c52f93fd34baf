package io.metermodem.transparent.iec;

import static io.metermodem.transparent.iec.TestBytes.ascii;
import static io.metermodem.transparent.iec.TestBytes.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IecModeCSessionTest {

    private static final byte[] IDENT = ascii("/ISk5MT174-0001\r\n");
    private static final String BLOCK = "C.1.0(12345678)\r\n0.9.1(13:45:10)\r\n0.9.2(25-11-23)\r\n1.8.0(001234.5*kWh)\r\n!\r\n";
    private static final byte[] DATA = IecEncoder.encode(new DataMessage(BLOCK));
    private static final Duration T1500 = Duration.ofMillis(1500);

    private static IecModeCSession identified(IecModeCSession session) {
        session.start();
        session.onReceived(IDENT);
        return session;
    }

    @Test
    @DisplayName("TR-9: a mode C readout goes sign-on, identification, ACK 0 5 0, baud switch, data message, readout")
    void fullConversation() {
        IecModeCSession session = new IecModeCSession();

        assertEquals(List.of(new ConfigureLine(LineSettings.IEC_SIGN_ON), new Transmit(ascii("/?!\r\n"), Duration.ZERO),
                new ArmTimer(T1500)), session.start());
        assertEquals(IecSessionState.AWAITING_IDENTIFICATION, session.state());

        // The identification in two reads: the first one only restarts the inter-character timer.
        assertEquals(List.of(new ArmTimer(T1500)), session.onReceived(IDENT, 0, 7));
        List<IecSessionAction> afterIdent = session.onReceived(IDENT, 7, IDENT.length - 7);
        // ISk: lower-case k = 20 ms reaction time; '5' = 9600 baud. The ACK goes out at 300 baud first,
        // then the line changes: the order of the actions is the switch point.
        assertEquals(List.of(new Transmit(new byte[] {0x06, '0', '5', '0', '\r', '\n'}, Duration.ofMillis(20)),
                new ConfigureLine(new LineSettings(9600, FrameFormat.F7E1)), new ArmTimer(T1500)), afterIdent);
        assertEquals(IecSessionState.AWAITING_DATA, session.state());

        List<IecSessionAction> end = session.onReceived(DATA);
        IecReadout readout = session.readout().orElseThrow();
        assertEquals(List.of(new CancelTimer(), new ReadoutCompleted(readout)), end);
        assertEquals(IecSessionState.COMPLETED, session.state());
        assertEquals(new Identification("ISk", '5', "", "MT174-0001"), readout.identification());
        assertEquals(Optional.of("12345678"), readout.meterSerial());
        assertEquals(Optional.of("13:45:10"), readout.meterTime());
        assertEquals(Optional.of("25-11-23"), readout.meterDate());
        assertEquals(Optional.of(new DataSet("1.8.0", "001234.5", "kWh")), readout.find("1.8.0"));
        assertEquals(4, readout.dataSets().size());
        assertEquals(List.of(), readout.problems());
    }

    @Test
    @DisplayName("TR-9: the whole conversation also works when every byte arrives on its own")
    void byteByByte() {
        IecModeCSession session = new IecModeCSession();
        session.start();
        byte[] all = concat(IDENT, DATA);
        for (int i = 0; i < all.length; i++) {
            session.onReceived(all, i, 1);
        }
        assertEquals(Optional.of("12345678"), session.readout().flatMap(IecReadout::meterSerial));
    }

    @Test
    @DisplayName("TR-9: a data message with a wrong BCC ends the readout with BCC_ERROR")
    void bccError() {
        IecModeCSession session = identified(new IecModeCSession());
        byte[] corrupted = DATA.clone();
        corrupted[corrupted.length - 1] ^= 0x20;
        List<IecSessionAction> actions = session.onReceived(corrupted);
        IecReadFailure failure = session.failure().orElseThrow();
        assertEquals(IecReadFailureKind.BCC_ERROR, failure.kind());
        assertEquals(IecSessionState.AWAITING_DATA, failure.stage());
        assertEquals(List.of(new CancelTimer(), new ReadFailed(failure)), actions);
        assertEquals(IecSessionState.FAILED, session.state());
    }

    @Test
    @DisplayName("TR-9: no answer to the sign-on ends the readout with NO_IDENTIFICATION when the timer expires")
    void noAnswer() {
        IecModeCSession session = new IecModeCSession();
        session.start();
        List<IecSessionAction> actions = session.onTimeout();
        assertEquals(IecReadFailureKind.NO_IDENTIFICATION, session.failure().orElseThrow().kind());
        assertEquals(List.of(new ReadFailed(session.failure().orElseThrow())), actions);
        assertEquals(List.of(), session.onTimeout());
        assertEquals(List.of(), session.onReceived(IDENT));
    }

    @Test
    @DisplayName("TR-9: no data message after the option select ends with NO_DATA")
    void noData() {
        IecModeCSession session = identified(new IecModeCSession());
        session.onTimeout();
        assertEquals(IecReadFailureKind.NO_DATA, session.failure().orElseThrow().kind());
    }

    @Test
    @DisplayName("TR-9: a data message that stops midway ends with INTER_CHARACTER_TIMEOUT")
    void interCharacterTimeout() {
        IecModeCSession session = identified(new IecModeCSession());
        assertEquals(List.of(new ArmTimer(T1500)), session.onReceived(DATA, 0, 20));
        session.onTimeout();
        assertEquals(IecReadFailureKind.INTER_CHARACTER_TIMEOUT, session.failure().orElseThrow().kind());
    }

    @Test
    @DisplayName("TR-9: a bad identification line ends with MALFORMED_IDENTIFICATION")
    void malformedIdentification() {
        IecModeCSession session = new IecModeCSession();
        session.start();
        session.onReceived(ascii("/I5\r\n"));
        assertEquals(IecReadFailureKind.MALFORMED_IDENTIFICATION, session.failure().orElseThrow().kind());
    }

    @Test
    @DisplayName("TR-9: a NAK or break instead of data ends with UNEXPECTED_MESSAGE")
    void meterAborts() {
        IecModeCSession session = identified(new IecModeCSession());
        session.onReceived(IecEncoder.encode(new Break()));
        assertEquals(IecReadFailureKind.UNEXPECTED_MESSAGE, session.failure().orElseThrow().kind());
    }

    @Test
    @DisplayName("TR-9: the echo of our own sign-on and option select (optical head, RS485) is ignored")
    void echoesIgnored() {
        IecModeCSession session = new IecModeCSession();
        session.start();
        session.onReceived(concat(ascii("/?!\r\n"), IDENT));
        session.onReceived(concat(IecEncoder.encode(AckOptionSelect.readout(IecBaudRate.B9600)), DATA));
        assertEquals(IecSessionState.COMPLETED, session.state());
    }

    @Test
    @DisplayName("TR-9: line noise before the identification is skipped")
    void noiseSkipped() {
        IecModeCSession session = new IecModeCSession();
        session.start();
        session.onReceived(concat(new byte[] {0x00, 0x7F, 0x13}, IDENT, DATA));
        assertEquals(IecSessionState.COMPLETED, session.state());
    }

    @Test
    @DisplayName("TR-9: the selected rate is capped at the session's maximum")
    void baudCap() {
        IecModeCSession session = new IecModeCSession(new SignOn("42"), IecBaudRate.B2400, IecTimings.STANDARD);
        List<IecSessionAction> start = session.start();
        assertEquals(new Transmit(ascii("/?42!\r\n"), Duration.ZERO), start.get(1));
        List<IecSessionAction> actions = session.onReceived(IDENT);
        assertEquals(new Transmit(new byte[] {0x06, '0', '3', '0', '\r', '\n'}, Duration.ofMillis(20)), actions.get(0));
        assertEquals(new ConfigureLine(new LineSettings(2400, FrameFormat.F7E1)), actions.get(1));
    }

    @Test
    @DisplayName("TR-9: a mode E meter is read out the IEC way (ACK 0 Z 0) after 200 ms")
    void modeE() {
        IecModeCSession session = new IecModeCSession();
        session.start();
        List<IecSessionAction> actions = session.onReceived(ascii("/LGZ5\\2ZMD3104107.B32\r\n"));
        assertEquals(new Transmit(new byte[] {0x06, '0', '5', '0', '\r', '\n'}, Duration.ofMillis(200)), actions.get(0));
    }

    @Test
    @DisplayName("TR-9: a mode B meter changes speed without ACK; a mode A meter stays at 300 baud")
    void modesAAndB() {
        IecModeCSession modeB = new IecModeCSession();
        modeB.start();
        assertEquals(List.of(new ConfigureLine(new LineSettings(9600, FrameFormat.F7E1)), new ArmTimer(T1500)),
                modeB.onReceived(ascii("/ABCEmeter\r\n")));
        IecModeCSession modeA = new IecModeCSession();
        modeA.start();
        assertEquals(List.of(new ArmTimer(T1500)), modeA.onReceived(ascii("/ABCXmeter\r\n")));
        modeA.onReceived(DATA);
        assertEquals(IecSessionState.COMPLETED, modeA.state());
    }

    @Test
    @DisplayName("TR-9: a meter sending 7E1 read at 8 bits is still understood")
    void parityBitsStripped() {
        IecModeCSession session = new IecModeCSession();
        session.start();
        session.onReceived(TestBytes.withEvenParity(concat(IDENT, DATA)));
        assertEquals(Optional.of("12345678"), session.readout().flatMap(IecReadout::meterSerial));
    }

    @Test
    @DisplayName("TR-9: registers are found with or without the OBIS medium/channel prefix")
    void registerLookup() {
        IecReadout readout = new IecReadout(new Identification("ABC", '5', "", "x"),
                List.of(DataSet.of("1-0:0.9.1", "13:45:10"), DataSet.of("C.1.0", "7")), List.of());
        assertEquals(Optional.of("13:45:10"), readout.meterTime());
        assertEquals(Optional.of("7"), readout.value("0-0:C.1.0"));
        assertEquals(Optional.empty(), readout.meterDate());
    }

    @Test
    @DisplayName("TR-9: starting twice or feeding before start is API misuse")
    void misuse() {
        IecModeCSession session = new IecModeCSession();
        assertThrows(IllegalStateException.class, () -> session.onReceived(IDENT));
        assertThrows(IllegalStateException.class, session::onTimeout);
        session.start();
        assertThrows(IllegalStateException.class, session::start);
        assertThrows(IllegalArgumentException.class, () -> new IecModeCSession(null, IecBaudRate.B300, IecTimings.STANDARD));
        assertThrows(IllegalArgumentException.class, () -> new IecTimings(Duration.ofMillis(300), Duration.ofMillis(20),
                Duration.ofMillis(200), T1500));
    }

    @Test
    @DisplayName("TR-9: Transmit hands out copies of its bytes")
    void transmitIsImmutable() {
        byte[] bytes = {1, 2};
        Transmit transmit = new Transmit(bytes, Duration.ZERO);
        bytes[0] = 9;
        transmit.bytes()[1] = 9;
        assertArrayEquals(new byte[] {1, 2}, transmit.bytes());
        assertTrue(transmit.toString().contains("01 02"));
    }
}
