package io.metermodem.config.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ChangeResult;
import io.metermodem.config.Configuration;
import io.metermodem.config.ConfigurationCodec;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.TestRegistries;
import io.metermodem.config.Transaction;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class CfgFileProperties {

    private static final ParameterRegistry REGISTRY = TestRegistries.FAST;

    @Property(tries = 200)
    @Label("CFG-5: export -> parse -> apply gives an equal configuration")
    void exportParseRoundTrip(@ForAll("configurations") Configuration c) {
        CfgParseResult r = CfgFile.parse(CfgFile.exportBytes(c, REGISTRY), REGISTRY);
        CfgParseResult.Parsed parsed = assertInstanceOf(CfgParseResult.Parsed.class, r, r.toString());
        ChangeResult.Accepted a = assertInstanceOf(ChangeResult.Accepted.class,
                parsed.transaction().validate(REGISTRY.defaults()));
        assertEquals(c, a.next());
    }

    @Property(tries = 200)
    @Label("CFG-2: codec encode -> decode gives an equal configuration")
    void codecRoundTrip(@ForAll("configurations") Configuration c) {
        assertEquals(c, ConfigurationCodec.decode(ConfigurationCodec.encode(c), ConfigurationCodec.FORMAT_VERSION,
                REGISTRY).configuration());
    }

    @Property(tries = 500)
    @Label("CFG-5: random bytes never throw from parse and errors stay bounded")
    void randomBytesNeverThrow(@ForAll @Size(max = 4000) byte[] bytes) {
        CfgParseResult r = CfgFile.parse(bytes, REGISTRY);
        assertNotNull(r);
        if (r instanceof CfgParseResult.Failed f) {
            assertTrue(f.errors().size() <= CfgFile.MAX_ERRORS + 1);
            f.errors().forEach(e -> assertTrue(e.line() >= 1));
        }
    }

    @Property(tries = 300)
    @Label("CFG-5: random text lines never throw from parse")
    void randomLinesNeverThrow(@ForAll("lines") List<String> lines) {
        assertNotNull(CfgFile.parse(String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                REGISTRY));
    }

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> name = Arbitraries.of(REGISTRY.parameters()).map(p -> p.name())
                .injectDuplicates(0.1);
        Arbitrary<String> value = Arbitraries.strings().ofMaxLength(40);
        return Combinators.combine(name, Arbitraries.of(" = ", "=", " ", ""), value).as((n, s, v) -> n + s + v)
                .list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<Configuration> configurations() {
        Arbitrary<String> apn = Arbitraries.strings().withChars("abcxyz0123.-").ofMaxLength(20);
        Arbitrary<String> user = Arbitraries.strings().withCharRange('!', '~').withChars(' ', 'é', 'ő')
                .ofMaxLength(30);
        Arbitrary<Integer> baud = Arbitraries.of(300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200);
        Arbitrary<String> format = Arbitraries.of("auto", "7E1", "8N1", "7O1", "7N2", "8E1", "8O1", "8N2");
        Arbitrary<String> led = Arbitraries.of("not_used", "gsm", "sim", "emeter", "firmware", "network",
                "meter_iec", "amm");
        Arbitrary<Integer> port = Arbitraries.integers().between(1, 65535);
        Arbitrary<String> password = Arbitraries.strings().withCharRange('!', '~').ofMinLength(0).ofMaxLength(31);
        Arbitrary<String> host = Arbitraries.of("", "10.0.0.1", "ping.example.net", "8.8.8.8");
        return Combinators.combine(apn, user, baud, format, led, port, password, host).as((a, u, b, f, l, p, pw,
                h) -> {
            Transaction tx = Transaction.builder()
                    .set("conn.apn_name", a).set("conn.apn_user", u).set("conn.apn_pass", u)
                    .set("tm.baud", Integer.toString(b)).set("tm.data_format", f).set("led.led2", l)
                    .set("m2m.transparent_port", Integer.toString(p))
                    .set("m2m.config_port", Integer.toString(p == 1 ? 2 : p - 1))
                    .set("csd.password", pw.startsWith("pbkdf2") ? "x" : pw).set("wd.ping_ip", h)
                    .set("dm.server", h).set("tm.cert", Integer.toString(b % 17))
                    .build();
            return ((ChangeResult.Accepted) tx.validate(REGISTRY.defaults())).next();
        });
    }
}
