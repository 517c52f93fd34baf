package io.metermodem.transparent.fakes;

import io.metermodem.hal.time.Scheduler;
import io.metermodem.transparent.outbound.Endpoint;
import io.metermodem.transparent.outbound.OutboundConnection;
import io.metermodem.transparent.outbound.OutboundConnector;
import io.metermodem.transparent.outbound.OutboundHandler;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An in-memory {@link OutboundConnector} in virtual time: each attempt is recorded, and resolved by
 * the script (queued outcomes) or by the test. Callbacks are posted to the scheduler, like the real one.
 */
public final class FakeConnector implements OutboundConnector {

    /** What the next attempt does when the test scripted it. */
    public enum Outcome { ACCEPT, REFUSE, PENDING }

    private final Scheduler scheduler;
    private final Deque<Outcome> script = new ArrayDeque<>();
    private Outcome otherwise = Outcome.ACCEPT;
    public final List<Attempt> attempts = new ArrayList<>();

    public FakeConnector(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** @return this; the next attempts do these, in order */
    public FakeConnector then(Outcome... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    /** @return this; attempts beyond the script do this */
    public FakeConnector otherwise(Outcome outcome) {
        otherwise = outcome;
        return this;
    }

    @Override
    public void connect(Endpoint endpoint, Duration timeout, OutboundHandler handler) {
        Attempt attempt = new Attempt(endpoint, handler, scheduler.nanoTime());
        attempts.add(attempt);
        Outcome outcome = script.isEmpty() ? otherwise : script.poll();
        switch (outcome) {
            case ACCEPT -> attempt.accept();
            case REFUSE -> attempt.refuse();
            case PENDING -> { }
        }
    }

    public Attempt last() {
        return attempts.get(attempts.size() - 1);
    }

    /** One connection attempt. */
    public final class Attempt {
        public final Endpoint endpoint;
        public final long atNanos;
        private final OutboundHandler handler;
        public Connection connection;

        Attempt(Endpoint endpoint, OutboundHandler handler, long atNanos) {
            this.endpoint = endpoint;
            this.handler = handler;
            this.atNanos = atNanos;
        }

        public Connection accept() {
            connection = new Connection(this);
            Connection established = connection;
            scheduler.execute(() -> handler.onConnected(established));
            return established;
        }

        public void refuse() {
            scheduler.execute(() -> handler.onConnectFailed(new ConnectException("Connection refused")));
        }
    }

    /** The server's view of an accepted connection. */
    public final class Connection implements OutboundConnection {
        private final Attempt attempt;
        public final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        public String closedReason;
        private boolean closing;

        Connection(Attempt attempt) {
            this.attempt = attempt;
        }

        @Override
        public String describe() {
            return "fake -> " + attempt.endpoint;
        }

        @Override
        public boolean send(byte[] data, int offset, int length) {
            if (closing) {
                return false;
            }
            sent.write(data, offset, length);
            return true;
        }

        @Override
        public void close(String reason) {
            if (!closing) {
                closing = true;
                scheduler.execute(() -> {
                    closedReason = reason;
                    attempt.handler.onClosed(reason);
                });
            }
        }

        /** The server sends text to the modem. */
        public void serverSends(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            scheduler.execute(() -> {
                if (!closing) {
                    attempt.handler.onData(bytes, 0, bytes.length);
                }
            });
        }

        /** The server closes (or the network drops) the connection. */
        public void serverCloses(String reason) {
            close(reason);
        }

        public String sentText() {
            return sent.toString(StandardCharsets.ISO_8859_1);
        }

        public boolean isClosed() {
            return closedReason != null;
        }
    }

}
