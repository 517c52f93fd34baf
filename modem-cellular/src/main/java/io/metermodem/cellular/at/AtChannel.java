package io.metermodem.cellular.at;

import io.metermodem.hal.serial.LineError;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AT client on a serial port and a scheduler (HAL-7): puts an {@link AtClientCore} on I/O.
 * Commands wait in a bounded queue and go out one at a time; responses complete the returned
 * stages (a timeout is a result, {@link AtResult.Timeout}, not a failure); everything else goes to
 * the {@link AtChannelListener}. Commands queued while the client resynchronises wait for it; when
 * it asks for a module reset they complete with {@link AtResult.Timeout}.
 *
 * <p>Threading: all work runs in scheduler tasks (received bytes are copied and handed over, never
 * handled inside the port's callback, so the driver never writes from inside the port). Public
 * methods may be called from any thread. The stages complete on the scheduler's thread.
 */
public final class AtChannel implements AutoCloseable {

    /** Most commands waiting behind the one in flight. */
    public static final int QUEUE_CAPACITY = 64;
    /** Most received bytes waiting to be handed to the core; more are counted as an overflow. */
    public static final int INBOX_CAPACITY = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(AtChannel.class);

    private record Queued(AtCommand command, CompletableFuture<AtResponse> result) {
    }

    private final SerialPort port;
    private final Scheduler scheduler;
    private final AtClientCore core;
    private final AtChannelListener listener;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private Queued inFlight;
    private ScheduledTask timer;
    private long timerDue;
    private volatile boolean closed;

    private final Object inboxLock = new Object();
    private byte[] inbox = new byte[256];
    private int inboxSize;
    private int inboxDropped;
    private boolean drainScheduled;
    private volatile byte[] resetCommand = "AT+CFUN=1,1\r".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param port      the module's UART, already open
     * @param scheduler runs all work
     * @param settings  client tuning
     * @param urcs      the dialect's unsolicited codes
     * @param listener  hears URCs, data and recovery
     */
    public AtChannel(SerialPort port, Scheduler scheduler, AtClientSettings settings, UrcTable urcs,
                     AtChannelListener listener) {
        this.port = Objects.requireNonNull(port, "port");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.core = new AtClientCore(settings, urcs);
        this.listener = Objects.requireNonNull(listener, "listener");
        port.setListener(new SerialListener() {
            @Override
            public void onData(byte[] data, int offset, int length) {
                accept(data, offset, length);
            }

            @Override
            public void onLineError(LineError error) {
                // the damaged character was delivered as is; the line parser copes with garbage
            }
        });
    }

    /** @return the bytes sent blind when a reset is needed ({@code AT+CFUN=1,1} CR by default) */
    public byte[] resetCommand() {
        return resetCommand.clone();
    }

    /** @param bytes what to send blind when a reset is needed, such as a dialect's own reset command */
    public void setResetCommand(byte[] bytes) {
        this.resetCommand = bytes.clone();
    }

    /**
     * Queues a command.
     *
     * @param command the command
     * @return completes with the response (possibly a timeout); fails with {@link IOException} when
     *         the queue is full, the channel is closed or the port fails
     */
    public CompletionStage<AtResponse> send(AtCommand command) {
        Objects.requireNonNull(command, "command");
        CompletableFuture<AtResponse> result = new CompletableFuture<>();
        scheduler.execute(() -> {
            if (closed) {
                result.completeExceptionally(new IOException("AT channel closed"));
            } else if (queue.size() >= QUEUE_CAPACITY) {
                result.completeExceptionally(new IOException("AT command queue full (" + QUEUE_CAPACITY + ")"));
            } else {
                queue.add(new Queued(command, result));
                pump();
            }
        });
        return result;
    }

    /**
     * Sends data in online data mode.
     *
     * @param bytes the data
     */
    public void sendData(byte[] bytes) {
        byte[] copy = bytes.clone();
        scheduler.execute(() -> {
            if (core.state() == AtClientState.DATA) {
                core.transmitData(copy);
                pump();
            } else {
                LOG.debug("{}: {} data bytes dropped outside online data mode", port.name(), copy.length);
            }
        });
    }

    /** @return the core's state (read on the scheduler's thread for a stable answer) */
    public AtClientState state() {
        return core.state();
    }

    @Override
    public void close() {
        scheduler.execute(() -> {
            closed = true;
            port.setListener(null);
            if (timer != null) {
                timer.cancel();
            }
            IOException e = new IOException("AT channel closed");
            if (inFlight != null) {
                inFlight.result.completeExceptionally(e);
                inFlight = null;
            }
            queue.forEach(q -> q.result.completeExceptionally(e));
            queue.clear();
        });
    }

    private void accept(byte[] data, int offset, int length) {
        synchronized (inboxLock) {
            int room = INBOX_CAPACITY - inboxSize;
            int take = Math.min(room, length);
            if (inboxSize + take > inbox.length) {
                inbox = java.util.Arrays.copyOf(inbox, Math.min(INBOX_CAPACITY, Math.max(inbox.length * 2, inboxSize + take)));
            }
            System.arraycopy(data, offset, inbox, inboxSize, take);
            inboxSize += take;
            inboxDropped += length - take;
            if (!drainScheduled) {
                drainScheduled = true;
                scheduler.execute(this::drainInbox);
            }
        }
    }

    private void drainInbox() {
        byte[] bytes;
        int dropped;
        synchronized (inboxLock) {
            bytes = java.util.Arrays.copyOf(inbox, inboxSize);
            dropped = inboxDropped;
            inboxSize = 0;
            inboxDropped = 0;
            drainScheduled = false;
        }
        if (closed) {
            return;
        }
        if (dropped > 0) {
            listener.onLineOverflow(dropped);
        }
        core.receive(bytes, 0, bytes.length, scheduler.nanoTime());
        pump();
    }

    private void onTimer() {
        timer = null;
        if (closed) {
            return;
        }
        core.advanceTime(scheduler.nanoTime());
        pump();
    }

    /** Moves events out of the core, starts the next command, re-arms the timer. */
    private void pump() {
        while (true) {
            AtEvent event;
            while ((event = core.poll()) != null) {
                handle(event);
            }
            boolean canStart = core.isReady()
                    || (core.state() == AtClientState.DATA && !queue.isEmpty() && queue.peek().command.raw());
            if (closed || inFlight != null || queue.isEmpty() || !canStart) {
                break;
            }
            inFlight = queue.poll();
            core.submit(inFlight.command, scheduler.nanoTime());
        }
        armTimer();
    }

    private void handle(AtEvent event) {
        try {
            switch (event) {
                case AtEvent.Transmit t -> write(t.bytes());
                case AtEvent.Completed c -> {
                    Queued done = inFlight;
                    inFlight = null;
                    if (done != null) {
                        done.result.complete(c.response());
                    }
                }
                case AtEvent.Unsolicited u -> listener.onUnsolicited(u.urc());
                case AtEvent.Data d -> listener.onData(d.bytes());
                case AtEvent.DataModeEnded e -> listener.onDataModeEnded();
                case AtEvent.LineOverflow o -> listener.onLineOverflow(o.droppedBytes());
                case AtEvent.Discarded d -> LOG.debug("{}: discarded '{}'", port.name(), d.line());
                case AtEvent.ResyncStarted r -> LOG.debug("{}: resynchronising, attempt {}", port.name(), r.attempt());
                case AtEvent.ResyncDone r -> listener.onResynchronised();
                case AtEvent.ResetRequested r -> {
                    LOG.warn("{}: module does not answer, resetting it ({} in a row)", port.name(), r.resets());
                    write(resetCommand);
                    // the module is being reset: what waits for it would wait for a boot; it times out now
                    Queued q;
                    while ((q = queue.poll()) != null) {
                        q.result.complete(new AtResponse(q.command, java.util.List.of(), new AtResult.Timeout()));
                    }
                    listener.onResetRequested(r.resets());
                }
            }
        } catch (RuntimeException e) {
            // a listener's failure must not stop the channel
            LOG.warn("{}: listener failed on {}", port.name(), event.getClass().getSimpleName(), e);
        }
    }

    private void write(byte[] bytes) {
        try {
            port.write(bytes);
        } catch (IOException e) {
            LOG.warn("{}: write failed: {}", port.name(), e.getMessage());
        }
    }

    private void armTimer() {
        OptionalLong due = core.nextDeadline();
        if (due.isEmpty() || closed) {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
            return;
        }
        if (timer != null && timerDue == due.getAsLong()) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        timerDue = due.getAsLong();
        timer = scheduler.scheduleAt(timerDue, this::onTimer);
    }
}
