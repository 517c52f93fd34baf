package io.metermodem.firmware.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

// A safety net against a hang in real sockets and real time (./modem run --for); not a speed assertion.
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ModemCliTest {

    @TempDir
    Path state;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ModemCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "read", "config", "config check", "config import", "config export"})
    @DisplayName("TR-2, CFG-5: every command of ./modem answers --help")
    void everyCommandHasHelp(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        int code = run(args);
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("Usage: modem"), out.toString());
    }

    @Test
    @DisplayName("TR-2: run documents the transparent and customer ports, the meter line options and the bind address")
    void runOptions() {
        run("run", "--help");
        for (String option : new String[] {"--meter-port", "--meter-baud", "--meter-format", "--transparent-port",
                "--customer-port", "--bind"}) {
            assertTrue(out.toString().contains(option), option + " missing from\n" + out);
        }
    }

    @Test
    @DisplayName("TR-3: the transparent and customer ports must differ")
    void portsMustDiffer() {
        int code = run("run", "--state", state.toString(), "--transparent-port", "9100", "--customer-port", "9100", "--for", "PT0S");
        assertEquals(2, code);
        assertTrue(err.toString().contains("differ"), err.toString());
    }

    @Test
    @DisplayName("HAL-7: run refuses an unknown --module-type with the accepted list")
    void badModuleType() {
        int code = run("run", "--state", state.toString(), "--module-port", "/dev/null", "--module-type", "nokia", "--for", "PT0S");
        assertEquals(2, code);
        assertTrue(err.toString().contains("quectel, telit"), err.toString());
    }

    @Test
    @DisplayName("HAL-7: run names a missing --module-port device and exits with 1")
    void missingModuleDevice() {
        int code = run("run", "--state", state.toString(), "--transparent-port", "0", "--customer-port", "0",
                "--module-port", "/dev/no-such-module-uart", "--for", "PT0S");
        assertEquals(1, code);
        assertTrue(err.toString().contains("/dev/no-such-module-uart"), err.toString());
    }

    @Test
    @DisplayName("TR-5: an unknown meter format is refused with the accepted list")
    void badFormat() {
        int code = run("run", "--state", state.toString(), "--meter-format", "9X1", "--for", "PT0S");
        assertEquals(2, code);
        // The first line names the option, echoes the bad value and lists every accepted format.
        assertEquals("--meter-format: unknown meter data format '9X1': expected Auto, 7E1, 8N1, 7O1, 7N2, 8E1,"
                + " 8O1 or 8N2", err.toString().lines().findFirst().orElse(""), err.toString());
    }

    @Test
    @DisplayName("TR-1: run serves the embedded default on free ports and stops by itself with --for")
    void runsAndStops() {
        int code = run("run", "--state", state.toString(), "--transparent-port", "0", "--customer-port", "0", "--for", "PT0.2S");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("transparent port  127.0.0.1:"), out.toString());
        assertTrue(out.toString().contains("listening"), out.toString());
    }

    @Test
    @DisplayName("TR-1: read reports a connection error with exit code 3 and the address")
    void readConnectionError() {
        int code = run("read", "127.0.0.1:1");
        assertEquals(3, code);
        assertTrue(err.toString().contains("127.0.0.1:1"), err.toString());
    }

    @Test
    @DisplayName("TR-1: read refuses a target without a port")
    void readBadTarget() {
        assertEquals(2, run("read", "localhost"));
        assertTrue(err.toString().contains("HOST:PORT"), err.toString());
    }
}
