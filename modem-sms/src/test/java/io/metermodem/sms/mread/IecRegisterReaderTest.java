package io.metermodem.sms.mread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.testkit.meter.SimulatedIecMeter;
import io.metermodem.transparent.bridge.BridgeListener;
import io.metermodem.transparent.bridge.Channel;
import io.metermodem.transparent.bridge.HesLink;
import io.metermodem.transparent.bridge.HesLinkListener;
import io.metermodem.transparent.bridge.TransparentBridge;
import io.metermodem.transparent.bridge.TransparentSettings;
import io.metermodem.transparent.iec.IecBaudRate;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IecRegisterReaderTest {

    private final MockBoard board = MockBoard.builder().build();

    @AfterEach
    void close() {
        board.close();
    }

    private SimulatedIecMeter meter() throws Exception {
        return SimulatedIecMeter.builder().serialNumber("87654321").zone(ZoneOffset.UTC).build(board);
    }

    private static MeterReadException failure(CompletableFuture<MeterRegisters> f) {
        assertTrue(f.isCompletedExceptionally(), "failed");
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get);
        return assertInstanceOf(MeterReadException.class, e.getCause());
    }

    /** A head-end link that records what the bridge sends it. */
    private static final class RecordingLink implements HesLink {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        String closed;

        @Override
        public String describe() {
            return "test head-end";
        }

        @Override
        public boolean send(byte[] data, int offset, int length) {
            received.write(data, offset, length);
            return true;
        }

        @Override
        public void close(String reason) {
            closed = reason;
        }
    }

    private TransparentBridge startedBridge() throws Exception {
        TransparentBridge bridge = new TransparentBridge(board.scheduler(), board.meterPort(),
                TransparentSettings.builder().meterBaud(300).build(),
                new BridgeListener() {
                });
        bridge.start();
        return bridge;
    }

    @Test
    @DisplayName("SMS-8, TR-9: mread on its own meter port reads C.1.0, 0.9.2, 0.9.1 from a simulated IEC meter")
    void readsOnPort() throws Exception {
        SimulatedIecMeter meter = meter();
        IecRegisterReader reader = IecRegisterReader.onPort(board.scheduler(), board.meterPort(), IecBaudRate.B9600,
                IecRegisterReader.DEFAULT_DEADLINE);

        CompletableFuture<MeterRegisters> f = reader.read().toCompletableFuture();
        board.advance(Duration.ofSeconds(10));

        MeterRegisters r = f.getNow(null);
        assertEquals("87654321", r.meterAddress());
        assertEquals("26-01-01", r.meterDate());
        assertTrue(r.meterTime().matches("00:00:0\\d"), r.meterTime());
        assertEquals(1, meter.readoutsServed());
        assertEquals("(87654321)\r\n26-01-01\r\n" + r.meterTime() + "\r\n", r.toReply());
    }

    @Test
    @DisplayName("SMS-8, TR-9: a silent meter gives NO_ANSWER after the IEC reaction time-out, in virtual time")
    void silentMeter() throws Exception {
        meter().silent(true);
        IecRegisterReader reader = IecRegisterReader.onPort(board.scheduler(), board.meterPort(), IecBaudRate.B9600,
                IecRegisterReader.DEFAULT_DEADLINE);
        CompletableFuture<MeterRegisters> f = reader.read().toCompletableFuture();
        board.advance(Duration.ofSeconds(1));
        assertTrue(!f.isDone(), "still waiting for the identification");
        board.advance(Duration.ofSeconds(10));
        assertEquals(MeterReadException.Kind.NO_ANSWER, failure(f).kind());
    }

    @Test
    @DisplayName("SMS-8: a second mread while one runs is refused as BUSY")
    void oneAtATime() throws Exception {
        meter();
        IecRegisterReader reader = IecRegisterReader.onPort(board.scheduler(), board.meterPort(), IecBaudRate.B9600,
                IecRegisterReader.DEFAULT_DEADLINE);
        CompletableFuture<MeterRegisters> first = reader.read().toCompletableFuture();
        assertEquals(MeterReadException.Kind.BUSY, failure(reader.read().toCompletableFuture()).kind());
        board.advance(Duration.ofSeconds(10));
        assertEquals("87654321", first.getNow(null).meterAddress());
    }

    @Test
    @DisplayName("SMS-8, TR-3: with the bridge idle, mread borrows the meter line; afterwards a head-end reads normally")
    void borrowsIdleBridge() throws Exception {
        SimulatedIecMeter meter = meter();
        TransparentBridge bridge = startedBridge();
        IecRegisterReader reader = IecRegisterReader.onBridge(board.scheduler(), bridge, IecBaudRate.B9600,
                IecRegisterReader.DEFAULT_DEADLINE);

        CompletableFuture<MeterRegisters> f = reader.read().toCompletableFuture();
        board.advance(Duration.ofSeconds(10));
        assertEquals("87654321", f.getNow(null).meterAddress());

        RecordingLink link = new RecordingLink();
        HesLinkListener in = bridge.attach(link, Channel.SECONDARY);
        in.onData("/?!\r\n".getBytes(StandardCharsets.US_ASCII), 0, 5);
        board.advance(Duration.ofSeconds(2));
        assertEquals(Channel.SECONDARY, bridge.lineOwner().orElseThrow());
        assertTrue(link.received.toString(StandardCharsets.US_ASCII).startsWith("/"), "identification reached the head-end");
        assertEquals(1, meter.readoutsServed());
    }

    @Test
    @DisplayName("SMS-8, TR-3: while a head-end session owns the meter line, mread is refused as BUSY and sends nothing")
    void refusedWhileSessionRuns() throws Exception {
        SimulatedIecMeter meter = meter();
        TransparentBridge bridge = startedBridge();
        RecordingLink link = new RecordingLink();
        HesLinkListener in = bridge.attach(link, Channel.SECONDARY);
        in.onData("/?!\r\n".getBytes(StandardCharsets.US_ASCII), 0, 5);
        board.advance(Duration.ofMillis(300));
        long received = meter.receivedMessages().size();

        IecRegisterReader reader = IecRegisterReader.onBridge(board.scheduler(), bridge, IecBaudRate.B9600,
                IecRegisterReader.DEFAULT_DEADLINE);
        assertEquals(MeterReadException.Kind.BUSY, failure(reader.read().toCompletableFuture()).kind());
        board.advance(Duration.ofSeconds(1));
        assertEquals(received, meter.receivedMessages().size(), "mread wrote nothing to the meter");
        assertEquals(Channel.SECONDARY, bridge.lineOwner().orElseThrow());
        assertTrue(link.closed == null, "the running session was not disturbed");
    }

    @Test
    @DisplayName("SMS-8, TR-3: a head-end's first byte during mread takes the line back; mread ends BUSY")
    void revokedByHeadEnd() throws Exception {
        meter();
        TransparentBridge bridge = startedBridge();
        IecRegisterReader reader = IecRegisterReader.onBridge(board.scheduler(), bridge, IecBaudRate.B9600,
                IecRegisterReader.DEFAULT_DEADLINE);
        CompletableFuture<MeterRegisters> f = reader.read().toCompletableFuture();
        board.advance(Duration.ofMillis(100));

        RecordingLink link = new RecordingLink();
        HesLinkListener in = bridge.attach(link, Channel.PRIMARY);
        long before = bridge.statistics().bytesToMeter();
        in.onData("/?!\r\n".getBytes(StandardCharsets.US_ASCII), 0, 5);

        assertEquals(MeterReadException.Kind.BUSY, failure(f).kind());
        assertEquals(Channel.PRIMARY, bridge.lineOwner().orElseThrow());
        board.advance(Duration.ofSeconds(5));
        assertEquals(before + 5, bridge.statistics().bytesToMeter(), "the head-end's bytes went to the meter");
    }
}
