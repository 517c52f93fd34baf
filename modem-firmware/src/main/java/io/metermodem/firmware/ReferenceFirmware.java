package io.metermodem.firmware;

import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.Scheduler;
import io.metermodem.transparent.bridge.BridgeListener;
import io.metermodem.transparent.bridge.TransparentBridge;
import io.metermodem.transparent.bridge.TransparentSettings;
import io.metermodem.transparent.bridge.tcp.TcpTransparentServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The main job of the modem, running: a head-end connects to the transparent TCP ports and reads
 * the meter on the meter port (TR-1..TR-5, TR-11). It is the same code on a mock board in virtual
 * time (driven in real time by a pacer) and on a real serial device with a real-time scheduler.
 *
 * <p>The scheduler must already be running (a real-time scheduler, or a virtual one with a pacer):
 * {@link #start} hands the bridge's start to it and waits.
 */
public final class ReferenceFirmware implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Scheduler scheduler;
    private final TransparentBridge bridge;
    private final TcpTransparentServer server;

    private ReferenceFirmware(Scheduler scheduler, TransparentBridge bridge, TcpTransparentServer server) {
        this.scheduler = scheduler;
        this.bridge = bridge;
        this.server = server;
    }

    /**
     * Opens the meter port, starts the bridge and listens on the transparent ports.
     *
     * @param scheduler the modem's running scheduler
     * @param meterPort the meter line (closed or open)
     * @param settings  ports, data format and meter baud
     * @param listener  bridge events (for LEDs and logs)
     * @return the running firmware
     * @throws IOException if the meter port or a listening port cannot be opened
     */
    public static ReferenceFirmware start(Scheduler scheduler, SerialPort meterPort, TransparentSettings settings,
                                          BridgeListener listener) throws IOException {
        Objects.requireNonNull(scheduler, "scheduler");
        TransparentBridge bridge = new TransparentBridge(scheduler, meterPort, settings, listener);
        onScheduler(scheduler, () -> {
            bridge.start();
            return null;
        });
        TcpTransparentServer server = new TcpTransparentServer(scheduler, bridge);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            closeBridge(scheduler, bridge);
            throw e;
        }
        return new ReferenceFirmware(scheduler, bridge, server);
    }

    /** @return the bound primary (utility) transparent port */
    public int primaryPort() {
        return server.primaryPort();
    }

    /** @return the bound secondary (customer) port, if configured */
    public OptionalInt secondaryPort() {
        return server.secondaryPort();
    }

    /** @return the bridge, for statistics (call its methods on the scheduler) */
    public TransparentBridge bridge() {
        return bridge;
    }

    /** Stops listening, ends all sessions and releases the meter port. */
    @Override
    public void close() {
        server.close();
        closeBridge(scheduler, bridge);
    }

    private static void closeBridge(Scheduler scheduler, TransparentBridge bridge) {
        try {
            onScheduler(scheduler, () -> {
                bridge.close();
                return null;
            });
        } catch (IOException e) {
            // The scheduler is gone or stuck; nothing more can be released through it.
        }
    }

    /** Runs {@code task} on the scheduler thread and waits for it. */
    private static <T> T onScheduler(Scheduler scheduler, IoTask<T> task) throws IOException {
        CompletableFuture<T> result = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                result.complete(task.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the modem scheduler");
        } catch (TimeoutException e) {
            throw new IOException("the modem scheduler did not run the task within " + START_TIMEOUT
                    + ": is it running (a virtual scheduler needs its pacer)?", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    @FunctionalInterface
    private interface IoTask<T> {
        T run() throws IOException;
    }
}
