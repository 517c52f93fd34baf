package io.metermodem.hal.mock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.Board;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.Rs485Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MockBoardTest {

    private static final byte[] SIGN_ON = "/?!\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    @DisplayName("HAL-8: the mock board hands out the same named parts every time, all on one virtual clock")
    void sameParts() {
        try (MockBoard mock = MockBoard.builder().name("unit-7").build()) {
            Board board = mock;
            assertEquals("unit-7", board.name());
            assertSame(board.meterPort(), board.meterPort());
            assertSame(board.led(Led.LED3), mock.led(Led.LED3));
            assertSame(board.cellularModule(), mock.network());
            assertSame(board.nonVolatileMemory(), mock.nonVolatileMemory());
            assertTrue(board.consolePort().isEmpty());
            assertEquals(0, board.scheduler().nanoTime());
            mock.advance(Duration.ofSeconds(5));
            assertEquals(Duration.ofSeconds(5).toNanos(), board.scheduler().nanoTime());
            assertEquals(VirtualScheduler.DEFAULT_EPOCH.plusSeconds(5), board.scheduler().instant());
        }
    }

    @Test
    @DisplayName("HAL-8: what the firmware writes on the meter port reaches the meter end after frameBits/baud of virtual time")
    void meterLineEndToEnd() throws IOException {
        try (MockBoard board = MockBoard.builder().build()) {
            MockSerialPort meter = board.meterEnd();
            meter.open(LineSettings.IEC_SIGN_ON);
            board.meterPort().open(LineSettings.IEC_SIGN_ON);

            board.meterPort().write(SIGN_ON);
            // 5 characters x 10 bits at 300 baud, rounded once: 166 666 667 ns.
            long fiveCharacters = Math.round(SIGN_ON.length * 10 * 1e9 / 300);
            board.scheduler().advanceTo(fiveCharacters - 1);
            assertEquals(4, meter.available(), "the fifth character is still on the wire");
            board.scheduler().advanceTo(fiveCharacters);
            assertArrayEquals(SIGN_ON, meter.readAvailable());
        }
    }

    @Test
    @DisplayName("HAL-1: a modem line left at 8N1 reads a 7E1 meter's answer with the parity bit as bit 7")
    void mismatchedFormatsOnTheBoard() throws IOException {
        try (MockBoard board = MockBoard.builder().build()) {
            board.meterEnd().open(new LineSettings(300, FrameFormat.F7E1));
            board.meterPort().open(new LineSettings(300, FrameFormat.F8N1));
            board.meterEnd().write(new byte[] {'/'});
            board.advance(Duration.ofMillis(40));
            assertArrayEquals(new byte[] {(byte) 0xAF}, board.meterPort().readAvailable());
        }
    }

    @Test
    @DisplayName("HAL-3: a board built for RS485 puts the meter port on a bus with room for 31 meters")
    void rs485Board() throws IOException {
        try (MockBoard board = MockBoard.builder().meterRs485(Rs485Mode.TWO_WIRE).build()) {
            assertTrue(board.meterWire().isEmpty());
            assertThrows(IllegalStateException.class, board::meterEnd);
            var bus = board.meterBus().orElseThrow();
            MockSerialPort meter = bus.meter("meter-1");
            meter.open(LineSettings.STANDARD_9600_8N1);
            board.meterPort().open(LineSettings.STANDARD_9600_8N1);
            board.meterPort().write(SIGN_ON);
            board.advance(Duration.ofMillis(10));
            assertArrayEquals(SIGN_ON, meter.readAvailable());
            assertEquals(Rs485Mode.TWO_WIRE, board.meterPort().rs485Mode());
        }
    }

    @Test
    @DisplayName("HAL-8: the console line, network, power and flash of the mock board are scriptable from the test")
    void scriptableParts() throws IOException {
        try (MockBoard board = MockBoard.builder().withConsole().epoch(Instant.parse("2026-06-01T12:00:00Z")).build()) {
            board.consolePort().orElseThrow().open(LineSettings.STANDARD_9600_8N1);
            board.consoleEnd().open(LineSettings.STANDARD_9600_8N1);
            board.consoleEnd().write("AT\r".getBytes(StandardCharsets.US_ASCII));
            board.advance(Duration.ofMillis(5));
            assertEquals(3, board.consolePort().orElseThrow().available());

            board.network().registerOn(AccessTechnology.LTE, "Test Operator");
            assertEquals(RegistrationState.REGISTERED_HOME, board.cellularModule().status().registration());

            assertFalse(board.powerFail().isActive());
            board.powerSupply().cutPower();
            assertTrue(board.powerFail().isActive());

            assertEquals(Instant.parse("2026-06-01T12:00:00.005Z"), board.scheduler().instant());
        }
    }

    @Test
    @DisplayName("HAL-8: closing the board closes its serial ports and is harmless twice")
    void closes() throws IOException {
        MockBoard board = MockBoard.builder().build();
        board.meterPort().open(LineSettings.STANDARD_9600_8N1);
        board.close();
        board.close();
        assertTrue(board.isClosed());
        assertFalse(board.meterPort().isOpen());
    }

    @Test
    @DisplayName("HAL-8: a mock board's device key follows its name, is 32 bytes, and is never in its flash")
    void deviceKey() throws IOException {
        try (MockBoard a = MockBoard.builder().name("a").build();
             MockBoard a2 = MockBoard.builder().name("a").build();
             MockBoard b = MockBoard.builder().name("b").build()) {
            assertEquals(32, a.deviceKey().length);
            assertArrayEquals(a.deviceKey(), a2.deviceKey());
            assertFalse(java.util.Arrays.equals(a.deviceKey(), b.deviceKey()));
            assertFalse(a.nonVolatileMemory().contains(a.deviceKey()));
            byte[] copy = a.deviceKey();
            copy[0] ^= 1;
            assertFalse(java.util.Arrays.equals(copy, a.deviceKey()), "callers get a copy");
        }
    }
}
