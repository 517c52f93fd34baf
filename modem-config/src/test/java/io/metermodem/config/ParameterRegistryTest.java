package io.metermodem.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ParameterRegistryTest {

    private final ParameterRegistry registry = ParameterRegistry.wmE2s();

    @Test
    @DisplayName("CFG-1: every parameter group of the configuration tool has parameters")
    void everyGroupIsPresent() {
        for (ParameterGroup group : ParameterGroup.values()) {
            assertFalse(registry.group(group).isEmpty(), group.title());
        }
    }

    @Test
    @DisplayName("CFG-1: the manual's parameter names are used exactly")
    void manualNamesExactly() {
        for (String name : List.of("conn.apn_name", "conn.apn_user", "conn.apn_pass", "csd.password",
                "dm.tls_enable", "dm.cert", "dm.ca_cert", "dm.verify",
                "tm.tls_enable", "tm.cert", "tm.ca_cert", "tm.verify")) {
            assertTrue(registry.contains(name), name);
        }
    }

    @Test
    @DisplayName("CFG-1: each group holds the parameters the manual lists for it")
    void groupsHoldTheirParameters() {
        assertGroup(ParameterGroup.APN, "conn.apn_name", "conn.apn_user", "conn.apn_pass", "conn.pdp_delay");
        assertGroup(ParameterGroup.M2M, "m2m.transparent_port", "m2m.customer_port", "m2m.config_port");
        assertGroup(ParameterGroup.MOBILE_NETWORK, "sim.pin", "net.mode", "net.operator_mode", "net.operator");
        assertGroup(ParameterGroup.TRANSPARENT_NTA, "tm.multi_utility", "tm.baud", "tm.data_format", "tm.tls_enable",
                "tm.cert", "tm.ca_cert", "tm.verify");
        assertGroup(ParameterGroup.RS485, "rs485.mode", "rs485.dcd");
        assertGroup(ParameterGroup.WATCHDOG, "wd.ping_ip", "wd.ping_retries", "wd.ping_wait", "wd.ping_next",
                "wd.reconnect_seconds");
        assertGroup(ParameterGroup.AMM, "amm.enable", "amm.server", "amm.port", "amm.last_gasp",
                "amm.last_gasp_number");
        assertGroup(ParameterGroup.METER_INTERFACE, "led.led1", "led.led2", "led.led3");
        assertGroup(ParameterGroup.DEVICE_MANAGER, "dm.server", "dm.port", "dm.tls_enable", "dm.cert", "dm.ca_cert",
                "dm.verify");
        assertGroup(ParameterGroup.CSD, "csd.password");
        assertGroup(ParameterGroup.SECURITY, "sec.config_password", "sec.comm_password");
        assertGroup(ParameterGroup.AT_INTERFACE, "at.profile");
    }

    @Test
    @DisplayName("AT-21: at.profile holds the V.250 profile in its canonical form only, every value in range")
    void atProfile() {
        Parameter p = registry.parameter("at.profile");
        assertEquals(ParameterRegistry.AT_PROFILE_FACTORY, registry.defaults().text("at.profile"));
        assertFalse(p.restartRequired());
        String changed = "E0 Q1 V0 X4 &C2 &D2 &K3 S0=0 S2=255 S3=127 S4=0 S5=127 S6=10 S7=1 S8=255 S10=254 S12=0";
        assertEquals(new ValueCheck.Valid(changed), p.type().check(changed));
        for (String bad : List.of("", "E1", "E2 Q0 V1 X1 &C1 &D0 &K0 S0=3 S2=43 S3=13 S4=10 S5=8 S6=2 S7=60 S8=2 S10=14 S12=50",
                "E1 Q0 V1 X1 &C1 &D0 &K1 S0=3 S2=43 S3=13 S4=10 S5=8 S6=2 S7=60 S8=2 S10=14 S12=50",
                "E1 Q0 V1 X1 &C1 &D0 &K0 S0=256 S2=43 S3=13 S4=10 S5=8 S6=2 S7=60 S8=2 S10=14 S12=50",
                "E1 Q0 V1 X1 &C1 &D0 &K0 S0=03 S2=43 S3=13 S4=10 S5=8 S6=2 S7=60 S8=2 S10=14 S12=50",
                "E1 Q0 V1 X1 &C1 &D0 &K0 S0=3 S2=43 S3=128 S4=10 S5=8 S6=2 S7=60 S8=2 S10=14 S12=50",
                "E1 Q0 V1 X1 &C1 &D0 &K0 S0=3 S2=43 S3=13 S4=10 S5=8 S6=1 S7=60 S8=2 S10=14 S12=50",
                "E1 Q0 V1 X1 &C1 &D0 &K0 S0=3 S2=43 S3=13 S4=10 S5=8 S6=2 S7=0 S8=2 S10=14 S12=50",
                "E1 Q0 V1 X1 &C1 &D0 &K0 S0=3 S2=43 S3=13 S4=10 S5=8 S6=2 S7=60 S8=2 S10=255 S12=50",
                "Q0 E1 V1 X1 &C1 &D0 &K0 S0=3 S2=43 S3=13 S4=10 S5=8 S6=2 S7=60 S8=2 S10=14 S12=50",
                ParameterRegistry.AT_PROFILE_FACTORY + " S1=0")) {
            assertInstanceOf(ValueCheck.Invalid.class, p.type().check(bad), bad);
        }
    }

    @Test
    @DisplayName("CFG-1: value sets follow the manual (data formats, RS485 modes, DCD, LED functions, baud)")
    void valueSets() {
        assertEquals(List.of("auto", "7E1", "8N1", "7O1", "7N2", "8E1", "8O1", "8N2"),
                choice("tm.data_format").words());
        assertEquals(List.of("off", "2wire", "4wire"), choice("rs485.mode").words());
        assertEquals(List.of("fix0", "fix1", "standard", "inverted"), choice("rs485.dcd").words());
        assertEquals(List.of("not_used", "gsm", "sim", "emeter", "firmware", "network", "meter_iec", "amm"),
                choice("led.led2").words());
        ParameterType.IntegerChoice baud = assertInstanceOf(ParameterType.IntegerChoice.class,
                registry.parameter("tm.baud").type());
        assertEquals(300, baud.values().getFirst());
        assertEquals(115200, baud.values().getLast());
    }

    @Test
    @DisplayName("LED-2, LED-6: LED defaults are the factory functions")
    void ledDefaults() {
        Configuration d = registry.defaults();
        assertEquals("gsm", d.word("led.led1"));
        assertEquals("sim", d.word("led.led2"));
        assertEquals("emeter", d.word("led.led3"));
    }

    @Test
    @DisplayName("CFG-7: remote configuration is possible: config port and communication password exist")
    void remoteConfigurationParameters() {
        Parameter port = registry.parameter("m2m.config_port");
        assertInstanceOf(ParameterType.Port.class, port.type());
        assertEquals(9001, registry.defaults().intValue("m2m.config_port"));
        assertEquals(9000, registry.defaults().intValue("m2m.transparent_port"));
        assertTrue(registry.parameter("sec.comm_password").isPassword());
        assertTrue(registry.parameter("sec.config_password").isPassword());
        assertTrue(registry.contains("sec.control_aes"));
    }

    @Test
    @DisplayName("CFG-9: the restart period without a SIM is a bounded parameter")
    void simAbsentRestart() {
        Parameter p = registry.parameter("sim.absent_restart_minutes");
        assertEquals(new ParameterType.IntegerRange(5, 1440), p.type());
        assertEquals(15, registry.defaults().intValue("sim.absent_restart_minutes"));
    }

    @Test
    @DisplayName("NET-3: the reconnect time has a floor")
    void reconnectFloor() {
        ParameterType t = registry.parameter("wd.reconnect_seconds").type();
        assertInstanceOf(ValueCheck.Invalid.class, t.check("59"));
        assertEquals(new ValueCheck.Valid("60"), t.check("60"));
    }

    @Test
    @DisplayName("CFG-4: network and port parameters need a restart, passwords and LEDs do not")
    void restartFlags() {
        assertTrue(registry.parameter("conn.apn_name").restartRequired());
        assertTrue(registry.parameter("m2m.transparent_port").restartRequired());
        assertFalse(registry.parameter("csd.password").restartRequired());
        assertFalse(registry.parameter("led.led1").restartRequired());
    }

    @Test
    @DisplayName("CFG-1: every parameter has a description and a valid canonical default")
    void defaultsAreCanonical() {
        for (Parameter p : registry.parameters()) {
            assertFalse(p.description().isBlank(), p.name());
            assertEquals(new ValueCheck.Valid(p.defaultValue()), p.type().checkStored(p.defaultValue()), p.name());
        }
    }

    @Test
    @DisplayName("CFG-1: types check values and give canonical forms")
    void typesCanonicalise() {
        assertEquals(new ValueCheck.Valid("7E1"), choice("tm.data_format").check(" 7e1 "));
        assertEquals(new ValueCheck.Valid("9600"), registry.parameter("tm.baud").type().check("09600"));
        assertInstanceOf(ValueCheck.Invalid.class, registry.parameter("tm.baud").type().check("9601"));
        assertInstanceOf(ValueCheck.Invalid.class, registry.parameter("tm.baud").type().check("99999999999999"));
        ParameterType host = registry.parameter("wd.ping_ip").type();
        assertEquals(new ValueCheck.Valid("8.8.8.8"), host.check("8.8.8.8"));
        assertEquals(new ValueCheck.Valid("ping.example.com"), host.check("Ping.Example.COM"));
        assertEquals(new ValueCheck.Valid(""), host.check(""));
        assertInstanceOf(ValueCheck.Invalid.class, host.check("256.1.1.1"));
        assertInstanceOf(ValueCheck.Invalid.class, host.check("010.1.1.1"));
        assertInstanceOf(ValueCheck.Invalid.class, host.check("bad_host!"));
        ParameterType port = registry.parameter("m2m.customer_port").type();
        assertEquals(new ValueCheck.Valid("0"), port.check("0"));
        assertInstanceOf(ValueCheck.Invalid.class, registry.parameter("m2m.transparent_port").type().check("0"));
        assertInstanceOf(ValueCheck.Invalid.class, port.check("65536"));
        assertInstanceOf(ValueCheck.Invalid.class, registry.parameter("tm.verify").type().check("yes"));
        assertInstanceOf(ValueCheck.Invalid.class, registry.parameter("conn.apn_name").type().check("a\u0000b"));
    }

    @Test
    @DisplayName("CFG-1: secret values are never quoted in error reasons")
    void secretReasonsDoNotQuote() {
        ValueCheck c = registry.parameter("sim.pin").type().check("12ab");
        ValueCheck.Invalid invalid = assertInstanceOf(ValueCheck.Invalid.class, c);
        assertFalse(invalid.reason().contains("12ab"));
    }

    @Test
    @DisplayName("CFG-1: a misdefined parameter or unknown name is API misuse")
    void misuse() {
        ParameterType text = new ParameterType.Text(5, Pattern.compile(".*"), "text");
        assertThrows(IllegalArgumentException.class,
                () -> new Parameter("NoDot", ParameterGroup.APN, text, "", "x", true));
        assertThrows(IllegalArgumentException.class,
                () -> new Parameter("a.b", ParameterGroup.APN, text, "toolong", "x", true));
        assertThrows(IllegalArgumentException.class, () -> registry.parameter("no.such"));
        assertThrows(IllegalArgumentException.class, () -> registry.defaults().intValue("conn.apn_name"));
        assertThrows(IllegalArgumentException.class, () -> registry.defaults().text("csd.password"));
    }

    private ParameterType.Choice choice(String name) {
        return assertInstanceOf(ParameterType.Choice.class, registry.parameter(name).type());
    }

    private void assertGroup(ParameterGroup group, String... names) {
        for (String name : names) {
            assertEquals(group, registry.parameter(name).group(), name);
        }
    }
}
