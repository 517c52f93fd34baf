package io.metermodem.transparent.push;

import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import io.metermodem.transparent.bridge.Channel;
import io.metermodem.transparent.bridge.HesLinkListener;
import io.metermodem.transparent.bridge.LinkAcceptor;
import io.metermodem.transparent.outbound.OutboundConnection;
import io.metermodem.transparent.outbound.OutboundConnector;
import io.metermodem.transparent.outbound.OutboundHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push readouts (TR-7): at the configured interval and whenever {@link #trigger} is called (meter
 * cover removed, an SMS from the centre), the modem opens a TCP connection to the head-end and
 * attaches it to the bridge on {@link Channel#PUSH}, so the head-end reads the meter as if it had
 * called in. The manual (2.6): "the modem is connected to the mobile data network only during the
 * time of the data transmission" — with {@link PushSettings#packetData()} set, packet data is
 * activated before and deactivated after each push.
 *
 * <h2>Life of a push</h2>
 * trigger → packet data up → connect (retried by {@link PushSettings#retry()}) → attached to the
 * bridge → ends when the head-end or the bridge closes the connection, after
 * {@link PushSettings#idleTimeout()} without traffic, or at {@link PushSettings#maxDuration()} →
 * packet data down → {@link PushListener#onPushFinished}. One push at a time: a trigger during a push
 * is merged into it (coalesced) and logged, as the running push reads the meter anyway.
 *
 * <pre>{@code
 * PushClient push = new PushClient(scheduler, board.cellularModule(), new SocketConnector(scheduler),
 *         bridge, settings, new PushListener() {});
 * push.start();                                 // interval pushes
 * push.trigger(PushTrigger.METER_COVER_REMOVED); // an event push
 * }</pre>
 *
 * <p>Threading: call every method on the modem's {@link Scheduler}; all reactions run there.
 */
public final class PushClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushClient.class);

    private final Scheduler scheduler;
    private final CellularModule module;
    private final OutboundConnector connector;
    private final LinkAcceptor acceptor;
    private final PushSettings settings;
    private final PushListener events;

    private ScheduledTask intervalTask;
    private Push current;
    private long pushes;
    private long coalesced;

    /**
     * @param scheduler the modem's scheduler
     * @param module    brings packet data up and down
     * @param connector opens the connection to the head-end
     * @param acceptor  the bridge
     * @param settings  where, when and how long
     * @param events    hears the pushes
     */
    public PushClient(Scheduler scheduler, CellularModule module, OutboundConnector connector,
                      LinkAcceptor acceptor, PushSettings settings, PushListener events) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.module = Objects.requireNonNull(module, "module");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * Starts interval pushes, if an interval is configured: the first after one interval, or at the
     * next multiple of the interval on the wall clock when aligned. Harmless when started already.
     */
    public void start() {
        if (intervalTask != null || settings.interval().isZero()) {
            return;
        }
        Duration first = settings.aligned() ? untilNextBoundary(scheduler.instant(), settings.interval()) : settings.interval();
        LOG.info("push: every {} to {}{}, first in {}", settings.interval(), settings.hes(),
                settings.aligned() ? " (on the clock)" : "", first);
        intervalTask = scheduler.scheduleAtFixedRate(first, settings.interval(), () -> trigger(PushTrigger.INTERVAL));
    }

    /**
     * Starts a push now, unless one runs: then the trigger is merged into it.
     *
     * @param reason why
     * @return {@code true} if a push started, {@code false} if the trigger was coalesced
     */
    public boolean trigger(PushTrigger reason) {
        Objects.requireNonNull(reason, "reason");
        if (current != null) {
            current.coalesced++;
            coalesced++;
            LOG.info("push: {} trigger coalesced into the running {} push ({})", reason, current.trigger, current.phase);
            events.onTriggerCoalesced(reason);
            return false;
        }
        Push push = new Push(reason, scheduler.nanoTime());
        current = push;
        pushes++;
        LOG.info("push #{} ({}) to {}", pushes, reason, settings.hes());
        events.onPushStarted(reason);
        setUp(push);
        return true;
    }

    /** @return whether a push runs (from trigger to the release of packet data) */
    public boolean isPushing() {
        return current != null;
    }

    /** @return pushes started since construction */
    public long pushesStarted() {
        return pushes;
    }

    /** @return triggers merged into a running push since construction */
    public long triggersCoalesced() {
        return coalesced;
    }

    /** Stops interval pushes and ends a running push ({@link PushOutcome#STOPPED}). */
    @Override
    public void close() {
        if (intervalTask != null) {
            intervalTask.cancel();
            intervalTask = null;
        }
        Push push = current;
        if (push == null) {
            return;
        }
        if (push.connection != null) {
            push.outcome = PushOutcome.STOPPED;
            push.connection.close("push client stopped");
        } else {
            push.cancelTimers();
            release(push, PushOutcome.STOPPED);
        }
    }

    /** Delay from {@code now} to the next multiple of {@code interval} since the Unix epoch, UTC. */
    static Duration untilNextBoundary(Instant now, Duration interval) {
        long sinceEpoch = Duration.between(Instant.EPOCH, now).toNanos();
        long period = interval.toNanos();
        return Duration.ofNanos(period - Math.floorMod(sinceEpoch, period));
    }

    private void setUp(Push push) {
        if (settings.packetData().isPresent() && !push.packetDataUp) {
            push.phase = "activating packet data";
            module.activatePacketData(settings.packetData().get()).whenComplete((ip, failure) -> scheduler.execute(() -> {
                if (push != current || push.released) {
                    return;
                }
                if (failure != null) {
                    failed(push, "packet data activation failed: " + unwrap(failure).getMessage());
                } else {
                    push.packetDataUp = true;
                    LOG.debug("push: packet data up, address {}", ip);
                    connect(push);
                }
            }));
        } else {
            connect(push);
        }
    }

    private void connect(Push push) {
        push.phase = "connecting";
        push.attempts++;
        LOG.debug("push: connecting to {} (attempt {})", settings.hes(), push.attempts);
        connector.connect(settings.hes(), settings.connectTimeout(), push);
    }

    private void failed(Push push, String why) {
        push.failures++;
        push.lastError = why;
        if (settings.retry().allowsAnotherAfter(push.failures)) {
            Duration delay = settings.retry().delayAfter(push.failures);
            LOG.warn("push: {} (failure {} of at most {}); retrying in {}", why, push.failures,
                    settings.retry().maxAttempts(), delay);
            push.phase = "waiting to retry";
            push.retryTask = scheduler.schedule(delay, () -> {
                if (push == current && !push.released) {
                    setUp(push);
                }
            });
        } else {
            LOG.warn("push: {}; giving up after {} failures", why, push.failures);
            release(push, PushOutcome.GAVE_UP);
        }
    }

    private void release(Push push, PushOutcome outcome) {
        if (push.released) {
            return;
        }
        push.released = true;
        push.phase = "releasing packet data";
        if (settings.packetData().isPresent()) {
            // Deactivate even after a failed activation: the module may hold a half-open context.
            module.deactivatePacketData().whenComplete((ignored, failure) -> scheduler.execute(() -> {
                if (failure != null) {
                    LOG.warn("push: packet data deactivation failed: {}", unwrap(failure).getMessage());
                }
                finished(push, outcome);
            }));
        } else {
            finished(push, outcome);
        }
    }

    private void finished(Push push, PushOutcome outcome) {
        if (current == push) {
            current = null;
        }
        PushReport report = new PushReport(push.trigger, outcome, push.attempts,
                Duration.ofNanos(scheduler.nanoTime() - push.startNanos), push.coalesced, push.lastError);
        LOG.info("push: finished {}", report);
        events.onPushFinished(report);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** One push: its state, and the handler of its connection attempts. */
    private final class Push implements OutboundHandler {
        private final PushTrigger trigger;
        private final long startNanos;
        private String phase = "starting";
        private int attempts;
        private int failures;
        private int coalesced;
        private String lastError = "";
        private boolean packetDataUp;
        private boolean released;
        private ScheduledTask retryTask;
        private ScheduledTask idleTask;
        private ScheduledTask maxTask;
        private OutboundConnection connection;
        private HesLinkListener bridge;
        private long lastActivityNanos;
        private PushOutcome outcome = PushOutcome.COMPLETED;

        Push(PushTrigger trigger, long startNanos) {
            this.trigger = trigger;
            this.startNanos = startNanos;
        }

        @Override
        public void onConnected(OutboundConnection established) {
            if (this != current || released) {
                established.close("push no longer wanted");
                return;
            }
            phase = "connected";
            connection = established;
            lastActivityNanos = scheduler.nanoTime();
            LOG.info("push: connected {}, attached to the bridge", established.describe());
            bridge = acceptor.attach(new ActivityLink(this, established), Channel.PUSH);
            idleTask = scheduler.schedule(settings.idleTimeout(), this::checkIdle);
            maxTask = scheduler.schedule(settings.maxDuration(), () -> closeBy(PushOutcome.MAX_DURATION,
                    "push reached its maximum duration " + settings.maxDuration()));
            events.onPushConnected(established.describe());
        }

        @Override
        public void onConnectFailed(IOException cause) {
            if (this == current && !released) {
                failed(this, "connecting to " + settings.hes() + " failed: " + cause.getMessage());
            }
        }

        @Override
        public void onData(byte[] data, int offset, int length) {
            if (bridge != null && !released) {
                lastActivityNanos = scheduler.nanoTime();
                bridge.onData(data, offset, length);
            }
        }

        @Override
        public void onClosed(String reason) {
            if (bridge == null || released) {
                return;
            }
            LOG.info("push: connection {} closed: {}", connection.describe(), reason);
            cancelTimers();
            bridge.onClosed(reason);
            release(this, outcome);
        }

        void touched() {
            lastActivityNanos = scheduler.nanoTime();
        }

        private void checkIdle() {
            long idleUntil = lastActivityNanos + settings.idleTimeout().toNanos();
            if (scheduler.nanoTime() >= idleUntil) {
                closeBy(PushOutcome.IDLE_TIMEOUT, "no traffic for " + settings.idleTimeout());
            } else {
                idleTask = scheduler.scheduleAt(idleUntil, this::checkIdle);
            }
        }

        private void closeBy(PushOutcome why, String reason) {
            if (released || connection == null) {
                return;
            }
            outcome = why;
            LOG.info("push: closing {}: {}", connection.describe(), reason);
            connection.close(reason);
        }

        void cancelTimers() {
            for (ScheduledTask task : new ScheduledTask[] {retryTask, idleTask, maxTask}) {
                if (task != null) {
                    task.cancel();
                }
            }
        }
    }

    /** The connection as the bridge sees it: sends count as activity for the idle timeout. */
    private record ActivityLink(Push push, OutboundConnection connection) implements io.metermodem.transparent.bridge.HesLink {
        @Override
        public String describe() {
            return "push " + connection.describe();
        }

        @Override
        public boolean send(byte[] data, int offset, int length) {
            push.touched();
            return connection.send(data, offset, length);
        }

        @Override
        public void close(String reason) {
            connection.close(reason);
        }
    }
}
