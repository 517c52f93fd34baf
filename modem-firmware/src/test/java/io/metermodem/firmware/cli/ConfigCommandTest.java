package io.metermodem.firmware.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./modem config check|import|export} against a state directory (CFG-5, CFG-2, CFG-8). */
// A safety net against a hang in files and PBKDF2 in real time; not a speed assertion.
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConfigCommandTest {

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = ModemCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("CFG-5: check accepts a valid file and reports every error of a bad one with its line, exit code 1")
    void check() throws IOException {
        Path good = file("good.cfg", "# site A\nconn.apn_name = meters.example\ntm.baud = 300\n");
        assertEquals(0, run("config", "check", good.toString()), err.toString());
        assertTrue(out.toString().contains("valid, 2 setting(s)"), out.toString());

        Path bad = file("bad.cfg", "conn.apn_name = ok\nno.such_parameter = 1\ntm.baud = 12345\nconn.apn_name = twice\n");
        assertEquals(1, run("config", "check", bad.toString()));
        String errors = err.toString();
        assertTrue(errors.contains("line 2") && errors.contains("no.such_parameter"), errors);
        assertTrue(errors.contains("line 3") && errors.contains("tm.baud"), errors);
        assertTrue(errors.contains("line 4"), errors);
    }

    @Test
    @DisplayName("CFG-5: a file whose values conflict with each other is refused by check")
    void checkConflicts() throws IOException {
        Path clash = file("clash.cfg", "m2m.transparent_port = 9100\nm2m.customer_port = 9100\n");
        assertEquals(1, run("config", "check", clash.toString()));
        assertTrue(err.toString().contains("m2m.customer_port"), err.toString());
    }

    @Test
    @DisplayName("CFG-5, CFG-2: import applies a whole file to the state, export gives it back, and a bad file applies nothing")
    void importExport() throws IOException {
        Path state = dir.resolve("state");
        Path site = file("site.cfg", "conn.apn_name = meters.example\nconn.apn_pass = apn-secret-passw0rd\ncsd.password = letmein\n");
        assertEquals(0, run("config", "import", "--state", state.toString(), site.toString()), err.toString());
        assertTrue(out.toString().contains("Configuration structure changed result: 0"), out.toString());

        Path broken = file("broken.cfg", "conn.apn_name = other.example\ntm.baud = fast\n");
        assertEquals(1, run("config", "import", "--state", state.toString(), broken.toString()));

        assertEquals(0, run("config", "export", "--state", state.toString()), err.toString());
        String exported = out.toString();
        assertTrue(exported.contains("conn.apn_name = meters.example"), exported);
        assertFalse(exported.contains("letmein"), "the CSD password is exported as its hash only");
        assertTrue(exported.contains("csd.password = pbkdf2-sha256$"), exported);

        // CFG-8: the state's flash file shows no secret.
        byte[] flash = Files.readAllBytes(state.resolve("flash.bin"));
        assertFalse(new String(flash, StandardCharsets.ISO_8859_1).contains("apn-secret-passw0rd"));

        // The export imports back unchanged (round trip).
        Path again = file("again.cfg", exported);
        assertEquals(0, run("config", "import", "--state", state.toString(), again.toString()), err.toString());
        assertEquals(0, run("config", "export", "--state", state.toString()));
        assertEquals(exported, out.toString());
    }
}
