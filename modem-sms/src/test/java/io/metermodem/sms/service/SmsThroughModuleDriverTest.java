package io.metermodem.sms.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.cellular.driver.AtCellularModule;
import io.metermodem.cellular.quectel.QuectelModule;
import io.metermodem.cellular.sms.Ts23040SmsPduCodec;
import io.metermodem.cellular.telit.TelitModule;
import io.metermodem.config.ConfigurationService;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.mock.serial.SerialWire;
import io.metermodem.sms.TestConfigs;
import io.metermodem.sms.command.PasswordThrottle;
import io.metermodem.sms.command.SmsCommandProcessor;
import io.metermodem.sms.mread.MeterRegisterReader;
import io.metermodem.testkit.module.ModuleDialect;
import io.metermodem.testkit.module.SimulatedCellularModule;
import io.metermodem.testkit.module.SubmittedSms;
import io.metermodem.testkit.module.Ts23040ModuleSmsCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole chain with nothing simulated above the UART: an SMS-DELIVER PDU arrives at the simulated
 * Quectel or Telit module, the module driver reads it with AT+CMGR and deletes it, the TS 23.040
 * codec decodes it, the SMS service runs the command against the CRC store on the mock flash, and
 * the reply leaves through AT+CMGS as SMS-SUBMIT PDUs that the simulated network decodes.
 */
class SmsThroughModuleDriverTest {

    private static final String OPERATOR = "+36301234567";

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final MockFlash flash = new MockFlash();
    private final ConfigurationService config = TestConfigs.open(flash);
    private final List<String> restarts = new ArrayList<>();
    private SimulatedCellularModule module;

    private void start(ModuleDialect dialect) throws Exception {
        SerialWire wire = new SerialWire(scheduler, "module-uart");
        module = SimulatedCellularModule.builder(dialect).smsCodec(new Ts23040ModuleSmsCodec())
                .build(wire.dce("module"), scheduler);
        MockSerialPort cpu = wire.dte("cpu");
        cpu.open(SimulatedCellularModule.LINE);
        Ts23040SmsPduCodec codec = new Ts23040SmsPduCodec();
        AtCellularModule driver = dialect == ModuleDialect.QUECTEL
                ? new QuectelModule(cpu, scheduler, codec, Duration.ofSeconds(8))
                : new TelitModule(cpu, scheduler, codec, Duration.ofSeconds(8));
        CompletableFuture<?> started = driver.start().toCompletableFuture();
        for (int i = 0; i < 6000 && !started.isDone(); i++) {
            scheduler.advance(Duration.ofMillis(10));
        }
        // done or not, never wait on it: a driver that did not start fails here instead of blocking
        assertTrue(started.isDone(), "the driver started within 60 s of virtual time");
        started.get();
        module.register(RegistrationState.REGISTERED_HOME, AccessTechnology.LTE);
        SmsCommandProcessor processor = new SmsCommandProcessor(config, scheduler,
                new PasswordThrottle(PasswordThrottle.Settings.DEFAULT), MeterRegisterReader.NONE);
        SmsService service = new SmsService(scheduler, driver, processor,
                new SmsSendQueue(scheduler, driver, SmsSendQueue.Settings.DEFAULT), restarts::add);
        service.start();
        scheduler.advance(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(ModuleDialect.class)
    @DisplayName("SMS-1, SMS-3, SMS-10, SMS-13: an SMS through the module driver and real PDUs changes the stored configuration and is answered")
    void configurationChangedBySms(ModuleDialect dialect) throws Exception {
        TestConfigs.withPassword(config, "s3cret");
        start(dialect);

        module.deliverSms(OPERATOR, "pw=s3cret.cmd=conn.apn_name = m2m.example\\r\\n?conn.apn_name");
        scheduler.advance(Duration.ofSeconds(30));

        assertEquals(List.of(new SubmittedSms(OPERATOR,
                "conn.apn_name = m2m.example\r\nConfiguration structure changed result: 0")), module.sentSms());
        assertTrue(module.storedIndexes().isEmpty(), "the SMS was deleted from the module's storage");
        ConfigurationService afterRestart = TestConfigs.open(flash);
        assertEquals("m2m.example", afterRestart.current().text("conn.apn_name"));
        assertTrue(afterRestart.loadWarnings().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(ModuleDialect.class)
    @DisplayName("SMS-1, SMS-13: a wrong password through the module driver: the SMS is deleted, nothing is sent, the flash is unchanged")
    void wrongPasswordThroughDriver(ModuleDialect dialect) throws Exception {
        TestConfigs.withPassword(config, "s3cret");
        start(dialect);
        byte[] before = flash.snapshot();

        module.deliverSms(OPERATOR, "pw=guess.cmd=conn.apn_name = m2m.example");
        scheduler.advance(Duration.ofSeconds(30));

        assertEquals(List.of(), module.sentSms());
        assertTrue(module.storedIndexes().isEmpty());
        assertArrayEquals(before, flash.snapshot());
    }

    @ParameterizedTest
    @EnumSource(ModuleDialect.class)
    @DisplayName("SMS-5, SMS-13: a reply longer than one SMS leaves through AT+CMGS as concatenated SMS-SUBMIT parts and arrives whole")
    void longReplyConcatenated(ModuleDialect dialect) throws Exception {
        start(dialect);
        String queries = "cmd=?m2m.transparent_port\\r\\n?m2m.customer_port\\r\\n?m2m.config_port"
                + "\\r\\n?wd.ping_retries\\r\\n?wd.ping_wait\\r\\n?wd.ping_next\\r\\n?wd.reconnect_seconds";

        module.deliverSms(OPERATOR, queries);
        scheduler.advance(Duration.ofSeconds(60));

        assertEquals(1, module.sentSms().size());
        String reply = module.sentSms().getFirst().text();
        assertTrue(reply.length() > 160, reply);
        assertTrue(reply.startsWith("m2m.transparent_port = 9000\r\nm2m.customer_port = 0\r\n"), reply);
        assertEquals(2, module.commands().stream().filter(c -> c.startsWith("AT+CMGS=")).count());
    }
}
