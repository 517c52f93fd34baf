package io.metermodem.transparent.interop;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.serial.LineSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link HesByteChannel} on a {@link MockSerialPort} that drives virtual time itself: a read
 * advances the {@link VirtualScheduler} in small steps on the calling thread until bytes arrive or
 * the timeout has passed in virtual time. One thread runs client, wire and meter, so a baseline
 * test is deterministic and needs no pacer.
 *
 * <p>The port must have no listener (its bytes are read from the receive buffer). The step should
 * be about one character time: smaller costs scheduler work, larger delays the client's reactions.
 */
public final class PumpedSerialChannel implements HesByteChannel {

    private static final byte[] NONE = new byte[0];

    private final MockSerialPort port;
    private final VirtualScheduler scheduler;
    private final Duration step;

    /**
     * @param port      an open port without a listener
     * @param scheduler the wire's scheduler, advanced only by this channel while it reads
     * @param step      how far each pump advances virtual time (1 ms suits 9600 baud)
     */
    public PumpedSerialChannel(MockSerialPort port, VirtualScheduler scheduler, Duration step) {
        this.port = Objects.requireNonNull(port, "port");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.step = Objects.requireNonNull(step, "step");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
    }

    /** @return the port this channel drives */
    public MockSerialPort port() {
        return port;
    }

    @Override
    public void write(byte[] data) throws IOException {
        port.write(data, 0, data.length);
    }

    @Override
    public byte[] read(Duration timeout) throws IOException {
        long deadline = scheduler.nanoTime() + timeout.toNanos();
        while (true) {
            if (!port.isOpen()) {
                throw new IOException("serial port '" + port.name() + "' is closed");
            }
            byte[] got = port.readAvailable();
            if (got.length > 0) {
                return got;
            }
            long now = scheduler.nanoTime();
            if (now >= deadline) {
                return NONE;
            }
            scheduler.advanceTo(Math.min(deadline, now + step.toNanos()));
        }
    }

    @Override
    public long nanoTime() {
        return scheduler.nanoTime();
    }

    @Override
    public void followLineChange(LineSettings settings) throws IOException {
        // what is still queued must leave at the old settings, as a UART drains before a rate change
        long frame = port.settings().frameNanos();
        while (port.transmitQueueLength() > 0) {
            scheduler.advance(Duration.ofNanos(frame));
        }
        port.reconfigure(settings);
    }

    @Override
    public void close() {
        port.close();
    }
}
