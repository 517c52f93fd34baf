package io.metermodem.cellular.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
class RealSerialDeviceTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("HAL-7: the Quectel driver starts, registers and sends an SMS over jSerialComm on a socat pseudo-terminal pair")
    void quectelOverPty() throws Exception {
        boolean found = false;
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(p, "socat"));
        }
        if (!found) {
            fail("socat is required for this test: apt-get install -y socat");
        }
        Path a = dir.resolve("cpu");
        Path b = dir.resolve("module");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).start();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(socat.getInputStream(), StandardCharsets.UTF_8))) {
                while (r.readLine() != null) {
                    // drain
                }
            } catch (Exception ignored) {
                // socat ended
            }
        });
        try (SystemScheduler moduleClock = new SystemScheduler(); SystemScheduler cpuClock = new SystemScheduler()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(Files.exists(a) && Files.exists(b))) {
                if (System.nanoTime() > deadline) {
                    fail("socat did not create " + a + " and " + b + " within 10 s");
                }
                Thread.onSpinWait();
            }
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
                assertTrue(ref >= 0);
                assertEquals(List.of(new SubmittedSms("+36301234567", "over a real tty")), module.sentSms());
            } finally {
                cpuPort.close();
                modulePort.close();
            }
        } finally {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
