package io.metermodem.firmware.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.metermodem.config.ParameterRegistry;
import io.metermodem.firmware.StateDirectory;
import io.metermodem.hal.pi.testing.SocatPty;
import io.metermodem.testsupport.Interop;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Interop with an independent AT peer: Debian's ppp {@code chat} drives the local AT console of
 * {@code ./modem run --console-port} over a socat pseudo-terminal pair. chat and socat are required:
 * without them this test fails (CI installs both).
 */
@Interop
class AtChatInteropTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("AT-4, AT-6, AT-20, AT-21: chat turns the echo off, reads ATI, sets and saves the APN and profile, and after a restart reads the APN back with the echo still off")
    void chatSession() throws Exception {
        String chat = requireTool("chat");
        try (SocatPty pty = SocatPty.start(dir)) {
            Path modemEnd = pty.a();
            Path terminalEnd = pty.b();
            Path state = dir.resolve("state");

            try (RunningModem modem = RunningModem.start(state, modemEnd)) {
                Path script = dir.resolve("configure.chat");
                Files.writeString(script, String.join("\n",
                        "ABORT ERROR",
                        "TIMEOUT 10",
                        "'' ATE0",
                        "OK ATI",
                        "WM-E2S \\c",
                        "OK 'AT+CGDCONT=1,\"IP\",\"interop.example\"'",
                        "OK AT&W",
                        "OK \\c", ""));
                ChatRun run = runChat(chat, script, terminalEnd);
                assertEquals(0, run.exitCode, "chat failed (" + run.exitCode + "):\n" + run.log + "\nmodem:\n" + modem.output());
                assertTrue(run.log.contains("WM-E2S"), run.log);
            }

            try (RunningModem modem = RunningModem.start(state, modemEnd)) {
                // No ATE0 this time: AT&W stored the echo off. Were the command echoed, chat would see
                // "CGDCONT?" (the answer only has "CGDCONT:") and abort with exit code 5.
                Path script = dir.resolve("read-back.chat");
                Files.writeString(script, String.join("\n",
                        "ABORT ERROR",
                        "ABORT 'CGDCONT?'",
                        "TIMEOUT 10",
                        "'' AT+CGDCONT?",
                        "'\"interop.example\"' \\c",
                        "OK \\c", ""));
                ChatRun run = runChat(chat, script, terminalEnd);
                assertEquals(0, run.exitCode, "chat failed (" + run.exitCode + "):\n" + run.log + "\nmodem:\n" + modem.output());
            }

            try (StateDirectory stored = StateDirectory.open(state, ParameterRegistry.wmE2s())) {
                assertEquals("interop.example", stored.configuration().current().text("conn.apn_name"));
                assertTrue(stored.configuration().current().text("at.profile").startsWith("E0 "),
                        "the echo-off profile is stored");
            }
        }
    }

    private record ChatRun(int exitCode, String log) {
    }

    private static ChatRun runChat(String chat, Path script, Path tty) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(chat, "-V", "-s", "-f", script.toString())
                .redirectInput(ProcessBuilder.Redirect.from(tty.toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(tty.toFile()))
                .redirectErrorStream(false)
                .start();
        String log;
        try (var err = process.getErrorStream()) {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("chat did not finish within 60 s");
            }
            log = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new ChatRun(process.exitValue(), log);
    }

    /** {@code ./modem run} in this JVM, with the AT console on a pty; closing interrupts it. */
    private static final class RunningModem implements AutoCloseable {
        private final Thread thread;
        private final OutputWatch out;

        private RunningModem(Thread thread, OutputWatch out) {
            this.thread = thread;
            this.out = out;
        }

        static RunningModem start(Path state, Path console) throws InterruptedException {
            OutputWatch out = new OutputWatch();
            StringWriter err = new StringWriter();
            CommandLine cli = ModemCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            Thread thread = Thread.ofPlatform().name("modem-run").start(() -> cli.execute("run", "--state",
                    state.toString(), "--transparent-port", "0", "--no-customer-port", "--console-port",
                    console.toString(), "--for", "PT120S"));
            if (out.await(Pattern.compile("AT console"), Duration.ofSeconds(60), thread::isAlive).isEmpty()) {
                fail("./modem run did not start its AT console:\n" + out + err);
            }
            return new RunningModem(thread, out);
        }

        String output() {
            return out.toString();
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Finds a tool on the PATH or in /usr/sbin (where Debian puts chat); fails the test without it. */
    private static String requireTool(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        return fail(name + " is required for the AT interop test: apt-get install -y ppp");
    }
}
