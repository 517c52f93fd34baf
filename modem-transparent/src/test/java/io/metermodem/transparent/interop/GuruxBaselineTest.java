package io.metermodem.transparent.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.mock.serial.SerialWire;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.transparent.interop.GuruxMeter.ModeEConfirm;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The interop baseline without the modem: the Gurux client on the modem end of the mock wire reads
 * the Gurux meter on the other end, in virtual time on one thread (the client's reads pump the
 * scheduler). What works here must work through the bridge; what fails here shows the bit-level
 * wire model at work.
 */
class GuruxBaselineTest {

    private static final Duration STEP = Duration.ofMillis(1);

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final SerialWire wire = new SerialWire(scheduler, "meter-line");
    private final MockSerialPort modemPort = wire.dce("modem");
    private final MockSerialPort meterPort = wire.dte("meter");
    private GuruxMeter meter;

    @AfterEach
    void tearDown() {
        if (meter != null) {
            meter.close();
        }
        modemPort.close();
    }

    private GuruxMeter meter(GuruxMeter.Options options) throws IOException {
        meter = new GuruxMeter(meterPort, scheduler, options).start();
        return meter;
    }

    private GuruxHes hes(LineSettings modemLine, GuruxHes.Options options) throws IOException {
        modemPort.open(modemLine);
        return new GuruxHes(new PumpedSerialChannel(modemPort, scheduler, STEP), options);
    }

    private void assertReadsEverything(GuruxMeter meter, MeterReading reading, Instant start) {
        assertEquals(meter.logicalDeviceName(), reading.logicalDeviceName(), "logical device name");
        assertEquals(meter.serialNumber(), reading.serialNumber(), "serial number");
        assertEquals(meter.energyRaw(), reading.energyRaw(), "energy raw value");
        assertEquals(meter.energyScaler(), reading.energyScaler(), "energy scaler");
        assertEquals("ACTIVE_ENERGY", reading.energyUnit(), "energy unit");
        assertEquals(new BigDecimal("123456.7"), reading.energy(), "scaled energy");
        // the meter's clock is the virtual clock, sent with whole seconds
        Instant clock = reading.clock();
        assertFalse(clock.isBefore(start.truncatedTo(ChronoUnit.SECONDS)), "clock " + clock + " before " + start);
        assertFalse(clock.isAfter(scheduler.instant()), "clock " + clock + " after " + scheduler.instant());
        assertTrue(meter.wasAssociated(), "the meter accepted the association");
    }

    @Test
    @DisplayName("TR-1: a Gurux HES reads a Gurux meter (HDLC, LN, public client) over the 9600 8N1 wire")
    void plainHdlcAt9600() throws IOException {
        GuruxMeter meter = meter(GuruxMeter.Options.hdlcDefaults());
        GuruxHes hes = hes(LineSettings.STANDARD_9600_8N1, GuruxHes.Options.hdlcDefaults());
        Instant start = scheduler.instant();

        MeterReading reading = hes.read();

        assertReadsEverything(meter, reading, start);
        assertEquals(Optional.empty(), reading.identification());
        // a whole session at 9600 baud takes well under two seconds of line time
        assertTrue(scheduler.elapsed().compareTo(Duration.ofSeconds(2)) < 0, "took " + scheduler.elapsed());
        assertEquals(0, modemPort.statistics().framingErrors() + modemPort.statistics().parityErrors());
    }

    @Test
    @DisplayName("TR-4: with the modem side at 9600 7E1 against an 8N1 meter the frames arrive garbled and the session times out at SNRM")
    void mismatchedFrameFormatFails() throws IOException {
        GuruxMeter meter = meter(GuruxMeter.Options.hdlcDefaults());
        GuruxHes hes = hes(new LineSettings(9600, FrameFormat.F7E1),
                GuruxHes.Options.hdlcDefaults().withReplyTimeout(Duration.ofSeconds(2)));

        HesReadException failure = assertThrows(HesReadException.class, hes::read);

        assertEquals(GuruxHes.SNRM, failure.step(), failure.getMessage());
        assertTrue(meterPort.statistics().bytesReceived() > 0, "the SNRM did reach the meter, garbled");
        assertFalse(meter.wasAssociated(), "no association over a garbled line");
        assertEquals(0, meter.replies(), "Gurux found no frame of its own in the garbled bytes: " + meter.log());
    }

    @ParameterizedTest(name = "confirmation {0}")
    @EnumSource(ModeEConfirm.class)
    @DisplayName("TR-11: mode E — sign-on at 300 7E1, ACK 2 5 2, the modem side follows to 9600 8N1, then HDLC reads everything")
    void modeE(ModeEConfirm confirm) throws IOException {
        GuruxMeter meter = meter(GuruxMeter.Options.modeEDefaults().withConfirm(confirm));
        GuruxHes hes = hes(LineSettings.IEC_SIGN_ON, GuruxHes.Options.modeEDefaults());
        Instant start = scheduler.instant();

        MeterReading reading = hes.read();

        assertEquals(Optional.of("/GRX5\\2GuruxMeter"), reading.identification());
        assertReadsEverything(meter, reading, start);
        assertEquals(LineSettings.STANDARD_9600_8N1, modemPort.settings(), "the modem side followed the option select");
        switch (confirm) {
            // Gurux's confirmation ACK 2 5 2 CR LF sent at 9600 7E1 and decoded at 8N1: parity lands in bit 7
            case AT_NEW_BAUD -> assertEquals("06b235b28d0a", reading.discardedAfterOptionSelect());
            // sent at 300 baud, it looks like a series of breaks to a 9600 baud receiver
            case AT_OLD_BAUD -> assertTrue(modemPort.statistics().breaks() > 0, modemPort.statistics().toString());
            case NONE -> assertEquals("", reading.discardedAfterOptionSelect());
        }
        // Gurux asks for the default rate after DISC: the meter is ready for the next sign-on
        assertEquals(LineSettings.IEC_SIGN_ON, meter.line(), meter.log().toString());
    }

    @Test
    @DisplayName("TR-11: mode E fails at SNRM when the modem side stays at 300 7E1 after ACK 2 5 2")
    void modeEWithoutFollowingFails() throws IOException {
        GuruxMeter meter = meter(GuruxMeter.Options.modeEDefaults());
        modemPort.open(LineSettings.IEC_SIGN_ON);
        PumpedSerialChannel serial = new PumpedSerialChannel(modemPort, scheduler, STEP);
        HesByteChannel stubborn = new HesByteChannel() {
            @Override
            public void write(byte[] data) throws IOException {
                serial.write(data);
            }

            @Override
            public byte[] read(Duration timeout) throws IOException {
                return serial.read(timeout);
            }

            @Override
            public long nanoTime() {
                return serial.nanoTime();
            }

            @Override
            public void close() {
                serial.close();
            }
            // followLineChange: the default does nothing, as a bridge that ignores IEC would
        };
        GuruxHes hes = new GuruxHes(stubborn, GuruxHes.Options.modeEDefaults().withReplyTimeout(Duration.ofSeconds(2)));

        HesReadException failure = assertThrows(HesReadException.class, hes::read);

        assertEquals(GuruxHes.SNRM, failure.step(), failure.getMessage());
        assertEquals(new LineSettings(9600, FrameFormat.F8N1), meter.line(), "the meter did switch");
        assertFalse(meter.wasAssociated());
    }
}
