package io.metermodem.hal.mock.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.DcdMode;
import io.metermodem.hal.serial.FlowControl;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialTimeoutException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HAL-1 and HAL-2 on a point-to-point serial wire: framing and speed mismatches give the exact
 * bytes and errors of the bit timing, characters arrive when their frame ends, reconfiguration,
 * DCD modes and control lines per role, RTS/CTS flow control, breaks, overrun, blocking reads in
 * virtual time, closed ports, the bounded transmit queue and injected faults.
 */
class SerialWireTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final SerialWire wire = new SerialWire(scheduler, "meter-line");
    private final MockSerialPort modem = wire.dce("modem");
    private final MockSerialPort meter = wire.dte("meter");
    private final Recorder atMeter = new Recorder(scheduler);

    private static final LineSettings B9600_8N1 = LineSettings.STANDARD_9600_8N1;
    private static final LineSettings B9600_7E1 = new LineSettings(9600, FrameFormat.F7E1);

    @Test
    @DisplayName("HAL-1: 7E1 sign-on read at 8N1 arrives as AF 3F 21 8D 0A without errors")
    void sevenE1ReadAsEightN1() throws IOException {
        modem.open(B9600_7E1);
        meter.open(B9600_8N1);
        meter.setListener(atMeter);
        modem.write("/?!\r\n".getBytes(StandardCharsets.US_ASCII));
        scheduler.advance(Duration.ofMillis(10));
        // '/' 0x2F has five ones: even parity bit 1 becomes bit 7 -> AF; '\r' 0x0D three ones -> 8D
        assertArrayEquals(new byte[] {(byte) 0xAF, 0x3F, 0x21, (byte) 0x8D, 0x0A}, atMeter.data());
        assertEquals(0, atMeter.errors.size());
    }

    @Test
    @DisplayName("HAL-1: 8N1 read at 7E1 reports parity errors where bit 7 breaks even parity")
    void eightN1ReadAsSevenE1() throws IOException {
        modem.open(B9600_8N1);
        meter.open(B9600_7E1);
        meter.setListener(atMeter);
        modem.write(new byte[] {0x2F, (byte) 0xAF});
        scheduler.advance(Duration.ofMillis(10));
        assertArrayEquals(new byte[] {0x2F, 0x2F}, atMeter.data());
        assertEquals(1, atMeter.count(LineErrorKind.PARITY), atMeter.events.toString());
        assertEquals("[data 2F, error PARITY, data 2F]", atMeter.events.toString());
    }

    @Test
    @DisplayName("HAL-1: 9600 baud read at 4800 garbles the data and yields framing errors, exactly as the bit timing says")
    void baudMismatchGarbles() throws IOException {
        LineSettings slow = B9600_8N1.withBaud(4800);
        modem.open(B9600_8N1);
        meter.open(slow);
        meter.setListener(atMeter);
        byte[] sent = "HELLO METER 0123456789".getBytes(StandardCharsets.US_ASCII);
        modem.write(sent);
        scheduler.advance(Duration.ofMillis(100));
        List<String> expected = ReferenceUart.receive(sent, B9600_8N1, slow);
        assertEquals(expected, atMeter.log);
        // By hand: a 4800 baud bit spans two 9600 baud bits, so the receiver samples every other
        // line bit from the middle of 'H' (0x48) into 'E' (0x45): 0 0 1 1 1 1 0 1, LSB first, is
        // 0xBC, and its stop bit sample is the stop bit of 'E'. It ends after 20 line bits.
        assertEquals(ReferenceUart.data(Math.round(20 * 1e9 / 9600), 0xBC), expected.get(0));
        long framing = expected.stream().filter(line -> line.contains(" FRAMING ")).count();
        assertTrue(framing > 0, "the garbled stream has framing errors: " + expected);
        assertEquals(framing, atMeter.count(LineErrorKind.FRAMING));
        assertEquals(framing, meter.statistics().framingErrors());
    }

    @Test
    @DisplayName("HAL-1: the listener sees characters one at a time when time moves in character steps")
    void perCharacterArrival() throws IOException {
        modem.open(B9600_8N1);
        meter.open(B9600_8N1);
        meter.setListener(atMeter);
        modem.write(new byte[] {1, 2, 3});
        long frame = B9600_8N1.frameNanos();
        scheduler.advance(Duration.ofNanos(frame - 1));
        assertEquals(0, atMeter.data().length);
        scheduler.advance(Duration.ofNanos(1));
        assertArrayEquals(new byte[] {1}, atMeter.data());
        scheduler.advance(Duration.ofNanos(frame));
        assertArrayEquals(new byte[] {1, 2}, atMeter.data());
        assertEquals(2, atMeter.calls);
    }

    @Test
    @DisplayName("HAL-1: without a listener, read sees exactly the characters whose frame has ended")
    void lazyBufferFollowsTime() throws IOException {
        modem.open(B9600_8N1);
        meter.open(B9600_8N1);
        modem.write(new byte[1000]);
        scheduler.advance(Duration.ofNanos(B9600_8N1.frameNanos() * 10 + 1));
        assertEquals(10, meter.available());
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals(1000, meter.available());
        assertEquals(1000, modem.statistics().bytesTransmitted());
        assertEquals(1000, meter.statistics().bytesReceived());
    }

    @Test
    @DisplayName("HAL-1: reconfigure while open: characters on the wire finish at the old settings")
    void reconfigureWhileOpen() throws IOException {
        modem.open(B9600_8N1);
        meter.open(B9600_8N1);
        meter.setListener(atMeter);
        modem.write(new byte[] {'A', 'B'});
        scheduler.advance(Duration.ofNanos(B9600_8N1.frameNanos() / 2)); // 'A' is on the wire
        modem.reconfigure(B9600_7E1);
        scheduler.advance(Duration.ofMillis(5));
        // 'A' arrives intact; 'B' went out at 7E1: 0x42 has two ones, parity 0, read at 8N1 as 0x42
        assertArrayEquals(new byte[] {'A', 'B'}, atMeter.data());
        meter.reconfigure(B9600_7E1);
        modem.write(new byte[] {'/'});
        scheduler.advance(Duration.ofMillis(5));
        assertEquals('/', atMeter.data()[2]);
        assertEquals(0, atMeter.errors.size());
        assertThrows(IllegalStateException.class, () -> {
            modem.close();
            modem.reconfigure(B9600_8N1);
        });
    }

    @Test
    @DisplayName("HAL-1: after reconfiguring to 19200 characters arrive at the new speed")
    void reconfigureTiming() throws IOException {
        LineSettings fast = new LineSettings(19200, FrameFormat.F8N1);
        modem.open(B9600_8N1);
        meter.open(fast);
        meter.setListener(atMeter);
        modem.reconfigure(fast);
        modem.write(new byte[] {(byte) 0x81, 0x02});
        scheduler.advance(Duration.ofNanos(exact(2, fast)));
        assertArrayEquals(new byte[] {(byte) 0x81, 0x02}, atMeter.data());
        assertEquals(exact(2, fast), atMeter.times.get(1));
    }

    @Test
    @DisplayName("HAL-2: DCD follows DcdMode (FIX_0, FIX_1, STANDARD, INVERTED) and the meter is told")
    void dcdModes() throws IOException {
        modem.open(B9600_8N1);
        meter.open(B9600_8N1);
        meter.setListener(atMeter);
        for (DcdMode mode : DcdMode.values()) {
            for (boolean connected : new boolean[] {false, true}) {
                modem.setControlLine(ControlLine.DCD, mode.level(connected));
                scheduler.runDueTasks();
                assertEquals(mode.level(connected), meter.controlLine(ControlLine.DCD), mode + " connected=" + connected);
            }
        }
        assertEquals(false, DcdMode.FIX_0.level(true));
        assertEquals(true, DcdMode.INVERTED.level(false));
        // DCD starts off. FIX_0 keeps it off; FIX_1 raises it; STANDARD drops it (not connected) and
        // raises it (connected); INVERTED leaves it up (not connected) and drops it (connected). The
        // meter hears each change once and nothing when the level stays.
        assertEquals(List.of("DCD=true", "DCD=false", "DCD=true", "DCD=false"), atMeter.controlChanges);
    }

    @Test
    @DisplayName("HAL-2: each end drives only its own control lines")
    void controlLinesPerRole() throws IOException {
        modem.open(B9600_8N1);
        meter.open(B9600_8N1);
        assertThrows(IllegalArgumentException.class, () -> modem.setControlLine(ControlLine.DTR, true));
        assertThrows(IllegalArgumentException.class, () -> meter.setControlLine(ControlLine.CTS, true));
        meter.setControlLine(ControlLine.DTR, true);
        assertTrue(modem.controlLine(ControlLine.DTR));
        meter.close();
        assertFalse(modem.controlLine(ControlLine.DTR), "closing a port drops the lines it drives");
    }

    @Test
    @DisplayName("HAL-2: RTS/CTS flow control holds characters while CTS is off and resumes when it is on")
    void rtsCtsFlowControl() throws IOException {
        modem.open(B9600_8N1);
        meter.open(B9600_8N1);
        modem.setListener(new Recorder(scheduler));
        Recorder atModem = new Recorder(scheduler);
        modem.setListener(atModem);
        meter.setFlowControl(FlowControl.RTS_CTS);
        meter.write(new byte[] {1, 2, 3});
        scheduler.advance(Duration.ofMillis(50));
        assertEquals(0, atModem.data().length, "CTS is off: the meter holds its characters");
        modem.setControlLine(ControlLine.CTS, true);
        scheduler.advance(Duration.ofNanos(B9600_8N1.frameNanos() + 100));
        assertArrayEquals(new byte[] {1}, atModem.data());
        modem.setControlLine(ControlLine.CTS, false); // '2' has started: it finishes, '3' is held
        scheduler.advance(Duration.ofMillis(50));
        assertArrayEquals(new byte[] {1, 2}, atModem.data());
        modem.setControlLine(ControlLine.CTS, true);
        scheduler.advance(Duration.ofMillis(50));
        assertArrayEquals(new byte[] {1, 2, 3}, atModem.data());
    }

    @Test
    @DisplayName("HAL-1: a break longer than a frame is reported as BREAK without a character")
    void breakDetection() throws IOException {
        modem.open(B9600_8N1);
        meter.open(B9600_8N1);
        meter.setListener(atMeter);
        modem.sendBreak(Duration.ofMillis(5));
        modem.write(new byte[] {'X'});
        scheduler.advance(Duration.ofMillis(20));
        assertEquals("[error BREAK, data 58]", atMeter.events.toString());
        assertEquals(-1, atMeter.errors.get(0).character());
        assertEquals(1, meter.statistics().breaks());
    }

    @Test
    @DisplayName("HAL-1: characters arriving with the receive buffer full are lost as OVERRUN")
    void overrun() throws IOException {
        modem.open(B9600_8N1);
        meter.open(B9600_8N1);
        meter.setReceiveBufferCapacity(16);
        modem.write(new byte[20]);
        scheduler.advance(Duration.ofMillis(50));
        assertEquals(16, meter.available());
        PortStatistics stats = meter.statistics();
        assertEquals(4, stats.overrunErrors());
        assertEquals(LineErrorKind.OVERRUN, meter.lineErrors().get(0).kind());
        // the 17th character is the first lost, when its frame ends
        assertEquals(exact(17, B9600_8N1), meter.lineErrors().get(0).nanoTime());
    }

    @Test
    @Timeout(30) // a reader thread and a real-time bound on the wait for it: a safety net, not a speed test
    @DisplayName("HAL-1: a blocked read times out only after the timeout has passed in virtual time")
    void blockingReadTimesOut() throws Exception {
        modem.open(B9600_8N1);
        meter.open(B9600_8N1);
        AtomicReference<Thread> reader = new AtomicReference<>();
        CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> {
            reader.set(Thread.currentThread());
            try {
                return meter.read(new byte[8], 0, 8, Duration.ofMillis(100));
            } catch (IOException e) {
                return e;
            }
        });
        awaitWaiting(reader);
        scheduler.advance(Duration.ofMillis(99));
        awaitWaiting(reader);
        assertFalse(result.isDone(), "99 ms of virtual time is not 100 ms");
        scheduler.advance(Duration.ofMillis(1));
        Object outcome = result.get(10, TimeUnit.SECONDS);
        assertTrue(outcome instanceof SerialTimeoutException, String.valueOf(outcome));
    }

    @Test
    @Timeout(30) // a reader thread and a real-time bound on the wait for it: a safety net, not a speed test
    @DisplayName("HAL-1: a blocked read returns the data that arrives before its deadline")
    void blockingReadGetsData() throws Exception {
        modem.open(B9600_8N1);
        meter.open(B9600_8N1);
        AtomicReference<Thread> reader = new AtomicReference<>();
        byte[] buffer = new byte[8];
        CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> {
            reader.set(Thread.currentThread());
            try {
                return meter.read(buffer, 0, 8, Duration.ofMillis(100));
            } catch (IOException e) {
                return e;
            }
        });
        awaitWaiting(reader);
        modem.write(new byte[] {42});
        scheduler.advance(Duration.ofMillis(2));
        assertEquals(1, result.get(10, TimeUnit.SECONDS));
        assertEquals(42, buffer[0]);
    }

    /** Arrival of the n-th back-to-back character sent at time zero, rounded once. */
    private static long exact(int n, LineSettings settings) {
        return Math.round(n * settings.frameBits() * 1e9 / settings.baud());
    }

    /** How long a reader thread may take to park in read() before the test gives up on it. */
    private static final Duration PARK_BOUND = Duration.ofSeconds(10);

    private static void awaitWaiting(AtomicReference<Thread> reader) throws InterruptedException {
        // poll the thread state, never sleep on a clock: the reader must be parked inside read(); the
        // loop is bounded so that a reader that never parks fails the test instead of hanging it
        long deadline = System.nanoTime() + PARK_BOUND.toNanos();
        while (reader.get() == null || reader.get().getState() != Thread.State.WAITING) {
            if (System.nanoTime() - deadline > 0) {
                fail("the reader thread did not park in read() within " + PARK_BOUND + ": "
                        + (reader.get() == null ? "not started" : reader.get().getState()));
            }
            Thread.onSpinWait();
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    @Test
    @DisplayName("HAL-1: reading a closed port returns -1 and writing to it names the port")
    void closedPort() throws IOException {
        modem.open(B9600_8N1);
        modem.close();
        assertEquals(-1, modem.read(new byte[1], 0, 1, Duration.ZERO));
        IOException e = assertThrows(IOException.class, () -> modem.write(new byte[] {1}));
        assertTrue(e.getMessage().contains("modem"));
    }

    @Test
    @DisplayName("HAL-1: bytes sent to a closed peer are lost on the wire")
    void peerClosed() throws IOException {
        modem.open(B9600_8N1);
        modem.write(new byte[] {1, 2, 3});
        scheduler.advance(Duration.ofMillis(10));
        meter.open(B9600_8N1);
        scheduler.advance(Duration.ofMillis(10));
        assertEquals(0, meter.available());
        assertEquals(3, modem.statistics().bytesTransmitted());
    }

    @Test
    @DisplayName("HAL-1: the transmit queue is bounded and says so")
    void transmitQueueBound() throws IOException {
        modem.open(new LineSettings(300, FrameFormat.F8N1));
        modem.write(new byte[Transmitter.MAX_QUEUE]);
        IOException e = assertThrows(IOException.class, () -> modem.write(new byte[1]));
        assertTrue(e.getMessage().contains("full"), e.getMessage());
    }

    @Test
    @DisplayName("HAL-1: a flipped data bit corrupts exactly the next character; a cut wire passes nothing")
    void faults() throws IOException {
        modem.open(B9600_8N1);
        meter.open(B9600_8N1);
        meter.setListener(atMeter);
        wire.flipBit(modem, 1); // data bit 0
        modem.write(new byte[] {0x40, 0x40});
        scheduler.advance(Duration.ofMillis(5));
        assertArrayEquals(new byte[] {0x41, 0x40}, atMeter.data());
        wire.cut();
        modem.write(new byte[] {1, 2, 3});
        scheduler.advance(Duration.ofMillis(10));
        assertEquals(2, atMeter.data().length);
        wire.reconnect();
        modem.write(new byte[] {7});
        scheduler.advance(Duration.ofMillis(10));
        assertArrayEquals(new byte[] {0x41, 0x40, 7}, atMeter.data());
        // the three characters sent into the cut wire left the modem all the same
        assertEquals(6, modem.statistics().bytesTransmitted());
    }
}
