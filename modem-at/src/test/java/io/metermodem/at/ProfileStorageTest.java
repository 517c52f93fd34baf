package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ChangeOutcome;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.Parameter;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.ParameterType;
import io.metermodem.config.Transaction;
import io.metermodem.config.ValueCheck;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.store.ConfigurationStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The V.250 profile kept in modem-config's {@code at.profile}: AT&W, ATZ, AT&F and a restart. */
class ProfileStorageTest {

    private final Harness h = Harness.local();
    private final ByteArrayOutputStream out2 = new ByteArrayOutputStream();
    private AtInterpreter second;

    @AfterEach
    void close() {
        if (second != null) {
            second.close();
        }
        h.close();
    }

    /** A new interpreter on a service reopened from the same flash: the modem after a restart. */
    private AtInterpreter restarted(ConfigurationService config) {
        h.at.close();
        second = AtInterpreter.builder()
                .scheduler(h.board.scheduler())
                .cellularModule(h.board.cellularModule())
                .configuration(config)
                .terminal(out2::writeBytes)
                .build();
        return second;
    }

    private String sendToSecond(String text) {
        out2.reset();
        second.receive(text);
        return out2.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    @DisplayName("AT-4, AT-8, AT-21: ATE0 Q1 S0=2 saved with AT&W is in force after a restart on the same flash")
    void profileSurvivesRestart() {
        h.send("ATE0Q1S0=2\r");
        assertEquals("", h.send("AT&W\r"), "quiet: no result code, no echo");
        assertEquals("E0 Q1 V1 X1 &C1 &D0 &K0 S0=2 S2=43 S3=13 S4=10 S5=8 S6=2 S7=60 S8=2 S10=14 S12=50",
                h.config.current().text(AtProfile.PARAMETER));

        AtInterpreter at = restarted(h.openConfig());

        AtProfile p = at.profile();
        assertFalse(p.echo());
        assertTrue(p.quiet());
        assertEquals(2, p.register(SRegister.S0));
        assertEquals(p, at.storedProfile());
        assertEquals("", sendToSecond("AT\r"), "no echo and no OK after the restart");
        assertEquals("\r\nOK\r\n", sendToSecond("ATQ0\r"), "ATQ0 brings the result codes back, still no echo");
    }

    @Test
    @DisplayName("AT-11: ATZ after changes restores the profile stored in the configuration")
    void atzRestoresStored() {
        h.send("ATE0V0X3&D2S7=30\r");
        h.send("AT&W\r");
        h.send("ATE1V1X0&D0S7=90S12=20\r");
        assertEquals("ATZ\r0\r", h.send("ATZ\r"), "echoed as typed, answered in the restored numeric form");
        AtProfile p = h.at.profile();
        assertFalse(p.echo());
        assertFalse(p.verbose());
        assertEquals(3, p.resultSet());
        assertEquals(2, p.dtrMode());
        assertEquals(30, p.register(SRegister.S7));
        assertEquals(50, p.register(SRegister.S12));
    }

    @Test
    @DisplayName("AT-11: ATZ restores a profile stored through the configuration by someone else (SMS, the other interface)")
    void atzFollowsConfiguration() {
        ChangeOutcome o = h.config.apply(Transaction.builder().set(AtProfile.PARAMETER,
                "E0 Q0 V0 X0 &C0 &D1 &K3 S0=0 S2=200 S3=13 S4=10 S5=8 S6=5 S7=10 S8=4 S10=20 S12=100").build());
        assertInstanceOf(ChangeOutcome.Committed.class, o);
        assertTrue(h.at.profile().echo(), "the active profile is not touched by the store");
        h.send("ATZ\r");
        AtProfile p = h.at.profile();
        assertFalse(p.echo());
        assertEquals(3, p.flowControl());
        assertEquals(200, p.register(SRegister.S2));
        assertEquals(100, p.register(SRegister.S12));
    }

    @Test
    @DisplayName("AT-11, AT-21: AT&W writes the pending APN and meter port and the profile in ONE transaction")
    void oneTransaction() {
        h.send("ATE0\r");
        h.send("AT+CGDCONT=1,\"IP\",\"one.apn\"\r");
        h.send("AT+0\r");
        h.send("ATS0=5\r");
        h.events.clear();
        assertEquals("\r\nOK\r\n", h.send("AT&W\r"));
        List<ChangeOutcome> saves = new ArrayList<>();
        h.events.forEach(e -> {
            if (e instanceof AtEvent.ConfigurationSaved s) {
                saves.add(s.outcome());
            }
        });
        assertEquals(1, saves.size(), "one commit");
        ChangeOutcome.Committed c = assertInstanceOf(ChangeOutcome.Committed.class, saves.getFirst());
        assertTrue(c.changed().containsAll(List.of("conn.apn_name", "tm.data_format", AtProfile.PARAMETER)),
                c.changed().toString());
        assertEquals(5, AtProfile.parse(h.openConfig().current().text(AtProfile.PARAMETER)).orElseThrow()
                .register(SRegister.S0));
    }

    @Test
    @DisplayName("AT-11: AT&F then AT&W stores the factory profile; a change after AT&F is stored with it")
    void factoryProfileStored() {
        h.send("ATE0V0S0=9\r");
        h.send("AT&W\r");
        assertEquals("\r\nOK\r\n", h.send("AT&F\r"), "no echo; OK already in the factory (verbose) form");
        h.send("AT&W\r");
        assertEquals(ParameterRegistry.AT_PROFILE_FACTORY, h.config.current().text(AtProfile.PARAMETER));
        assertEquals(AtProfile.factory(), restarted(h.openConfig()).profile());
        second.receive("ATS0=7\r");
        second.receive("AT&F\r");
        second.receive("ATS0=4\r");
        second.receive("AT&W\r");
        assertEquals(4, AtProfile.parse(h.openConfig().current().text(AtProfile.PARAMETER)).orElseThrow()
                .register(SRegister.S0));
    }

    @Test
    @DisplayName("AT-11: a malformed stored profile does not stop the interpreter: it starts with the factory profile")
    void malformedStoredProfile() {
        // A registry whose at.profile takes any text: a store written by other firmware.
        List<Parameter> params = new ArrayList<>();
        for (Parameter p : Harness.REGISTRY.parameters()) {
            params.add(!p.name().equals(AtProfile.PARAMETER) ? p : new Parameter(p.name(), p.group(),
                    new ParameterType.Text(100, Pattern.compile(".*"), "any"), p.defaultValue(), p.description(),
                    false));
        }
        ParameterRegistry loose = ParameterRegistry.of(params, Harness.REGISTRY.rules());
        ConfigurationService config = ConfigurationService.open(loose,
                new ConfigurationStore(h.board.nonVolatileMemory(), new AtRestCipher(h.board.deviceKey())));
        for (String bad : List.of("E0 Q9 V1", "E0 Q1 V1 X1 &C1 &D0 &K0 S0=2 S2=43 S3=13 S4=10 S5=8 S6=2 S7=0 S8=2 "
                + "S10=14 S12=50", "garbage", "E0 E0 Q1 V1 X1 &C1 &D0 &K0 S0=2 S2=43 S3=13 S4=10 S5=8 S6=2 S7=60 S8=2 "
                + "S10=14")) {
            assertInstanceOf(ChangeOutcome.Committed.class,
                    config.apply(Transaction.builder().set(AtProfile.PARAMETER, bad).build()), bad);
            AtInterpreter at = restarted(config);
            assertEquals(AtProfile.factory(), at.profile(), bad);
            assertEquals("AT\r\r\nOK\r\n", sendToSecond("AT\r"), "factory: echo and OK");
            sendToSecond("ATE0\r");
            assertEquals("\r\nOK\r\n", sendToSecond("ATZ\r"), "ATZ falls back to factory as well");
            assertEquals(AtProfile.factory(), at.profile());
            at.close();
        }
    }

    @Test
    @DisplayName("AT-21: the configuration accepts exactly the S-register values the interpreter accepts")
    void configurationRangesMatchRegisters() {
        ParameterType type = Harness.REGISTRY.parameter(AtProfile.PARAMETER).type();
        assertEquals(ParameterRegistry.AT_PROFILE_FACTORY, AtProfile.factory().canonical());
        assertEquals(ParameterRegistry.AT_PROFILE_FACTORY, Harness.REGISTRY.parameter(AtProfile.PARAMETER).defaultValue());
        for (SRegister r : SRegister.values()) {
            if (r == SRegister.S1) {
                continue;
            }
            for (int v = 0; v <= 300; v++) {
                String text = AtProfile.factory().canonical()
                        .replace(" S" + r.index() + "=" + r.defaultValue(), " S" + r.index() + "=" + v);
                boolean config = type.check(text) instanceof ValueCheck.Valid;
                boolean interpreter = AtProfile.parse(text).isPresent();
                assertEquals(r.accepts(v), config, text);
                assertEquals(r.accepts(v), interpreter, text);
            }
        }
        for (String basic : List.of("E2", "Q2", "V2", "X5", "&C3", "&D3", "&K1", "&K2")) {
            String key = basic.substring(0, basic.length() - 1);
            String text = AtProfile.factory().canonical().replaceFirst(Pattern.quote(key) + "[0-9]", basic);
            assertFalse(type.check(text) instanceof ValueCheck.Valid, text);
            assertFalse(AtProfile.parse(text).isPresent(), text);
        }
    }
}
