package io.metermodem.at.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.at.AtInterpreter;
import io.metermodem.at.AtMode;
import io.metermodem.at.LineFraming;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.password.PasswordHash;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.cellular.DialOutcome;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.FlowControl;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The local AT interface on the bit-level mock console wire. */
class SerialAtConsoleTest {

    private final MockBoard board = MockBoard.builder().withConsole().build();
    private final MockSerialPort terminal = board.consoleEnd();
    private final SerialPort port = board.consolePort().orElseThrow();
    private SerialAtConsole console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
        board.close();
    }

    private void startConsole() throws IOException {
        ConfigurationService config = ConfigurationService.open(ParameterRegistry.wmE2s(PasswordHash.MIN_ITERATIONS),
                new ConfigurationStore(board.nonVolatileMemory(), new AtRestCipher(board.deviceKey())));
        board.network().registerOn(AccessTechnology.LTE, "MeterNet");
        console = SerialAtConsole.start(port, 9600, AtInterpreter.builder()
                .scheduler(board.scheduler()).cellularModule(board.cellularModule()).configuration(config));
    }

    private String type(String text) throws IOException {
        terminal.write(text.getBytes(StandardCharsets.US_ASCII));
        board.advance(Duration.ofMillis(200));
        return new String(terminal.readAvailable(), StandardCharsets.ISO_8859_1);
    }

    @Test
    @DisplayName("AT-1: a 7E1 terminal's AT arrives at 8N1 with the even parity in bit 7 (A 0x41, T 0xD4, CR 0x8D)")
    void sevenEOneSeenAtEightNOne() throws IOException {
        terminal.open(new LineSettings(9600, FrameFormat.F7E1));
        port.open(LineSettings.STANDARD_9600_8N1);
        terminal.write("AT\r".getBytes(StandardCharsets.US_ASCII));
        board.advance(Duration.ofMillis(100));
        assertArrayEquals(new byte[] {0x41, (byte) 0xD4, (byte) 0x8D}, ((MockSerialPort) port).readAvailable());
        assertTrue(((MockSerialPort) port).lineErrors().isEmpty(), "same frame length: no framing error");
    }

    @Test
    @DisplayName("AT-1: a 7E1 terminal is recognised from its AT and answered in 7E1 frames without parity errors")
    void sevenEOneTerminal() throws IOException {
        terminal.open(new LineSettings(9600, FrameFormat.F7E1));
        startConsole();
        assertEquals("AT\r\r\nOK\r\n", type("AT\r"));
        assertEquals(LineFraming.F7E1, console.interpreter().framing());
        assertEquals("at+cgsn\r\r\n356938035643809\r\n\r\nOK\r\n", type("at+cgsn\r"));
        assertTrue(terminal.lineErrors().isEmpty(), "the terminal saw no parity or framing error");
    }

    @Test
    @DisplayName("AT-1: an 8N1 terminal is answered in 8N1, and the interface follows a terminal switching framing")
    void eightNOneTerminal() throws IOException {
        terminal.open(LineSettings.STANDARD_9600_8N1);
        startConsole();
        assertEquals("at\r\r\nOK\r\n", type("at\r"));
        assertEquals(LineFraming.F8N1, console.interpreter().framing());

        terminal.reconfigure(new LineSettings(9600, FrameFormat.F7E1));
        assertEquals("AT\r\r\nOK\r\n", type("AT\r"));
        assertEquals(LineFraming.F7E1, console.interpreter().framing());
        terminal.reconfigure(LineSettings.STANDARD_9600_8N1);
        assertEquals("At\r\r\nOK\r\n", type("At\r"));
        assertEquals(LineFraming.F8N1, console.interpreter().framing());
        assertTrue(terminal.lineErrors().isEmpty());
    }

    @Test
    @DisplayName("AT-12, AT-14: AT&C0 raises DCD on the wire, AT&K3 sets RTS/CTS flow control on the port")
    void controlLines() throws IOException {
        terminal.open(LineSettings.STANDARD_9600_8N1);
        startConsole();
        assertFalse(terminal.controlLine(ControlLine.DCD));
        type("AT&C0&K3\r");
        assertTrue(terminal.controlLine(ControlLine.DCD));
        assertEquals(FlowControl.RTS_CTS, port.flowControl());
    }

    @Test
    @DisplayName("AT-13: the terminal dropping DTR under AT&D1 returns to command mode keeping the call")
    void dtrOnTheWire() throws IOException {
        terminal.open(LineSettings.STANDARD_9600_8N1);
        startConsole();
        terminal.setControlLine(ControlLine.DTR, true);
        board.network().onDial("123", DialOutcome.ANSWER);
        type("ATE0&D1D123\r");
        assertEquals("\r\nCONNECT 9600\r\n", new String(readAfter(Duration.ofSeconds(11)), StandardCharsets.US_ASCII));
        terminal.setControlLine(ControlLine.DTR, false);
        assertEquals("\r\nOK\r\n", new String(readAfter(Duration.ofMillis(100)), StandardCharsets.US_ASCII));
        assertEquals(AtMode.ONLINE_COMMAND, console.interpreter().mode());
        assertTrue(console.interpreter().inCall());
    }

    private byte[] readAfter(Duration d) {
        board.advance(d);
        return terminal.readAvailable();
    }
}
