package io.metermodem.cellular.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.cellular.quectel.QuectelModule;
import io.metermodem.cellular.sms.Ts23040SmsPduCodec;
import io.metermodem.cellular.telit.TelitModule;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.CellularListener;
import io.metermodem.hal.cellular.IncomingSms;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.mock.serial.SerialWire;
import io.metermodem.sms.pdu.SmsPdu;
import io.metermodem.testkit.module.ModuleDialect;
import io.metermodem.testkit.module.SimulatedCellularModule;
import io.metermodem.testkit.module.SubmittedSms;
import io.metermodem.testkit.module.Ts23040ModuleSmsCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The drivers with the real TS 23.040 codec on both sides of the bit-level UART: what goes through
 * AT+CMGS and AT+CMGR are genuine PDUs, so lengths, prompts and reassembly meet real encodings.
 */
class Ts23040SmsThroughDriverTest {

    private static final String LONG_GSM = "cmd=?conn.apn_name\\r\\ncmd=?tm.baud\\r\\n".repeat(12) + " {[€]} end";
    private static final String LONG_UCS2 = "Árvíztűrő tükörfúrógép, ő és ű: ".repeat(5);

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<IncomingSms> received = new CopyOnWriteArrayList<>();
    private SimulatedCellularModule module;
    private AtCellularModule driver;

    private void start(ModuleDialect dialect) throws Exception {
        SerialWire wire = new SerialWire(scheduler, "module-uart");
        module = SimulatedCellularModule.builder(dialect).smsCodec(new Ts23040ModuleSmsCodec())
                .build(wire.dce("module"), scheduler);
        MockSerialPort cpu = wire.dte("cpu");
        cpu.open(SimulatedCellularModule.LINE);
        Ts23040SmsPduCodec codec = new Ts23040SmsPduCodec();
        driver = dialect == ModuleDialect.QUECTEL
                ? new QuectelModule(cpu, scheduler, codec, Duration.ofSeconds(8))
                : new TelitModule(cpu, scheduler, codec, Duration.ofSeconds(8));
        driver.addListener(new CellularListener() {
            @Override
            public void onSmsReceived(IncomingSms sms) {
                received.add(sms);
            }
        });
        await(driver.start().toCompletableFuture());
        module.register(RegistrationState.REGISTERED_HOME, AccessTechnology.LTE);
        scheduler.advance(Duration.ofSeconds(5));
    }

    private <T> T await(CompletableFuture<T> f) throws Exception {
        for (int i = 0; i < 60_000 && !f.isDone(); i++) {
            scheduler.advance(Duration.ofMillis(10));
        }
        assertTrue(f.isDone(), "not done within 10 minutes of virtual time");
        return f.get();
    }

    @ParameterizedTest
    @EnumSource(ModuleDialect.class)
    @DisplayName("SMS-13, HAL-7: a long GSM 7-bit text with extension characters goes out as real concatenated SMS-SUBMIT PDUs, one AT+CMGS per part")
    void sendsLongGsmText(ModuleDialect dialect) throws Exception {
        start(dialect);
        await(driver.sendSms(new OutgoingSms("+36301234567", LONG_GSM)).toCompletableFuture());
        assertEquals(List.of(new SubmittedSms("+36301234567", LONG_GSM)), module.sentSms());
        List<String> cmgs = module.commands().stream().filter(c -> c.startsWith("AT+CMGS=")).toList();
        List<String> expected = SmsPdu.encodeSubmit("+36301234567", LONG_GSM).stream()
                .map(p -> "AT+CMGS=" + p.tpduLength()).toList();
        assertEquals(expected, cmgs);
        assertEquals(4, cmgs.size(), "a 470-septet text needs four 153-septet parts");
    }

    @ParameterizedTest
    @EnumSource(ModuleDialect.class)
    @DisplayName("SMS-13, HAL-7: a UCS-2 text sent through the driver arrives unchanged")
    void sendsUcs2(ModuleDialect dialect) throws Exception {
        start(dialect);
        await(driver.sendSms(new OutgoingSms("+36301234567", LONG_UCS2)).toCompletableFuture());
        assertEquals(List.of(new SubmittedSms("+36301234567", LONG_UCS2)), module.sentSms());
    }

    @ParameterizedTest
    @EnumSource(ModuleDialect.class)
    @DisplayName("SMS-13, HAL-7: concatenated SMS-DELIVER parts read with AT+CMGR are reassembled, delivered once, and deleted")
    void receivesConcatenated(ModuleDialect dialect) throws Exception {
        start(dialect);
        module.deliverSms("+36209876543", LONG_GSM);
        module.deliverSms("36201112222", LONG_UCS2);
        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(2, received.size(), received.toString());
        assertEquals("+36209876543", received.get(0).originator());
        assertEquals(LONG_GSM, received.get(0).text());
        assertEquals("36201112222", received.get(1).originator());
        assertEquals(LONG_UCS2, received.get(1).text());
        assertTrue(module.storedIndexes().isEmpty(), "every part deleted: " + module.storedIndexes());
    }
}
