package io.metermodem.firmware.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./modem sms} against a state directory (SMS-1..SMS-11). */
// A safety net against a hang in files and PBKDF2 in real time; not a speed assertion.
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SmsCliCommandTest {

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

    private String nl(String text) {
        return text.replace("\n", System.lineSeparator());
    }

    @Test
    @DisplayName("SMS-3, SMS-5, SMS-10: sms commits a set to the state like a modem; a later query reads it back")
    void commits() {
        String state = dir.resolve("state").toString();
        assertEquals(0, run("sms", "--state", state, "cmd=conn.apn_name = net"), err.toString());
        assertEquals(nl("Configuration structure changed result: 0\n"), out.toString());
        assertEquals(0, run("sms", "--state", state, "cmd=?conn.apn_name"));
        assertEquals(nl("conn.apn_name = net\n"), out.toString());
    }

    @Test
    @DisplayName("SMS-1, SMS-2: with a password set, the CLI names why an SMS would be dropped (exit code 2)")
    void dropped() {
        String state = dir.resolve("state").toString();
        assertEquals(0, run("sms", "--state", state, "cmd=csd.password = s3cret"));
        assertEquals(2, run("sms", "--state", state, "--from", "+36301234567", "cmd=?conn.apn_name"));
        assertTrue(err.toString().contains("PASSWORD_MISSING"), err.toString());
        assertEquals(2, run("sms", "--state", state, "pw=wrong.cmd=?conn.apn_name"));
        assertTrue(err.toString().contains("PASSWORD_WRONG"), err.toString());
        assertEquals(0, run("sms", "--state", state, "pw=s3cret.cmd=?csd.password"));
        assertEquals(nl("csd.password = ********\n"), out.toString());
    }

    @Test
    @DisplayName("SMS-4: --dry-run answers as the modem would but leaves the state byte-identical")
    void dryRun() throws IOException {
        Path state = dir.resolve("state");
        assertEquals(0, run("sms", "--state", state.toString(), "cmd=conn.apn_name = first"));
        byte[] before = Files.readAllBytes(state.resolve("flash.bin"));
        assertEquals(0, run("sms", "--state", state.toString(), "--dry-run",
                "cmd=conn.apn_name = second\\r\\n?conn.apn_name"));
        assertEquals(nl("conn.apn_name = second\nConfiguration structure changed result: 0\n"), out.toString());
        assertTrue(err.toString().contains("dry run"), err.toString());
        assertArrayEquals(before, Files.readAllBytes(state.resolve("flash.bin")));
        assertEquals(0, run("sms", "--state", state.toString(), "cmd=?conn.apn_name"));
        assertEquals(nl("conn.apn_name = first\n"), out.toString());
    }

    @Test
    @DisplayName("SMS-7, SMS-8: ATR notes the restart; mread has no meter here")
    void atrAndMread() {
        String state = dir.resolve("state").toString();
        assertEquals(0, run("sms", "--state", state, "cmd=ATR"));
        assertEquals(nl("Device reset requested after SMS answer\n"), out.toString());
        assertTrue(err.toString().contains("restarts"), err.toString());
        assertEquals(0, run("sms", "--state", state, "cmd=mread"));
        assertEquals(nl("mread failed: no meter\n"), out.toString());
    }

    @Test
    @DisplayName("SMS-11: --help describes the command; a bad --from is an error")
    void help() {
        assertEquals(0, run("sms", "--help"));
        assertTrue(out.toString().contains("--dry-run") && out.toString().contains("--state"), out.toString());
        assertEquals(1, run("sms", "--state", dir.toString(), "--from", "not-a-number", "cmd=ATR"));
    }
}
