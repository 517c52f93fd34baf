package io.metermodem.cellular.driver;

import io.metermodem.hal.pi.testing.SocatPty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.CellularListener;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.pi.JSerialCommPort;
import io.metermodem.hal.pi.SystemScheduler;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.testkit.module.ModuleDialect;
import io.metermodem.testkit.module.SimulatedCellularModule;
import io.metermodem.testkit.module.SubmittedSms;
import io.metermodem.testsupport.Interop;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver on real serial devices and real time, as {@code ./modem run --module-port} uses it:
 * two pseudo-terminals joined by socat (required: the test fails without it), jSerialComm on both,
 * the simulated Quectel module on one end. Waits are generous upper bounds, never timing assertions.
 */
@Interop
class RealSerialDeviceTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("HAL-7: the Quectel driver starts, registers and sends an SMS over jSerialComm on a socat pseudo-terminal pair")
    void quectelOverPty() throws Exception {
        try (SocatPty pty = SocatPty.start(dir);
             SystemScheduler moduleClock = new SystemScheduler(); SystemScheduler cpuClock = new SystemScheduler()) {
            Path a = pty.a();
            Path b = pty.b();
            FakePduFormat codec = new FakePduFormat();
            JSerialCommPort modulePort = JSerialCommPort.builder(b.toString()).role(PortRole.DCE)
                    .scheduler(moduleClock).build();
            SimulatedCellularModule module = SimulatedCellularModule.builder(ModuleDialect.QUECTEL).smsCodec(codec)
                    .build(modulePort, moduleClock);
            JSerialCommPort cpuPort = JSerialCommPort.builder(a.toString()).role(PortRole.DTE).scheduler(cpuClock).build();
            try (AtCellularModule driver = CellularDrivers.start(ModuleType.QUECTEL, cpuPort, cpuClock, codec)) {
                driver.started().toCompletableFuture().get(20, TimeUnit.SECONDS);
                assertEquals("866123456789012", driver.identity().imei());
                CountDownLatch registered = new CountDownLatch(1);
                driver.addListener(new CellularListener() {
                    @Override
                    public void onStatusChanged(CellularStatus s) {
                        if (s.registration() == RegistrationState.REGISTERED_HOME) {
                            registered.countDown();
                        }
                    }
                });
                module.register(RegistrationState.REGISTERED_HOME, AccessTechnology.LTE);
                assertTrue(registered.await(20, TimeUnit.SECONDS), "registered within 20 s");
                CellularStatus status = driver.status();
                assertEquals(AccessTechnology.LTE, status.technology());
                int ref = driver.sendSms(new OutgoingSms("+36301234567", "over a real tty")).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                assertEquals(1, ref, "the module numbers its first message 1");
                assertEquals(List.of(new SubmittedSms("+36301234567", "over a real tty")), module.sentSms());
            } finally {
                cpuPort.close();
                modulePort.close();
            }
        }
    }
}
