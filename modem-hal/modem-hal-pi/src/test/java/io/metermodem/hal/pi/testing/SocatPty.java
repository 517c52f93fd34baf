package io.metermodem.hal.pi.testing;

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

/**
 * A pair of connected pseudo-terminals made by socat, standing in for a null-modem cable between
 * two UARTs. Shared with other modules' tests through this module's test jar. socat is required:
 * without it the test fails with the command that installs it (a skipped test hides a gap).
 */
public final class SocatPty implements AutoCloseable {

    private final Process process;
    private final Path a;
    private final Path b;

    private SocatPty(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    /**
     * Starts socat and waits until both ends exist.
     *
     * @param dir where the two links are made ({@code a} and {@code b})
     * @return the running pair
     * @throws IOException          when socat cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    public static SocatPty start(Path dir) throws IOException, InterruptedException {
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

    /** @return the first end */
    public Path a() {
        return a;
    }

    /** @return the second end */
    public Path b() {
        return b;
    }

    /** Fails the calling test when socat is not on the PATH. */
    public static void requireSocat() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return;
            }
        }
        fail("socat is required for the serial tests: install it (apt-get install -y socat)");
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
