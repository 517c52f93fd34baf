package io.metermodem.transparent.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.metermodem.hal.mock.VirtualScheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real connector over 127.0.0.1: callbacks arrive only as scheduler tasks.
 *
 * <p>The class {@link Timeout} is a safety net against a hang on real sockets or the wall clock,
 * not a speed assertion.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketConnectorTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();

    /**
     * Most rounds of posted tasks a test waits through: one connection posts a handful, so reaching
     * this means the condition will never hold.
     */
    private static final int MAX_ROUNDS = 1_000;

    /**
     * Runs posted tasks until {@code done} holds; waits on the scheduler, never sleeps. The rounds are
     * bounded; a wait for a task that never comes ends with the class's {@link Timeout}.
     */
    private void runUntil(BooleanSupplier done) throws InterruptedException {
        for (int round = 0; !done.getAsBoolean(); round++) {
            if (round == MAX_ROUNDS) {
                fail("still not done after " + MAX_ROUNDS + " rounds of scheduler tasks");
            }
            scheduler.awaitCondition(() -> scheduler.pendingTasks() > 0);
            scheduler.runDueTasks();
        }
    }

    private final class Recorder implements OutboundHandler {
        OutboundConnection connection;
        IOException failure;
        String closed;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();

        @Override
        public void onConnected(OutboundConnection established) {
            connection = established;
        }

        @Override
        public void onConnectFailed(IOException cause) {
            failure = cause;
        }

        @Override
        public void onData(byte[] bytes, int offset, int length) {
            data.write(bytes, offset, length);
        }

        @Override
        public void onClosed(String reason) {
            closed = reason;
        }
    }

    @Test
    @DisplayName("TR-7, TR-8: the socket connector echoes through a loopback server and reports the server's close")
    void echoAndClose() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(5_000);
            Thread.ofVirtual().start(() -> {
                try (Socket peer = server.accept()) {
                    peer.setSoTimeout(5_000);
                    byte[] buffer = new byte[4];
                    int n = peer.getInputStream().readNBytes(buffer, 0, 4);
                    peer.getOutputStream().write(buffer, 0, n);
                } catch (IOException ignored) {
                    // the test fails on its own assertions
                }
            });
            Recorder recorder = new Recorder();
            new SocketConnector(scheduler).connect(new Endpoint("127.0.0.1", server.getLocalPort()),
                    Duration.ofSeconds(5), recorder);
            runUntil(() -> recorder.connection != null || recorder.failure != null);
            assertTrue(recorder.connection.send("ping".getBytes(StandardCharsets.US_ASCII), 0, 4));

            runUntil(() -> recorder.closed != null);

            assertEquals("ping", recorder.data.toString(StandardCharsets.US_ASCII));
            assertTrue(recorder.closed.startsWith("closed by"), recorder.closed);
        }
    }

    @Test
    @DisplayName("TR-7, TR-8: a refused connection is reported as a connect failure")
    void refused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Recorder recorder = new Recorder();
        new SocketConnector(scheduler).connect(new Endpoint("127.0.0.1", port), Duration.ofSeconds(5), recorder);

        runUntil(() -> recorder.failure != null || recorder.connection != null);

        assertTrue(recorder.failure instanceof java.net.ConnectException, String.valueOf(recorder.failure));
    }
}
