package io.metermodem.firmware.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./modem run --led-log FILE --led-line WHEN}. */
// A safety net against a hang in real time (./modem run --for); not a speed assertion.
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RunLedsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ModemCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    @DisplayName("LED-11: run --led-log writes every transition as a JSON line; LED3 starts with its quick green")
    void ledLog() throws IOException {
        Path log = dir.resolve("leds.jsonl");
        int code = run("run", "--state", dir.resolve("state").toString(), "--transparent-port", "0",
                "--no-customer-port", "--for", "PT1S", "--led-log", log.toString(), "--led-line", "never");
        assertEquals(0, code, err.toString());
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.size() >= 4, "a second of LED3 quick flashes: " + lines);
        for (String line : lines) {
            assertTrue(line.matches("\\{\"t_ms\":\\d+,\"led\":\"LED[123]\",\"on\":(true|false)}"), line);
        }
        List<String> led3 = lines.stream().filter(l -> l.contains("\"LED3\"")).toList();
        assertTrue(led3.get(0).endsWith("\"on\":true}"), "LED3 lights first: " + led3.get(0));
        // The scheduled transitions of the quick flash follow each other by exactly 100 ms of modem time.
        assertEquals(100, tMs(led3.get(2)) - tMs(led3.get(1)), led3.toString());
        assertEquals(100, tMs(led3.get(3)) - tMs(led3.get(2)), led3.toString());
        assertTrue(!out.toString().contains("LEDs  LED3"), "no status line when told never");
        assertTrue(out.toString().contains("LED log"), out.toString());
    }

    private static long tMs(String line) {
        return Long.parseLong(line.substring("{\"t_ms\":".length(), line.indexOf(',')));
    }

    @Test
    @DisplayName("HAL-4: run --led-line always draws the three LEDs, top first, on one line")
    void statusLine() {
        int code = run("run", "--state", dir.resolve("state").toString(), "--transparent-port", "0",
                "--no-customer-port", "--for", "PT0.5S", "--led-line", "always");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("LEDs  LED3 green "), out.toString());
        assertTrue(out.toString().contains("LED1 blue") && out.toString().contains("LED2 red"), out.toString());
    }
}
