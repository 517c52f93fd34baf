package io.metermodem.hal.pi;

import io.metermodem.hal.pi.testing.SocatPty;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.FlowControl;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineError;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.serial.Rs485Mode;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.serial.SerialPortUnavailableException;
import io.metermodem.hal.serial.SerialTimeoutException;
import io.metermodem.testsupport.Interop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jSerialComm port between two socat pseudo-terminals (HAL-1..HAL-3). */
@Interop
class JSerialCommPortTest {

    private static final Duration GENEROUS = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private SocatPty pty;
    private SystemScheduler scheduler;
    private JSerialCommPort a;
    private JSerialCommPort b;

    @BeforeEach
    void startWire() throws Exception {
        pty = SocatPty.start(dir);
        scheduler = new SystemScheduler();
        a = JSerialCommPort.builder(pty.a().toString()).scheduler(scheduler).build();
        b = JSerialCommPort.builder(pty.b().toString()).scheduler(scheduler).build();
    }

    @AfterEach
    void stopWire() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        scheduler.close();
        pty.close();
    }

    @Test
    @DisplayName("HAL-1: all 256 byte values pass a socat pty unchanged both ways")
    void allByteValuesBothWays() throws IOException {
        a.open(LineSettings.STANDARD_9600_8N1);
        b.open(LineSettings.STANDARD_9600_8N1);
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }

        a.write(all);
        assertArrayEquals(all, readExactly(b, 256));
        b.write(all);
        assertArrayEquals(all, readExactly(a, 256));
    }

    @Test
    @DisplayName("HAL-1: a baud and format change while open keeps the line working")
    void reconfigureWhileOpen() throws IOException {
        a.open(LineSettings.IEC_SIGN_ON);
        b.open(LineSettings.IEC_SIGN_ON);

        LineSettings fast = new LineSettings(19200, FrameFormat.F8N1);
        a.reconfigure(fast);
        b.reconfigure(fast);
        a.write(new byte[] {1, 2, 3});

        assertEquals(fast, a.settings());
        assertArrayEquals(new byte[] {1, 2, 3}, readExactly(b, 3));
    }

    @Test
    @DisplayName("HAL-1: a port can be closed and opened again")
    void reopenAfterClose() throws IOException {
        a.open(LineSettings.STANDARD_9600_8N1);
        b.open(LineSettings.STANDARD_9600_8N1);
        a.close();
        assertFalse(a.isOpen());

        a.open(LineSettings.STANDARD_9600_8N1);
        b.write(new byte[] {42});

        assertTrue(a.isOpen());
        assertArrayEquals(new byte[] {42}, readExactly(a, 1));
    }

    @Test
    @DisplayName("HAL-1: a read that gets nothing times out naming the port")
    void readTimesOut() throws IOException {
        a.open(LineSettings.STANDARD_9600_8N1);

        SerialTimeoutException e = assertThrows(SerialTimeoutException.class,
                () -> a.read(new byte[8], 0, 8, Duration.ofMillis(50)));
        assertTrue(e.getMessage().contains(pty.a().toString()), e.getMessage());
    }

    @Test
    @DisplayName("HAL-1: closing the port ends a waiting read with -1")
    void closeEndsWaitingRead() throws Exception {
        a.open(LineSettings.STANDARD_9600_8N1);
        CountDownLatch reading = new CountDownLatch(1);
        CompletableFuture<Integer> result = CompletableFuture.supplyAsync(() -> {
            reading.countDown();
            try {
                return a.read(new byte[8], 0, 8, Duration.ofSeconds(30));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> Thread.ofVirtual().start(runnable));
        assertTrue(reading.await(10, TimeUnit.SECONDS));

        a.close();

        assertEquals(-1, result.get(10, TimeUnit.SECONDS));
        assertEquals(-1, a.read(new byte[1], 0, 1, Duration.ZERO));
    }

    @Test
    @DisplayName("HAL-1: opening a missing device fails naming the device")
    void missingDevice() {
        String missing = dir.resolve("no-such-tty").toString();
        JSerialCommPort port = JSerialCommPort.builder(missing).scheduler(scheduler).build();

        SerialPortUnavailableException e = assertThrows(SerialPortUnavailableException.class,
                () -> port.open(LineSettings.STANDARD_9600_8N1));
        assertEquals(missing, e.device());
        assertTrue(e.getMessage().contains(missing), e.getMessage());
    }

    @Test
    @DisplayName("HAL-1: listener mode delivers every character in order")
    void listenerDeliversInOrder() throws Exception {
        a.open(LineSettings.STANDARD_9600_8N1);
        b.open(LineSettings.STANDARD_9600_8N1);
        int total = 20_000;
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        CountDownLatch done = new CountDownLatch(1);
        b.setListener((data, offset, length) -> {
            received.write(data, offset, length);
            if (received.size() >= total) {
                done.countDown();
            }
        });
        byte[] sent = new byte[total];
        for (int i = 0; i < total; i++) {
            sent[i] = (byte) (i * 31 + i / 256);
        }

        for (int off = 0; off < total; off += 1000) {
            a.write(sent, off, 1000);
        }

        assertTrue(done.await(GENEROUS.toSeconds(), TimeUnit.SECONDS), "received " + received.size());
        assertArrayEquals(sent, received.toByteArray());
    }

    @Test
    @DisplayName("HAL-1: a full receive buffer drops characters and reports OVERRUN")
    void overrunWhenBufferFull() throws Exception {
        b.close();
        b = JSerialCommPort.builder(pty.b().toString()).scheduler(scheduler).receiveBufferSize(16).build();
        a.open(LineSettings.STANDARD_9600_8N1);
        b.open(LineSettings.STANDARD_9600_8N1);
        byte[] sent = new byte[64];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) i;
        }

        a.write(sent);
        Await.until("48 characters dropped", () -> b.overruns() == 48);
        List<LineError> errors = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        b.setListener(new SerialListener() {
            @Override
            public void onData(byte[] data, int offset, int length) {
                kept.write(data, offset, length);
            }

            @Override
            public void onLineError(LineError error) {
                errors.add(error);
            }
        });

        assertArrayEquals(java.util.Arrays.copyOf(sent, 16), kept.toByteArray());
        assertEquals(LineErrorKind.OVERRUN, errors.getFirst().kind());
    }

    @Test
    @DisplayName("HAL-3: RS485 refuses speeds above 9600 baud")
    void rs485SpeedLimit() throws IOException {
        a.open(new LineSettings(19200, FrameFormat.F8N1));
        assertThrows(IllegalArgumentException.class, () -> a.setRs485Mode(Rs485Mode.TWO_WIRE));

        a.reconfigure(LineSettings.STANDARD_9600_8N1);
        a.setRs485Mode(Rs485Mode.FOUR_WIRE);

        assertThrows(IllegalArgumentException.class, () -> a.reconfigure(new LineSettings(19200, FrameFormat.F8N1)));
        assertEquals(Rs485Mode.FOUR_WIRE, a.rs485Mode());
    }

    @Test
    @DisplayName("HAL-3: two-wire RS485 raises driver enable for a write and drops it after the last character")
    void rs485DriverEnableAroundWrite() throws Exception {
        Context pi4j = MockPi4j.context();
        try {
            PiDigitalOutput de = PiDigitalOutput.create(pi4j, "RS485_DE", 18);
            List<DigitalState> transitions = new CopyOnWriteArrayList<>();
            pi4j.<com.pi4j.io.gpio.digital.DigitalOutput>io("metermodem-rs485-de")
                    .addListener(event -> transitions.add(event.state()));
            a.close();
            a = JSerialCommPort.builder(pty.a().toString()).role(PortRole.DCE).scheduler(scheduler)
                    .driverEnable(de).build();
            a.open(LineSettings.STANDARD_9600_8N1);
            b.open(LineSettings.STANDARD_9600_8N1);
            a.setRs485Mode(Rs485Mode.TWO_WIRE);

            a.write(new byte[] {'/', '?', '!'});

            assertEquals(List.of(DigitalState.HIGH, DigitalState.LOW), transitions);
            assertFalse(de.isOn());
            assertArrayEquals(new byte[] {'/', '?', '!'}, readExactly(b, 3));
        } finally {
            pi4j.shutdown();
        }
    }

    @Test
    @DisplayName("HAL-2: a DCE port drives DCD through its GPIO pin and refuses lines it has no pin for")
    void dceControlLinesThroughGpio() throws Exception {
        Context pi4j = MockPi4j.context();
        try {
            PiDigitalOutput dcd = PiDigitalOutput.create(pi4j, "DCD", 25);
            JSerialCommPort dce = JSerialCommPort.builder(pty.a().toString()).role(PortRole.DCE)
                    .scheduler(scheduler).controlLineOutput(ControlLine.DCD, dcd).build();

            dce.setControlLine(ControlLine.DCD, true);
            assertTrue(dcd.isOn());
            assertTrue(dce.controlLine(ControlLine.DCD));
            dce.setControlLine(ControlLine.DCD, false);
            assertFalse(dcd.isOn());

            IllegalStateException noPin = assertThrows(IllegalStateException.class,
                    () -> dce.setControlLine(ControlLine.DSR, true));
            assertTrue(noPin.getMessage().contains("DSR"), noPin.getMessage());
            assertThrows(IllegalArgumentException.class, () -> dce.setControlLine(ControlLine.DTR, true));
        } finally {
            pi4j.shutdown();
        }
    }

    @Test
    @DisplayName("HAL-2: a DTE port refuses to drive DCE lines")
    void dteRefusesDceLines() throws IOException {
        a.open(LineSettings.STANDARD_9600_8N1);

        assertThrows(IllegalArgumentException.class, () -> a.setControlLine(ControlLine.DCD, true));
    }

    @Test
    @DisplayName("HAL-2: RTS/CTS flow control can be switched on and off while open")
    void flowControlSwitch() throws IOException {
        a.open(LineSettings.STANDARD_9600_8N1);

        a.setFlowControl(FlowControl.RTS_CTS);
        assertEquals(FlowControl.RTS_CTS, a.flowControl());
        a.setFlowControl(FlowControl.NONE);

        assertEquals(FlowControl.NONE, a.flowControl());
    }

    @Test
    @DisplayName("HAL-1: a break is released by the scheduler and the line carries data afterwards")
    void breakReleasedByScheduler() throws Exception {
        a.open(LineSettings.STANDARD_9600_8N1);
        b.open(LineSettings.STANDARD_9600_8N1);

        a.sendBreak(Duration.ofMillis(20));
        // Due after the release task: the scheduler runs tasks in due order.
        CountDownLatch released = new CountDownLatch(1);
        scheduler.schedule(Duration.ofMillis(20), released::countDown);
        assertTrue(released.await(10, TimeUnit.SECONDS));
        a.write(new byte[] {7});

        byte[] got = readExactly(b, 1);
        assertEquals(7, got[got.length - 1]);
    }

    private static byte[] readExactly(JSerialCommPort port, int count) throws IOException {
        byte[] result = new byte[count];
        int have = 0;
        while (have < count) {
            int n = port.read(result, have, count - have, GENEROUS);
            if (n < 0) {
                throw new IOException("port closed after " + have + " characters");
            }
            have += n;
        }
        return result;
    }
}
