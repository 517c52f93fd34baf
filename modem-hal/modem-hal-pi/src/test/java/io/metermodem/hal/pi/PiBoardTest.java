package io.metermodem.hal.pi;

import io.metermodem.hal.pi.testing.SocatPty;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.serial.SerialPortUnavailableException;
import io.metermodem.testsupport.Interop;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Pi board assembled against Pi4J's mock GPIO and socat pseudo-terminals (HAL-8). */
@Interop
class PiBoardTest {

    @TempDir
    Path dir;

    private SocatPty pty;
    private Context pi4j;

    @BeforeEach
    void start() throws Exception {
        pty = SocatPty.start(dir);
        pi4j = MockPi4j.context();
    }

    @AfterEach
    void stop() throws Exception {
        pi4j.shutdown();
        pty.close();
    }

    private PiBoard.Builder builder() {
        return PiBoard.builder()
                .name("test-board")
                .meterDevice(pty.a().toString())
                .nvmFile(dir.resolve("flash.bin"))
                .nvmGeometry(256, 16)
                .pi4j(pi4j);
    }

    @Test
    @DisplayName("HAL-8: a Pi board on mock GPIO and a pty hands out LEDs, inputs, flash and a DCE meter port")
    void assembledBoard() throws Exception {
        try (PiBoard board = builder().build()) {
            board.led(Led.LED1).on();
            assertEquals(DigitalState.HIGH, pi4j.<com.pi4j.io.gpio.digital.DigitalOutput>io("metermodem-led1").state());
            assertEquals(PortRole.DCE, board.meterPort().role());
            assertEquals(pty.a().toString(), board.meterPort().name());
            assertTrue(board.consolePort().isEmpty());
            assertEquals(256L * 16, board.nonVolatileMemory().size());
            assertEquals("POWER_FAIL", board.powerFail().name());
            assertEquals("SUPERCAP_CHARGED", board.supercapCharged().name());
            assertSame(board.led(Led.LED1), board.led(Led.LED1));

            board.meterPort().open(LineSettings.STANDARD_9600_8N1);
            board.meterPort().setControlLine(ControlLine.DCD, true);
            assertEquals(DigitalState.HIGH, pi4j.<com.pi4j.io.gpio.digital.DigitalOutput>io("metermodem-dcd").state());

            byte[] hello = "hello".getBytes();
            board.meterPort().write(hello);
            try (JSerialCommPort meter = JSerialCommPort.builder(pty.b().toString()).scheduler(board.scheduler()).build()) {
                meter.open(LineSettings.STANDARD_9600_8N1);
                meter.write(hello);
                byte[] got = new byte[5];
                int have = 0;
                while (have < 5) {
                    have += board.meterPort().read(got, have, 5 - have, Duration.ofSeconds(10));
                }
                assertArrayEquals(hello, got);
            }
        }
    }

    @Test
    @DisplayName("HAL-8: without a module driver, cellularModule() says that no driver is bound")
    void noCellularDriver() throws Exception {
        try (PiBoard board = builder().build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, board::cellularModule);
            assertTrue(e.getMessage().contains("no cellular module driver"), e.getMessage());
        }
    }

    @Test
    @DisplayName("HAL-8: a bound module driver receives the module UART as a closed DTE port")
    void cellularDriverBound() throws Exception {
        AtomicReference<SerialPort> handed = new AtomicReference<>();
        CellularModule fake = (CellularModule) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CellularModule.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });

        try (PiBoard board = builder().cellularModule(port -> {
            handed.set(port);
            return fake;
        }, pty.b().toString()).build()) {
            assertSame(fake, board.cellularModule());
            assertEquals(pty.b().toString(), handed.get().name());
            assertEquals(PortRole.DTE, handed.get().role());
            assertFalse(handed.get().isOpen());
        }
    }

    @Test
    @DisplayName("HAL-8: a missing meter device is refused naming it, and nothing stays claimed")
    void missingMeterDevice() throws Exception {
        String missing = dir.resolve("ttyMissing").toString();

        SerialPortUnavailableException e = assertThrows(SerialPortUnavailableException.class,
                () -> builder().meterDevice(missing).build());
        assertTrue(e.getMessage().contains(missing), e.getMessage());

        try (PiBoard board = builder().build()) {
            assertEquals("test-board", board.name());
        }
    }

    @Test
    @DisplayName("HAL-8: close releases the pins and the flash so the board can be built again")
    void closeReleasesEverything() throws Exception {
        PiBoard first = builder().build();
        first.led(Led.LED2).on();
        first.close();
        first.close();

        try (PiBoard second = builder().build()) {
            assertFalse(second.led(Led.LED2).isOn());
        }
    }
}
