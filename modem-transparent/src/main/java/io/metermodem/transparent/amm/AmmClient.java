package io.metermodem.transparent.amm;

import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.cellular.ModuleIdentity;
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
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMM/EI client (TR-8): the modem opens "the transparent output TCP channel from the modem to
 * the EI server" (manual, LED table), logs in, and hands the channel to the bridge on
 * {@link Channel#AMM}, so the EI server reads the meter through it. The connection is kept: after a
 * failed attempt, a refused or timed-out login, or the loss of the channel, the client reconnects
 * after the delays of {@link AmmSettings#reconnect()} (bounded exponential backoff, reset by a
 * successful login), and gives up ({@link AmmState#CLOSED}) after its maximum of failures in a row.
 *
 * <p>States ({@link AmmState}) reach the {@link AmmStateListener} for LED-10. The password is never
 * logged: log lines and state details show {@code ****}, and the login frame itself is not logged.
 *
 * <pre>{@code
 * AmmClient amm = new AmmClient(scheduler, board.cellularModule(), new SocketConnector(scheduler),
 *         bridge, AmmSettings.to(new Endpoint("ei.example.net", 6000), "s3cret"),
 *         (state, detail) -> ammLed.show(state));
 * amm.start();
 * }</pre>
 *
 * <p>Packet data is not managed here: the AMM channel is permanent, so the firmware keeps packet data
 * up while the client runs. Threading: call every method on the modem's {@link Scheduler}.
 */
public final class AmmClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmmClient.class);

    private final Scheduler scheduler;
    private final CellularModule module;
    private final OutboundConnector connector;
    private final LinkAcceptor acceptor;
    private final AmmSettings settings;
    private final AmmStateListener listener;

    private AmmState state = AmmState.IDLE;
    private Session session;
    private ScheduledTask reconnectTask;
    private int failures;
    private long logins;

    /**
     * @param scheduler the modem's scheduler
     * @param module    gives the IMEI and IMSI for the login
     * @param connector opens the connection to the EI server
     * @param acceptor  the bridge
     * @param settings  server, password, login protocol, timeouts, reconnect policy
     * @param listener  hears state changes (LED-10)
     */
    public AmmClient(Scheduler scheduler, CellularModule module, OutboundConnector connector, LinkAcceptor acceptor,
                     AmmSettings settings, AmmStateListener listener) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.module = Objects.requireNonNull(module, "module");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts connecting. Harmless unless {@link AmmState#IDLE} or given up ({@link AmmState#CLOSED} without a pending reconnect). */
    public void start() {
        if (state == AmmState.IDLE || (state == AmmState.CLOSED && reconnectTask == null && session == null)) {
            failures = 0;
            LOG.info("AMM: starting client for {}", settings);
            connect();
        }
    }

    /** Stops: closes the channel, cancels reconnects, state {@link AmmState#IDLE}. */
    @Override
    public void close() {
        cancelReconnect();
        Session ending = session;
        session = null;
        if (ending != null) {
            ending.stop("AMM client stopped");
        }
        setState(AmmState.IDLE, "stopped");
    }

    /** @return the current state */
    public AmmState state() {
        return state;
    }

    /** @return failed attempts in a row (reset by a successful login) */
    public int consecutiveFailures() {
        return failures;
    }

    /** @return successful logins since construction */
    public long logins() {
        return logins;
    }

    private void connect() {
        reconnectTask = null;
        Session attempt = new Session();
        session = attempt;
        setState(AmmState.CONNECTING, "connecting to " + settings.server());
        connector.connect(settings.server(), settings.connectTimeout(), attempt);
    }

    private void failed(Session failedSession, String why) {
        if (session != failedSession) {
            return;
        }
        session = null;
        failures++;
        if (settings.reconnect().allowsAnotherAfter(failures)) {
            Duration delay = settings.reconnect().delayAfter(failures);
            LOG.warn("AMM: {}; reconnecting in {} (failure {} of at most {})", why, delay, failures,
                    settings.reconnect().maxAttempts());
            setState(AmmState.CLOSED, why + "; reconnecting in " + delay);
            reconnectTask = scheduler.schedule(delay, this::connect);
        } else {
            LOG.error("AMM: {}; giving up after {} failures in a row", why, failures);
            setState(AmmState.CLOSED, why + "; gave up after " + failures + " failures");
        }
    }

    private void cancelReconnect() {
        if (reconnectTask != null) {
            reconnectTask.cancel();
            reconnectTask = null;
        }
    }

    private void setState(AmmState next, String detail) {
        if (next != state || next == AmmState.CLOSED) {
            state = next;
            LOG.debug("AMM: state {} ({})", next, detail);
            listener.onStateChanged(next, detail);
        }
    }

    /** One connection attempt and, once logged in, the channel. */
    private final class Session implements OutboundHandler {
        private OutboundConnection connection;
        private byte[] reply = new byte[0];
        private int replyLength;
        private ScheduledTask loginTimer;
        private HesLinkListener bridge;
        private String failure;
        private boolean stopped;

        @Override
        public void onConnected(OutboundConnection established) {
            if (session != this) {
                established.close("AMM attempt no longer wanted");
                return;
            }
            connection = established;
            ModuleIdentity identity = module.identity();
            AmmCredentials credentials = new AmmCredentials(identity.imei(), identity.imsi().orElse(""), settings.password());
            byte[] frame = settings.protocol().loginFrame(credentials);
            setState(AmmState.LOGGING_IN, "logging in on " + established.describe());
            // The frame carries the password: only its length is logged.
            LOG.info("AMM: connected {}, sending login ({} bytes) as {}", established.describe(), frame.length, credentials);
            reply = new byte[settings.protocol().maxReplyLength()];
            loginTimer = scheduler.schedule(settings.loginTimeout(),
                    () -> refuse("no login reply within " + settings.loginTimeout()));
            if (!established.send(frame, 0, frame.length)) {
                refuse("the login frame could not be queued");
            }
        }

        @Override
        public void onConnectFailed(IOException cause) {
            failed(this, "connecting to " + settings.server() + " failed: " + cause.getMessage());
        }

        @Override
        public void onData(byte[] data, int offset, int length) {
            if (session != this || failure != null) {
                return;
            }
            if (bridge != null) {
                bridge.onData(data, offset, length);
                return;
            }
            int room = reply.length - replyLength;
            int taken = Math.min(room, length);
            System.arraycopy(data, offset, reply, replyLength, taken);
            replyLength += taken;
            LoginReply verdict = settings.protocol().judge(reply, replyLength);
            switch (verdict) {
                case LoginReply.Accepted accepted -> loggedIn(accepted.consumed(), data, offset + taken, length - taken);
                case LoginReply.Refused refused -> refuse("login refused: " + refused.reason());
                case LoginReply.Incomplete ignored -> {
                    if (replyLength >= reply.length) {
                        refuse("login reply longer than " + reply.length + " bytes without a verdict");
                    }
                }
            }
        }

        private void loggedIn(int consumed, byte[] rest, int restOffset, int restLength) {
            loginTimer.cancel();
            failures = 0;
            logins++;
            LOG.info("AMM: logged in to {}; channel attached to the bridge", settings.server());
            bridge = acceptor.attach(connection, Channel.AMM);
            setState(AmmState.CONNECTED, "logged in on " + connection.describe());
            // Bytes after the acceptance already belong to the EI server's meter session.
            byte[] early = Arrays.copyOfRange(reply, Math.min(consumed, replyLength), replyLength);
            reply = null;
            if (early.length > 0) {
                bridge.onData(early, 0, early.length);
            }
            if (restLength > 0 && session == this) {
                bridge.onData(rest, restOffset, restLength);
            }
        }

        private void refuse(String why) {
            if (session != this || failure != null || bridge != null) {
                return;
            }
            failure = why;
            LOG.warn("AMM: {}", why);
            connection.close(why);
        }

        void stop(String why) {
            stopped = true;
            if (loginTimer != null) {
                loginTimer.cancel();
            }
            if (connection != null) {
                connection.close(why);
            }
        }

        @Override
        public void onClosed(String reason) {
            if (loginTimer != null) {
                loginTimer.cancel();
            }
            if (bridge != null) {
                bridge.onClosed(reason);
            }
            if (stopped) {
                return;
            }
            String why = failure != null ? failure : (bridge != null ? "channel lost: " : "closed during login: ") + reason;
            failed(this, why);
        }
    }
}
