package io.metermodem.config.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ChangeOutcome;
import io.metermodem.config.ChangeResult;
import io.metermodem.config.Configuration;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.TestRegistries;
import io.metermodem.config.Transaction;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.mock.nvm.MockFlash;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CfgFileTest {

    private static final ParameterRegistry REGISTRY = TestRegistries.FAST;

    private static CfgParseResult parse(String text) {
        return CfgFile.parse(text.getBytes(StandardCharsets.UTF_8), REGISTRY);
    }

    private static List<CfgError> errors(CfgParseResult r) {
        return assertInstanceOf(CfgParseResult.Failed.class, r).errors();
    }

    private static Configuration applied(CfgParseResult r, Configuration base) {
        Transaction tx = assertInstanceOf(CfgParseResult.Parsed.class, r).transaction();
        return assertInstanceOf(ChangeResult.Accepted.class, tx.validate(base)).next();
    }

    @Test
    @DisplayName("CFG-5: a good file with comments, blank lines, BOM, CRLF and loose spacing imports")
    void goodFileImports() {
        String text = "\uFEFF# saved by the configuration tool\r\n"
                + "; another comment\r\n"
                + "\r\n"
                + "conn.apn_name = internet\r\n"
                + "conn.apn_user=user\r\n"
                + "  tm.baud   =  19200  \r\n"
                + "tm.data_format = 7e1\n"
                + "conn.apn_pass = p#ss=word;\n"
                + "wd.ping_ip =\n"
                + "csd.password = csdpw";
        Configuration c = applied(parse(text), REGISTRY.defaults());
        assertEquals("internet", c.text("conn.apn_name"));
        assertEquals("user", c.text("conn.apn_user"));
        assertEquals(19200, c.intValue("tm.baud"));
        assertEquals("7E1", c.word("tm.data_format"));
        assertEquals("p#ss=word;", c.text("conn.apn_pass"));
        assertTrue(c.passwordMatches("csd.password", "csdpw"));
        CfgParseResult.Parsed parsed = (CfgParseResult.Parsed) parse(text);
        assertEquals(6, parsed.lineOf("tm.baud").orElseThrow());
    }

    @Test
    @DisplayName("CFG-5: every bad line is reported with its line number, and nothing is applied")
    void badLinesNamed() {
        String text = "conn.apn_name = ok\n"
                + "no.such = 1\n"
                + "tm.baud = fast\n"
                + "conn.apn_name = again\n"
                + "just words\n"
                + " = 5\n";
        List<CfgError> e = errors(parse(text));
        assertEquals(List.of(2, 3, 4, 5, 6), e.stream().map(CfgError::line).toList());
        assertEquals("line 2, column 1: unknown parameter 'no.such'", e.get(0).toString());
        assertTrue(e.get(1).toString().startsWith("line 3, column 11: tm.baud:"), e.get(1).toString());
        assertTrue(e.get(2).message().contains("already set on line 1"));
        assertTrue(e.get(3).message().contains("expected 'name = value'"));
    }

    @Test
    @DisplayName("CFG-5: an overlong line is named")
    void overlongLine() {
        String text = "# 1\n# 2\n# 3\n# 4\n# 5\n# 6\nconn.apn_user = " + "x".repeat(1100) + "\n";
        assertEquals("line 7: longer than 1024 characters", errors(parse(text)).getFirst().toString());
        String huge = "# 1\n" + "y".repeat(10_000);
        assertEquals("line 2: longer than 1024 characters", errors(parse(huge)).getFirst().toString());
    }

    @Test
    @DisplayName("CFG-5: invalid UTF-8 is named with its line and column")
    void invalidUtf8() {
        byte[] bytes = {'t', 'm', '.', 'b', 'a', 'u', 'd', '=', '3', '0', '0', '\n', 'c', 'o', 'n', 'n', '.', 'a', 'p', 'n',
                '_', 'u', 's', 'e', 'r', '=', (byte) 0xC3, '(', '\n'};
        CfgError e = errors(CfgFile.parse(bytes, REGISTRY)).getFirst();
        assertEquals(2, e.line());
        assertEquals(15, e.column());
        assertTrue(e.message().contains("invalid UTF-8"));
    }

    @Test
    @DisplayName("CFG-5: binary garbage (NUL, control bytes) is refused")
    void binaryGarbage() {
        byte[] bytes = {'#', 'x', '\n', 0x00, 0x01, 0x02, 'z', '\n'};
        CfgError e = errors(CfgFile.parse(bytes, REGISTRY)).getFirst();
        assertEquals(2, e.line());
        assertTrue(e.message().contains("control character U+0000"), e.message());
        byte[] many = new byte[20_000];
        List<CfgError> all = errors(CfgFile.parse(many, REGISTRY));
        assertTrue(all.size() <= CfgFile.MAX_ERRORS + 1);
    }

    @Test
    @DisplayName("CFG-5: a file over the size limit is refused, naming where it crossed the limit")
    void tooLarge() throws IOException {
        byte[] bytes = ("# comment line\n".repeat(CfgFile.MAX_FILE_BYTES / 15 + 10)).getBytes(StandardCharsets.UTF_8);
        CfgError e = errors(CfgFile.parse(bytes, REGISTRY)).getFirst();
        assertTrue(e.message().contains("larger than 262144 bytes"));
        assertTrue(e.line() > 17_000, e.toString());
        CfgError fromStream = errors(CfgFile.parse(new ByteArrayInputStream(bytes), REGISTRY)).getFirst();
        assertEquals(e, fromStream);
    }

    @Test
    @DisplayName("CFG-5: importing a file with an error changes nothing in the service")
    void importIsAllOrNothing() {
        ConfigurationService service = ConfigurationService.open(REGISTRY,
                new ConfigurationStore(new MockFlash(), new AtRestCipher(new byte[32])));
        CfgParseResult r = parse("conn.apn_name = changed\ntm.baud = 12\n");
        assertInstanceOf(CfgParseResult.Failed.class, r);
        assertEquals(REGISTRY.defaults(), service.current());
        // Rules across parameters are checked when applying: still nothing changes.
        CfgParseResult conflict = parse("conn.apn_name = changed\nm2m.customer_port = 9000\n");
        ChangeOutcome outcome = service.apply(((CfgParseResult.Parsed) conflict).transaction());
        assertInstanceOf(ChangeOutcome.Invalid.class, outcome);
        assertEquals(REGISTRY.defaults(), service.current());
        assertEquals(2, ((CfgParseResult.Parsed) conflict).lineOf("m2m.customer_port").orElseThrow());
    }

    @Test
    @DisplayName("CFG-5, SEC-5: export lists every parameter with passwords as hashes and imports back equal")
    void exportRoundTrip() {
        Configuration c = assertInstanceOf(ChangeResult.Accepted.class, Transaction.builder()
                .set("conn.apn_name", "net").set("conn.apn_pass", "apn pw").set("csd.password", "csd")
                .set("sec.comm_password", "comm").set("wd.ping_ip", "10.0.0.1").set("rs485.mode", "2wire")
                .build().validate(REGISTRY.defaults())).next();
        String exported = CfgFile.export(c, REGISTRY);
        assertTrue(exported.startsWith("# "));
        assertTrue(exported.contains("csd.password = pbkdf2-sha256$"));
        assertTrue(!exported.contains("= csd\n") && !exported.contains("= comm\n"));
        for (var p : REGISTRY.parameters()) {
            assertTrue(exported.contains("\n" + p.name() + " ="), p.name());
        }
        assertEquals(c, applied(parse(exported), REGISTRY.defaults()));
    }
}
