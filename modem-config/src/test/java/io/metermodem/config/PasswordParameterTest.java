package io.metermodem.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.file.CfgFile;
import io.metermodem.config.password.PasswordHash;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LocationAwareLogger;

class PasswordParameterTest {

    private static final ParameterRegistry REGISTRY = TestRegistries.FAST;

    private static Configuration with(String name, String value) {
        return assertInstanceOf(ChangeResult.Accepted.class,
                Transaction.builder().set(name, value).build().validate(REGISTRY.defaults())).next();
    }

    @Test
    @DisplayName("SMS-2, SEC-5: the CSD password has at most 31 characters")
    void csdPasswordLength() {
        assertTrue(with("csd.password", "a".repeat(31)).passwordMatches("csd.password", "a".repeat(31)));
        ChangeResult.Rejected r = assertInstanceOf(ChangeResult.Rejected.class,
                Transaction.builder().set("csd.password", "a".repeat(32)).build().validate(REGISTRY.defaults()));
        assertTrue(r.errors().getFirst().reason().contains("31"));
    }

    @Test
    @DisplayName("SMS-2: an empty value clears the CSD password")
    void emptyClears() {
        Configuration set = with("csd.password", "secret");
        assertTrue(set.isPasswordSet("csd.password"));
        Configuration cleared = assertInstanceOf(ChangeResult.Accepted.class,
                Transaction.builder().set("csd.password", "").build().validate(set)).next();
        assertFalse(cleared.isPasswordSet("csd.password"));
        assertTrue(cleared.passwordMatches("csd.password", ""), "no password: only the empty candidate");
        assertFalse(cleared.passwordMatches("csd.password", "secret"));
    }

    @Test
    @DisplayName("CFG-6, SEC-5: configuration and communication passwords are hashed and verifiable")
    void configAndCommPasswords() {
        Configuration c = assertInstanceOf(ChangeResult.Accepted.class, Transaction.builder()
                .set("sec.config_password", "cfg-pass").set("sec.comm_password", "comm-pass").build()
                .validate(REGISTRY.defaults())).next();
        assertTrue(c.passwordMatches("sec.config_password", "cfg-pass"));
        assertFalse(c.passwordMatches("sec.config_password", "comm-pass"));
        assertTrue(c.passwordMatches("sec.comm_password", "comm-pass"));
        assertTrue(c.valueText("sec.comm_password").startsWith(PasswordHash.PREFIX));
        assertFalse(c.valueText("sec.comm_password").contains("comm-pass"));
    }

    @Test
    @DisplayName("SEC-5: a password with edge white space or control characters is refused")
    void badPasswords() {
        for (String bad : new String[] {" lead", "trail ", "a\nb"}) {
            assertInstanceOf(ChangeResult.Rejected.class,
                    Transaction.builder().set("csd.password", bad).build().validate(REGISTRY.defaults()), bad);
        }
    }

    @Test
    @DisplayName("CFG-8: the APN password is secret text: readable for the network, masked in toString")
    void apnPasswordReadableButMasked() {
        Configuration c = with("conn.apn_pass", "apn-secret");
        assertEquals("apn-secret", c.text("conn.apn_pass"));
        assertFalse(c.toString().contains("apn-secret"));
    }

    @Test
    @DisplayName("SEC-5: no password appears in toString or in any log line")
    void neverLogged() throws ReflectiveOperationException {
        Runnable restoreLevels = everyLevel(ConfigurationService.class, ConfigurationCodec.class);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String text;
        try {
            ScriptedVault vault = new ScriptedVault();
            ConfigurationService service = ConfigurationService.open(REGISTRY, vault);
            service.apply(Transaction.builder().set("csd.password", "Pw-Alpha").set("sec.comm_password", "Pw-Beta")
                    .set("conn.apn_pass", "Pw-Gamma").build());
            service.apply(Transaction.builder().set("csd.password", "Pw-Delta-too-long-for-the-csd-password-limit")
                    .build());
            vault.flashMatches = false;
            service.apply(Transaction.builder().set("csd.password", "Pw-Epsilon").build());
            ConfigurationCodec.decode(CodecPayloads.of("csd.password", "Pw-Zeta", "sim.pin", "Pw-Eta"), 1, REGISTRY);
            Object cfg = CfgFile.parse("csd.password = Pw-Theta-is-far-too-long-for-the-31-limit\nsim.pin = Pw-Iota\n"
                    .getBytes(StandardCharsets.UTF_8), REGISTRY);
            text = captured.toString(StandardCharsets.UTF_8) + service.current() + service.current().values().keySet() + cfg;
        } finally {
            restoreLevels.run();
            System.setErr(original);
        }
        // Both the service's INFO lines and the codec's warnings were captured, so the check below saw them.
        assertTrue(text.contains("configuration record 1 committed"), "logging was captured: " + text);
        assertTrue(text.contains("configuration record: stored value of sim.pin"), "logging was captured: " + text);
        for (String secret : new String[] {"Pw-Alpha", "Pw-Beta", "Pw-Gamma", "Pw-Delta", "Pw-Epsilon", "Pw-Zeta",
                "Pw-Eta", "Pw-Theta", "Pw-Iota"}) {
            assertFalse(text.contains(secret), secret + " leaked: " + text);
        }
    }

    /**
     * Lets every line of the loggers of {@code sources} through until the returned action restores their
     * levels. simplelogger.properties quiets them for the bulk tests (INFO off, the codec's warnings off),
     * but a secret must not appear in a log line of any level, so this test looks at all of them.
     */
    private static Runnable everyLevel(Class<?>... sources) throws ReflectiveOperationException {
        // slf4j-simple fixes a logger's level when the logger is made; its field is the only way to raise it.
        Field level = Class.forName("org.slf4j.simple.SimpleLogger").getDeclaredField("currentLogLevel");
        level.setAccessible(true);
        Map<Logger, Integer> before = new LinkedHashMap<>();
        for (Class<?> source : sources) {
            Logger logger = LoggerFactory.getLogger(source);
            before.put(logger, level.getInt(logger));
            level.setInt(logger, LocationAwareLogger.TRACE_INT);
        }
        return () -> {
            try {
                for (Map.Entry<Logger, Integer> e : before.entrySet()) {
                    level.setInt(e.getKey(), e.getValue());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e); // it was accessible a moment ago
            }
        };
    }
}
