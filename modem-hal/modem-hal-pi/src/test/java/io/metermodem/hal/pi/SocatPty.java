package io.metermodem.hal.pi;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A pair of connected pseudo-terminals made by socat, standing in for a null-modem cable between
 * two UARTs. socat is required: missing in CI it fails the test, elsewhere it skips with a hint.
 */
final class SocatPty implements AutoCloseable {

    private final Process process;
    final Path a;
    final Path b;

    private SocatPty(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    static SocatPty start(Path dir) throws IOException, InterruptedException {
        requireSocat();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Process process = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        // socat announces each end with a "PTY is /dev/pts/N" line on stderr; keep draining it so
        // socat never blocks on a full pipe.
        BlockingQueue<String> ptyLines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().name("socat-stderr").start(() -> {
            try (BufferedReader err = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    if (line.contains("PTY is")) {
                        ptyLines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // socat ended
            }
        });
        for (int i = 0; i < 2; i++) {
            if (ptyLines.poll(10, TimeUnit.SECONDS) == null) {
                process.destroyForcibly();
                fail("socat did not create its pseudo-terminals within 10 s");
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                fail("socat links " + a + " and " + b + " did not appear");
            }
            Thread.onSpinWait();
        }
        return new SocatPty(process, a, b);
    }

    static void requireSocat() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return;
            }
        }
        if (System.getenv("CI") != null) {
            fail("socat is required for the serial tests in CI: install it (apt-get install -y socat)");
        }
        Assumptions.abort("socat not found: install socat (apt-get install -y socat) to run the serial tests");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
