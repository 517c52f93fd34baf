package io.metermodem.firmware.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.Transaction;
import io.metermodem.firmware.StateDirectory;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./modem run --remote-at-port}: the remote AT interface over TCP behind the communication password. */
// A safety net against a hang in real sockets and real time; not a speed assertion.
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RemoteAtCliTest {

    @TempDir
    Path state;

    @Test
    @DisplayName("AT-19: ./modem run --remote-at-port serves remote AT behind sec.comm_password and refuses AT+CGSN there")
    void remoteAtOverTcp() throws Exception {
        try (StateDirectory dir = StateDirectory.open(state, ParameterRegistry.wmE2s())) {
            assertEquals(0, dir.configuration().apply(Transaction.builder()
                    .set("sec.comm_password", "Remote-Pw1").build()).errorCode());
        }
        OutputWatch out = new OutputWatch();
        CommandLine cli = ModemCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        Thread run = Thread.ofPlatform().start(() -> cli.execute("run", "--state", state.toString(),
                "--transparent-port", "0", "--no-customer-port", "--remote-at-port", "0", "--for", "PT120S"));
        try {
            Pattern portLine = Pattern.compile("remote AT\\s+[^:]+:(\\d+)");
            Matcher m = out.await(portLine, Duration.ofSeconds(60), run::isAlive)
                    .orElseGet(() -> fail("no remote AT port announced:\n" + out));
            int port = Integer.parseInt(m.group(1));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                InputStream in = socket.getInputStream();
                OutputStream os = socket.getOutputStream();
                assertEquals("PASSWORD:", readUntil(in, "PASSWORD:"));
                os.write("Remote-Pw1\r\nATE0\r".getBytes(StandardCharsets.US_ASCII));
                readUntil(in, "ATE0\r\r\nOK\r\n");
                os.write("ATI\r".getBytes(StandardCharsets.US_ASCII));
                assertTrue(readUntil(in, "OK\r\n").startsWith("\r\nWM-E2S"));
                os.write("AT+CGSN\r".getBytes(StandardCharsets.US_ASCII));
                assertEquals("\r\nERROR\r\n", readUntil(in, "ERROR\r\n"));
            }
        } finally {
            run.interrupt();
            run.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private static String readUntil(InputStream in, String end) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
        }
        return sb.toString();
    }
}
