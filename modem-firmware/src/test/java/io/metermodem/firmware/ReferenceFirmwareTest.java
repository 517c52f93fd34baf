package io.metermodem.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.firmware.hes.IecReadException;
import io.metermodem.firmware.hes.IecTcpReader;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.testkit.meter.SimulatedIecMeter;
import io.metermodem.transparent.bridge.BridgeListener;
import io.metermodem.transparent.bridge.MeterDataFormat;
import io.metermodem.transparent.bridge.TransparentSettings;
import io.metermodem.transparent.bridge.tcp.RealTimePacer;
import io.metermodem.transparent.iec.IecBaudRate;
import io.metermodem.transparent.iec.IecReadFailureKind;
import io.metermodem.transparent.iec.IecReadout;
import io.metermodem.transparent.iec.SignOn;
import io.metermodem.hal.serial.FrameFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The main job end to end, as {@code ./modem run} and {@code ./modem read} do it: a head-end over
 * real loopback TCP, the bridge, the bit-level mock wire and a simulated IEC 62056-21 meter, with
 * virtual time paced in real time. Waits are the reader's socket timeouts, never sleeps.
 */
// A safety net against a hang in real sockets, real time (paced); not a speed assertion.
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReferenceFirmwareTest {

    private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-03-01T10:15:30Z"));
    private final MockBoard board = MockBoard.builder().scheduler(scheduler).build();
    private RealTimePacer pacer;
    private ReferenceFirmware firmware;

    private ReferenceFirmware start(MeterDataFormat format) throws Exception {
        SimulatedIecMeter.builder().serialNumber("87654321").build(board);
        pacer = new RealTimePacer(scheduler::nanoTime, scheduler::advanceTo, Duration.ofMillis(1));
        pacer.start();
        TransparentSettings settings = TransparentSettings.builder().bindAddress("127.0.0.1")
                .primaryPort(0).secondaryPort(0).dataFormat(format).meterBaud(300).build();
        firmware = ReferenceFirmware.start(scheduler, board.meterPort(), settings, new BridgeListener() { });
        return firmware;
    }

    private IecTcpReader reader() {
        return new IecTcpReader(scheduler, Duration.ofSeconds(5), Duration.ofSeconds(2), SignOn.ANY, IecBaudRate.B19200);
    }

    @AfterEach
    void stop() {
        if (firmware != null) {
            firmware.close();
        }
        if (pacer != null) {
            pacer.close();
        }
        board.close();
    }

    @Test
    @DisplayName("TR-1, TR-9, TR-11: a head-end reads C.1.0, 0.9.1 and 0.9.2 through the transparent port after the mode C baud change")
    void headEndReadsTheMeter() throws Exception {
        start(MeterDataFormat.AUTO);

        IecReadout readout = reader().read("127.0.0.1", firmware.primaryPort());

        assertEquals("87654321", readout.meterSerial().orElseThrow());
        assertTrue(readout.meterTime().isPresent() && readout.meterDate().isPresent(), readout.toString());
        assertEquals("001234.5", readout.value("1.8.0").orElseThrow());
    }

    @Test
    @DisplayName("TR-2, TR-3: the customer port reads the meter too, on its own port number")
    void customerPortReadsTheMeter() throws Exception {
        start(MeterDataFormat.AUTO);
        int customer = firmware.secondaryPort().orElseThrow();
        assertTrue(customer != firmware.primaryPort());

        IecReadout readout = reader().read("127.0.0.1", customer);

        assertEquals("87654321", readout.meterSerial().orElseThrow());
    }

    @Test
    @DisplayName("TR-5: with the data format fixed at 8N1 the IEC meter cannot understand the head-end and stays silent")
    void fixedWrongFormatMeansNoAnswer() throws Exception {
        start(MeterDataFormat.fixed(FrameFormat.F8N1));

        IecReadException e = assertThrows(IecReadException.class, () -> reader().read("127.0.0.1", firmware.primaryPort()));

        assertEquals(IecReadFailureKind.NO_IDENTIFICATION, e.failure().kind());
    }
}
