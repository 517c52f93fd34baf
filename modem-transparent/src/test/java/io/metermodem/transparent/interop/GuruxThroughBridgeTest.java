package io.metermodem.transparent.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.mock.serial.SerialWire;
import io.metermodem.transparent.bridge.BridgeListener;
import io.metermodem.transparent.bridge.MeterDataFormat;
import io.metermodem.transparent.bridge.TransparentBridge;
import io.metermodem.transparent.bridge.TransparentSettings;
import io.metermodem.transparent.bridge.tcp.RealTimePacer;
import io.metermodem.transparent.bridge.tcp.TcpTransparentServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Interop with an independent peer: a Gurux DLMS client (the HES) reads a Gurux DLMS meter through
 * our transparent bridge over real loopback TCP; the meter sits on the bit-level mock wire, so the
 * bridge has to put the meter line into the right format and speed for any byte to get through.
 * Virtual time is driven in real time by a pacer, because the Gurux client runs on the wall clock.
 *
 * <p>The class {@link Timeout} is a safety net against a hang on real sockets or the wall clock,
 * not a speed assertion.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GuruxThroughBridgeTest {

    @Test
    @DisplayName("TR-1, TR-4: a Gurux HES reads a Gurux DLMS meter (plain HDLC) through the bridge over TCP; Auto selects 8N1")
    void plainHdlcThroughTheBridge() throws Exception {
        readThroughBridge(GuruxMeter.Options.hdlcDefaults(), GuruxHes.Options.hdlcDefaults(), 9600);
    }

    @Test
    @DisplayName("TR-4, TR-11: a Gurux HES reads a mode E meter through the bridge: IEC sign-on at 300 7E1, then HDLC at 9600 8N1 after ACK 2 5 2")
    void modeEThroughTheBridge() throws Exception {
        readThroughBridge(GuruxMeter.Options.modeEDefaults(), GuruxHes.Options.modeEDefaults(), 300);
    }

    private static void readThroughBridge(GuruxMeter.Options meterOptions, GuruxHes.Options hesOptions, int meterBaud)
            throws Exception {
        VirtualScheduler scheduler = new VirtualScheduler();
        SerialWire wire = new SerialWire(scheduler, "meter-line");
        MockSerialPort modemEnd = wire.dce("modem");
        GuruxMeter meter = GuruxThroughBridgeScenario.startMeter(wire.dte("meter"), scheduler, meterOptions);
        TransparentSettings settings = TransparentSettings.builder()
                .bindAddress("127.0.0.1").primaryPort(0).noSecondaryPort()
                .dataFormat(MeterDataFormat.AUTO).meterBaud(meterBaud).build();
        TransparentBridge bridge = new TransparentBridge(scheduler, modemEnd, settings, new BridgeListener() { });
        bridge.start();
        TcpTransparentServer server = new TcpTransparentServer(scheduler, bridge);
        server.start();
        try (RealTimePacer pacer = new RealTimePacer(scheduler::nanoTime, scheduler::advanceTo, Duration.ofMillis(1))) {
            pacer.start();
            Instant before = scheduler.instant();

            MeterReading reading = GuruxThroughBridgeScenario.run("127.0.0.1", server.primaryPort(), hesOptions);

            assertEquals(List.of(), GuruxThroughBridgeScenario.mismatches(meter, reading, before, scheduler.instant()));
            assertEquals(List.of(), pacer.failures());
            server.close();
        } finally {
            server.close();
            meter.close();
        }
    }
}
