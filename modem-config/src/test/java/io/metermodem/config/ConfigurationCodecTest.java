package io.metermodem.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigurationCodecTest {

    private static final ParameterRegistry REGISTRY = TestRegistries.FAST;

    @Test
    @DisplayName("CFG-2: encode then decode gives an equal configuration, cleanly")
    void roundTrip() {
        Configuration c = ((ChangeResult.Accepted) Transaction.builder().set("conn.apn_name", "internet.example")
                .set("conn.apn_pass", "p@ss word").set("sec.comm_password", "comm").set("tm.data_format", "7e1")
                .build().validate(REGISTRY.defaults())).next();
        DecodedConfiguration d = ConfigurationCodec.decode(ConfigurationCodec.encode(c),
                ConfigurationCodec.FORMAT_VERSION, REGISTRY);
        assertEquals(c, d.configuration());
        assertTrue(d.isClean(), d.warnings().toString());
    }

    @Test
    @DisplayName("SEC-5: the payload holds the password hash, never the password")
    void payloadHoldsHashOnly() {
        Configuration c = ((ChangeResult.Accepted) Transaction.builder().set("sec.config_password", "TopSecret1")
                .build().validate(REGISTRY.defaults())).next();
        String payload = new String(ConfigurationCodec.encode(c), StandardCharsets.ISO_8859_1);
        assertFalse(payload.contains("TopSecret1"));
        assertTrue(payload.contains("pbkdf2-sha256$"));
    }

    @Test
    @DisplayName("CFG-2: newer firmware's unknown names are ignored, missing names take defaults")
    void tolerantOfOtherVersions() {
        byte[] payload = CodecPayloads.of("conn.apn_name", "net", "newer.feature", "42");
        DecodedConfiguration d = ConfigurationCodec.decode(payload, 2, REGISTRY);
        assertEquals("net", d.configuration().text("conn.apn_name"));
        assertEquals(9600, d.configuration().intValue("tm.baud"));
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("newer.feature")));
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("tm.baud missing")));
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("newer firmware")));
    }

    @Test
    @DisplayName("CFG-2: an invalid stored value falls back to the default; a plain password is refused")
    void invalidStoredValues() {
        byte[] payload = CodecPayloads.of("tm.baud", "1234", "csd.password", "plaintext", "led.led1", "sim");
        DecodedConfiguration d = ConfigurationCodec.decode(payload, 1, REGISTRY);
        assertEquals(9600, d.configuration().intValue("tm.baud"));
        assertFalse(d.configuration().isPasswordSet("csd.password"));
        assertEquals("sim", d.configuration().word("led.led1"));
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("plaintext")));
    }

    @Test
    @DisplayName("CFG-2: garbage and truncated payloads decode to defaults without throwing")
    void garbage() {
        Random random = new Random(1);
        for (int i = 0; i < 500; i++) {
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(b);
            if (i % 2 == 0 && b.length > 6) {
                System.arraycopy(new byte[] {'M', 'M', 'C', 'F'}, 0, b, 0, 4);
            }
            ConfigurationCodec.decode(b, 1, REGISTRY);
        }
        byte[] full = ConfigurationCodec.encode(REGISTRY.defaults());
        byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
        DecodedConfiguration d = ConfigurationCodec.decode(cut, 1, REGISTRY);
        assertEquals(REGISTRY.defaults(), d.configuration());
        assertFalse(d.isClean());
        assertEquals(REGISTRY.defaults(), ConfigurationCodec.decode(null, 1, REGISTRY).configuration());
    }
}
