package io.metermodem.testkit.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.mock.serial.SerialWire;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

@DisplayName("HAL-7: the simulated cellular module, driven by hand over the mock UART")
class SimulatedCellularModuleTest {

    /** TEST DOUBLE, not TS 23.040: a SUBMIT TPDU is the hex of "destination|text". */
    private static final ModuleSmsCodec TEXT_AS_HEX = new ModuleSmsCodec() {
        @Override
        public List<String> encodeDeliver(String originator, String text, Instant serviceCentreTime) {
            return List.of("00" + HexFormat.of().formatHex((originator + "|" + text).getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public Optional<SubmittedSms> decodeSubmit(String tpduHex) {
            String[] f = new String(HexFormat.of().parseHex(tpduHex), StandardCharsets.UTF_8).split("\\|", 2);
            return Optional.of(new SubmittedSms(f[0], f[1]));
        }
    };

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final SerialWire wire = new SerialWire(scheduler, "uart");
    private final MockSerialPort cpu = wire.dte("cpu");
    private SimulatedCellularModule module;

    @BeforeEach
    void setUp() throws Exception {
        cpu.open(SimulatedCellularModule.LINE);
    }

    private void build(ModuleDialect dialect) throws Exception {
        module = SimulatedCellularModule.builder(dialect).smsCodec(TEXT_AS_HEX).build(wire.dce("module"), scheduler);
    }

    private String exchange(String bytes) throws Exception {
        cpu.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        scheduler.advance(Duration.ofMillis(50));
        return new String(cpu.readAvailable(), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @EnumSource(ModuleDialect.class)
    @DisplayName("HAL-7: echo until ATE0, then each dialect answers its own ICCID command and refuses the other's")
    void dialects(ModuleDialect dialect) throws Exception {
        build(dialect);
        assertEquals("ATE0\r\r\nOK\r\n", exchange("ATE0\r"));
        String quectel = exchange("AT+QCCID\r");
        String telit = exchange("AT#CCID\r");
        if (dialect == ModuleDialect.QUECTEL) {
            assertEquals("\r\n+QCCID: 89490200001234567890\r\n\r\nOK\r\n", quectel);
            assertEquals("\r\nERROR\r\n", telit);
        } else {
            assertEquals("\r\nERROR\r\n", quectel);
            assertEquals("\r\n#CCID: 89490200001234567890\r\n\r\nOK\r\n", telit);
        }
    }

    @Test
    @DisplayName("HAL-7: the S-register probe answers with the value just written (the client's resync marker)")
    void probe() throws Exception {
        build(ModuleDialect.TELIT);
        assertEquals("ATE0S7=57S7?\r\r\n057\r\n\r\nOK\r\n", exchange("ATE0S7=57S7?\r"));
        assertEquals("\r\nERROR\r\n", exchange("ATS99=1\r"));
    }

    @Test
    @DisplayName("HAL-7: AT+CMGS checks the length against the TPDU after the SMSC field; Quectel prompts without CR LF")
    void cmgsLength() throws Exception {
        build(ModuleDialect.QUECTEL);
        exchange("ATE0\r");
        String tpdu = HexFormat.of().formatHex("+3612|hi".getBytes(StandardCharsets.UTF_8));
        assertEquals("> ", exchange("AT+CMGS=" + tpdu.length() / 2 + "\r"));
        assertEquals("\r\n+CMGS: 1\r\n\r\nOK\r\n", exchange("00" + tpdu + "\u001A"));
        assertEquals(List.of(new SubmittedSms("+3612", "hi")), module.sentSms());
        exchange("AT+CMGS=" + (tpdu.length() / 2 + 1) + "\r");
        assertEquals("\r\n+CMS ERROR: 304\r\n", exchange("00" + tpdu + "\u001A"));
    }

    @Test
    @DisplayName("HAL-7: +++ needs the guard time of silence before and after it; the call stays up")
    void escapeGuard() throws Exception {
        build(ModuleDialect.TELIT);
        exchange("ATE0\r");
        module.dialOutcome("123", DialOutcome.CONNECT);
        assertEquals("\r\nCONNECT 9600\r\n", exchange("ATD123\r"));
        exchange("data+++");                    // no silence before: data
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals("", new String(cpu.readAvailable(), StandardCharsets.ISO_8859_1));
        assertEquals("data+++", new String(module.peerReceived(), StandardCharsets.ISO_8859_1));
        exchange("+++");
        scheduler.advance(Duration.ofMillis(900));
        assertEquals("", new String(cpu.readAvailable(), StandardCharsets.ISO_8859_1), "not before the guard time");
        scheduler.advance(Duration.ofMillis(200));
        assertEquals("\r\nOK\r\n", new String(cpu.readAvailable(), StandardCharsets.ISO_8859_1));
        assertTrue(module.callConnected());
        assertEquals("\r\nOK\r\n", exchange("ATH\r"));
        assertFalse(module.callConnected());
    }

    @Test
    @DisplayName("HAL-7: registration URCs follow the +CREG/+CEREG mode the driver set")
    void registrationUrcs() throws Exception {
        build(ModuleDialect.QUECTEL);
        exchange("ATE0\r");
        module.register(RegistrationState.REGISTERED_HOME, AccessTechnology.LTE);
        scheduler.advance(Duration.ofMillis(50));
        assertEquals("", new String(cpu.readAvailable(), StandardCharsets.ISO_8859_1), "mode 0: no URC");
        exchange("AT+CEREG=2\r");
        module.register(RegistrationState.REGISTERED_ROAMING, AccessTechnology.LTE);
        scheduler.advance(Duration.ofMillis(50));
        assertEquals("\r\n+CEREG: 5,\"1A2B\",\"01C3D4E5\",7\r\n", new String(cpu.readAvailable(), StandardCharsets.ISO_8859_1));
    }
}
