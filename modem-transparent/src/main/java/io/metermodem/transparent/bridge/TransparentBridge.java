package io.metermodem.transparent.bridge;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineError;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import io.metermodem.transparent.detect.DetectedProtocol;
import io.metermodem.transparent.detect.Detection;
import io.metermodem.transparent.iec.BaudFollowerEvent;
import io.metermodem.transparent.iec.IecBaudFollower;
import io.metermodem.transparent.iec.OptionSelectNotFollowed;
import io.metermodem.transparent.iec.SwitchMeterLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transparent bridge (TR-1, TR-3, TR-4, TR-5, TR-11): head-end sessions on one side, the meter's
 * serial line on the other, byte for byte.
 *
 * <h2>Threading</h2>
 * The bridge runs entirely on the modem's {@link Scheduler}: every public method, and every
 * {@link HesLinkListener} it returns, must be called from a task of the scheduler (drivers post
 * with {@code scheduler.execute(...)}). Tasks never overlap, so its state is not locked. Meter
 * bytes from the {@link SerialPort} are copied and posted to the scheduler too, so a hardware
 * port's reader touches the state only inside a scheduler task (the production scheduler runs a
 * posted task on the posting thread when no other task is running, which saves a thread wake-up
 * per packet).
 *
 * <h2>The meter line (TR-3)</h2>
 * One session owns the line at a time. A session competes for it from its <em>first byte</em>, not
 * from connecting. The owner is the competing session of the highest {@link Channel#priority()};
 * among equals the one whose first byte came first. When a session of a strictly higher channel
 * sends its first bytes, the owner is pre-empted: it waits, the bytes its head-end sends meanwhile
 * are held in its bounded queue ({@link TransparentSettings#maxPendingBytes()}; overflow closes that
 * link with a log line, no byte is dropped silently) and nothing from the meter goes to it. When the
 * higher session ends, the pre-empted one gets the line back with its own line settings and its
 * held bytes are written, in order.
 *
 * <h2>Line settings (TR-4, TR-5, TR-11)</h2>
 * With {@link MeterDataFormat#AUTO} each session's first byte goes through a {@link
 * io.metermodem.transparent.detect.ProtocolDetector}: IEC 62056-21 ({@code /}) gives 7E1, anything
 * else 8N1, at the configured meter baud; the decision needs one byte, so forwarding is never
 * delayed. A fixed format is used as configured. An IEC session (first byte {@code /}) at 7E1 also
 * gets an {@link IecBaudFollower}: after the head-end's {@code ACK V Z Y CR LF} has left the wire
 * the line switches to rate Z, and back to 300 on a break or new sign-on.
 *
 * <p>The meter line is changed only when the characters already written have left the wire: the
 * bridge keeps the time the port's transmit queue drains, computed as
 * {@code bytes * frameBits / baud} from the time of each write (exact for the mock's UART model; for
 * a real port whose {@code write} returns when the driver took the bytes, the same estimate), and a
 * scheduler task at that time reconfigures the port. Bytes for the meter that follow a speed change
 * wait for it. The line is reconfigured before the first byte of a session (or of a resumed session)
 * is written.
 *
 * <h2>Meter to head-end</h2>
 * Meter bytes go to the owner once it has written to the meter since it got the line; before that
 * (no owner, or an answer still arriving for a session that just lost or gave up the line) they are
 * discarded with a debug log line and counted in {@link BridgeStatistics#meterBytesDiscarded()}.
 *
 * <h2>Faults</h2>
 * No exception escapes to a driver or the scheduler. A session is closed, with an INFO/WARN line
 * naming its channel and link, when its head-end is idle both ways for
 * {@link TransparentSettings#inactivityTimeout()} (not counted while it waits for the line), when its
 * queue overflows, when its link refuses bytes, or when the meter port fails (also reported as
 * {@link BridgeListener#meterPortError}). When the head-end goes away, the bytes already received
 * are still written to the meter, then the session ends.
 *
 * <pre>{@code
 * TransparentBridge bridge = new TransparentBridge(board.scheduler(), board.meterPort(), settings, leds);
 * scheduler.execute(() -> { try { bridge.start(); } catch (IOException e) { ... } });
 * // a driver, on the scheduler:
 * HesLinkListener in = bridge.attach(link, Channel.PRIMARY);
 * in.onData(bytes, 0, n);
 * }</pre>
 */
public final class TransparentBridge implements LinkAcceptor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransparentBridge.class);
    private static final int WRITE_CHUNK = 4096;
    private static final HesLinkListener REFUSED = new HesLinkListener() {
        @Override
        public void onData(byte[] data, int offset, int length) {
            // the link was refused and closed; late bytes have nowhere to go
        }

        @Override
        public void onClosed(String reason) {
        }
    };

    private final Scheduler scheduler;
    private final SerialPort meterPort;
    private final TransparentSettings settings;
    private final BridgeListener listener;
    private final List<Session> sessions = new ArrayList<>();
    private final byte[] scratch = new byte[WRITE_CHUNK];
    private final Session.BridgeCallbacks callbacks = new Session.BridgeCallbacks() {
        @Override
        public void onHesData(Session session, byte[] data, int offset, int length) {
            hesData(session, data, offset, length);
        }

        @Override
        public void onHesClosed(Session session, String reason) {
            hesClosed(session, reason);
        }
    };

    private Session owner;
    private Loan loan;
    private long claims;
    private long lineBusyUntil;
    private ScheduledTask lineWait;
    private boolean awaitingAnswer;
    private ScheduledTask silenceTimer;
    private long silenceDeadline;
    private final long silenceNanos;
    private boolean started;
    private boolean closed;

    private long bytesToMeter;
    private long bytesToHes;
    private long meterBytesDiscarded;
    private long hesBytesDropped;
    private long sessionsStarted;
    private long sessionsEnded;
    private long preemptions;
    private long refusals;
    private long lineChanges;
    private long meterSilences;
    private long meterPortErrors;

    /**
     * Makes a bridge; {@link #start()} connects it to the meter port.
     *
     * @param scheduler the modem's scheduler; all calls happen on it
     * @param meterPort the meter line, open or not
     * @param settings  the transparent settings
     * @param listener  receives the events (LEDs, status); may be a no-op {@code new BridgeListener() {}}
     * @throws IllegalArgumentException if an argument is missing
     */
    public TransparentBridge(Scheduler scheduler, SerialPort meterPort, TransparentSettings settings,
                             BridgeListener listener) {
        if (scheduler == null || meterPort == null || settings == null || listener == null) {
            throw new IllegalArgumentException("scheduler, meterPort, settings and listener are required");
        }
        this.scheduler = scheduler;
        this.meterPort = meterPort;
        this.settings = settings;
        this.listener = listener;
        this.silenceNanos = settings.meterSilenceTimeout().toNanos();
    }

    /** @return the settings the bridge runs with */
    public TransparentSettings settings() {
        return settings;
    }

    /**
     * Opens the meter port at {@link TransparentSettings#idleMeterLine()} unless it is open already,
     * and takes its received bytes. Call once, on the scheduler.
     *
     * @throws IOException           if the port cannot be opened
     * @throws IllegalStateException if started twice or closed
     */
    public void start() throws IOException {
        if (started || closed) {
            throw new IllegalStateException(closed ? "bridge is closed" : "bridge already started");
        }
        if (!meterPort.isOpen()) {
            meterPort.open(settings.idleMeterLine());
        }
        meterPort.setListener(new MeterReceiver());
        started = true;
        LOG.info("transparent bridge on meter port '{}' at {}, data format {}", meterPort.name(),
                meterPort.settings(), settings.dataFormat());
    }

    /**
     * Registers a head-end link as a session of {@code channel} (TR-1, TR-3). The session competes
     * for the meter line from its first byte. When the bridge is closed or already holds
     * {@link TransparentSettings#maxSessions()} sessions, the link is closed at once, the refusal is
     * logged and reported, and the returned listener ignores what follows.
     *
     * @param link    the link; the bridge calls it on the scheduler
     * @param channel the channel, which sets its priority
     * @return where the driver delivers the link's bytes and its end, on the scheduler
     * @throws IllegalArgumentException if an argument is missing
     */
    public HesLinkListener attach(HesLink link, Channel channel) {
        if (link == null || channel == null) {
            throw new IllegalArgumentException("link and channel are required");
        }
        if (closed || !started) {
            refuse(link, channel, closed ? "the transparent bridge is closed" : "the transparent bridge is not started");
            return REFUSED;
        }
        if (sessions.size() >= settings.maxSessions()) {
            refuse(link, channel, "already " + sessions.size() + " sessions, the most allowed");
            return REFUSED;
        }
        Session s = new Session(link, channel, settings.maxPendingBytes(), callbacks);
        sessions.add(s);
        sessionsStarted++;
        s.lastActivityNanos = scheduler.nanoTime();
        armInactivity(s, s.lastActivityNanos + settings.inactivityTimeout().toNanos());
        LOG.info("transparent session started: {}", s);
        fire(() -> listener.sessionStarted(channel, describe(link)));
        return s.listener;
    }

    /**
     * Records a connection a driver refused before it reached the bridge (for example the TCP
     * server's connection limit): logged, counted and reported to the listener. Call on the scheduler.
     *
     * @param link   the refused connection's description
     * @param reason why
     */
    public void connectionRefused(String link, String reason) {
        refusals++;
        LOG.warn("transparent connection refused: {}: {}", link, reason);
        fire(() -> listener.connectionRefused(link, reason));
    }

    /** @return the channel of the session owning the meter line, if any */
    public Optional<Channel> lineOwner() {
        return owner == null ? Optional.empty() : Optional.of(owner.channel);
    }

    /**
     * Lends the meter line to the modem's own reader (SMS {@code mread}, SMS-8, TR-9) while no
     * head-end session owns or waits for it. The borrower has the lowest priority (TR-3): the
     * first byte of any session revokes the loan ({@link MeterLineBorrower#onRevoked}) and the
     * session gets the line; a running session is never interrupted. Call on the scheduler.
     *
     * @param borrower receives the meter's bytes and the revocation
     * @return the loan, or empty when the bridge is not started, is closed, the line is in use or
     *         lent already, or a session waits for it
     */
    public Optional<MeterLineLoan> borrowMeterLine(MeterLineBorrower borrower) {
        Objects.requireNonNull(borrower, "borrower");
        if (!started || closed || owner != null || loan != null
                || sessions.stream().anyMatch(s -> s.state == Session.State.WAITING)) {
            return Optional.empty();
        }
        loan = new Loan(borrower);
        LOG.info("meter line lent to the modem's own reader");
        return Optional.of(loan);
    }

    /** @return the number of attached sessions */
    public int sessionCount() {
        return sessions.size();
    }

    /** @return a snapshot of the counters */
    public BridgeStatistics statistics() {
        return new BridgeStatistics(bytesToMeter, bytesToHes, meterBytesDiscarded, hesBytesDropped, sessionsStarted,
                sessionsEnded, sessions.size(), preemptions, refusals, lineChanges, meterSilences, meterPortErrors);
    }

    /**
     * Ends every session (closing its link), stops the timers and releases the meter port's
     * listener; the port itself stays open (it belongs to the board). Call on the scheduler;
     * closing twice is harmless.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Session s : List.copyOf(sessions)) {
            end(s, "transparent bridge closed", true);
        }
        if (loan != null) {
            loan.active = false;
            loan = null;
        }
        cancel(lineWait);
        cancel(silenceTimer);
        if (started) {
            meterPort.setListener(null);
        }
        LOG.info("transparent bridge on meter port '{}' closed", meterPort.name());
    }

    // ---------------------------------------------------------------- head-end side

    private void hesData(Session s, byte[] data, int offset, int length) {
        if (s.state == Session.State.CLOSED || s.hesClosed) {
            LOG.debug("ignoring {} bytes from ended session {}", length, s);
            return;
        }
        if (data == null || offset < 0 || length < 0 || offset > data.length - length) {
            LOG.warn("ignoring an invalid data range from {}", s);
            return;
        }
        if (length == 0) {
            return;
        }
        s.lastActivityNanos = scheduler.nanoTime();
        if (s.line == null) {
            decideLine(s, data, offset, length);
        } else if (!s.detectionLogged) {
            s.detector.offer(data, offset, length);
            logDetection(s);
        }
        if (!s.toMeter.offer(data, offset, length)) {
            LOG.warn("transparent session {}: {} bytes wait for the meter line and {} more exceed the bound of {};"
                    + " closing the link", s, s.toMeter.size(), length, s.toMeter.capacity());
            hesBytesDropped += length;
            end(s, "more than " + s.toMeter.capacity() + " bytes waiting for the meter line", true);
            return;
        }
        if (s.state == Session.State.IDLE) {
            s.state = Session.State.WAITING;
            s.claimOrder = ++claims;
            arbitrate();
        } else if (s == owner) {
            pump();
        }
    }

    /** TR-4/TR-5: the first byte of a session fixes its meter line. */
    private void decideLine(Session s, byte[] data, int offset, int length) {
        s.detector.offer(data, offset, length);
        FrameFormat detected = s.detector.meterFormat().orElseThrow();
        boolean iec = detected == FrameFormat.F7E1; // the detector gives 7E1 only for an IEC sign-on
        FrameFormat format = settings.dataFormat().fixedFormat().orElse(detected);
        s.line = LineSettings.meter(settings.meterBaud(), format);
        s.lineReason = settings.dataFormat().isAuto()
                ? "auto: " + (iec ? "IEC 62056-21" : "not IEC") + " first byte"
                : "fixed data format " + format.label();
        if (iec && format == FrameFormat.F7E1 && settings.followIecBaudChange()) {
            s.follower = new IecBaudFollower();
        }
        LOG.info("transparent session {}: first byte 0x{} -> meter line {} ({}{})", s,
                HexFormat.of().toHexDigits(data[offset]), s.line, s.lineReason,
                s.follower != null ? ", following IEC speed changes" : "");
        logDetection(s);
    }

    private void logDetection(Session s) {
        Optional<Detection> d = s.detector.detection();
        if (d.isPresent()) {
            s.detectionLogged = true;
            if (d.get().protocol() != DetectedProtocol.IEC_62056_21) {
                LOG.info("transparent session {}: first packet is {}", s, d.get().protocol());
            }
        }
    }

    private void hesClosed(Session s, String reason) {
        if (s.state == Session.State.CLOSED || s.hesClosed) {
            return;
        }
        s.hesClosed = true;
        String why = "head-end closed the link (" + reason + ")";
        if (s == owner && !s.toMeter.isEmpty()) {
            LOG.info("transparent session {}: {}; writing the {} bytes already received to the meter first",
                    s, why, s.toMeter.size());
            pump();
        } else {
            end(s, why, false);
        }
    }

    // ---------------------------------------------------------------- arbitration (TR-3)

    private void arbitrate() {
        if (closed) {
            return;
        }
        Session best = null;
        for (Session s : sessions) {
            if (s.state == Session.State.WAITING && (best == null || s.priority() > best.priority()
                    || (s.priority() == best.priority() && s.claimOrder < best.claimOrder))) {
                best = s;
            }
        }
        if (best == null) {
            return;
        }
        if (loan != null) {
            Loan revoked = loan;
            loan = null;
            revoked.active = false;
            LOG.info("meter line loan revoked: session {} wants the line", best);
            Channel by = best.channel;
            fire(() -> revoked.borrower.onRevoked(by));
        }
        Session winner = best;
        if (owner == null) {
            grant(winner);
        } else if (winner.priority() > owner.priority()) {
            Session paused = owner;
            paused.state = Session.State.WAITING;
            paused.preempted = true;
            owner = null;
            preemptions++;
            LOG.info("transparent session {} pre-empted by {}: it waits, holding its head-end's bytes", paused, winner);
            fire(() -> listener.sessionPreempted(paused.channel, describe(paused.link), winner.channel));
            grant(winner);
        } else if (winner.claimOrder == claims) {
            LOG.info("transparent session {} waits: the meter line is in use by {}", winner, owner);
        }
    }

    private void grant(Session s) {
        owner = s;
        s.state = Session.State.ACTIVE;
        s.hasWritten = false;
        s.lastActivityNanos = scheduler.nanoTime();
        if (s.preempted) {
            s.preempted = false;
            s.lineReason = "resumed session " + s.channel;
            LOG.info("transparent session {} resumed: it owns the meter line again", s);
            fire(() -> listener.sessionResumed(s.channel, describe(s.link)));
        } else {
            LOG.debug("transparent session {} owns the meter line", s);
        }
        pump();
    }

    // ---------------------------------------------------------------- towards the meter

    /** Writes what the owner holds, changing the line first where needed (after the wire drained). */
    private void pump() {
        while (!closed && lineWait == null) {
            Session s = owner;
            if (s == null) {
                return;
            }
            if (!meterPort.settings().equals(s.line)) {
                long now = scheduler.nanoTime();
                if (now < lineBusyUntil) {
                    // characters of the old settings are still on the wire: change after the last one
                    lineWait = scheduler.scheduleAt(lineBusyUntil, () -> {
                        lineWait = null;
                        pump();
                    });
                    return;
                }
                if (!reconfigure(s.line, s.lineReason)) {
                    return;
                }
            }
            if (s.toMeter.isEmpty()) {
                if (s.hesClosed) {
                    end(s, "head-end closed the link after its last bytes were written to the meter", false);
                }
                return;
            }
            int n = s.toMeter.peek(scratch, 0, scratch.length);
            int writable = n;
            if (s.follower != null) {
                writable = follow(s, n);
            }
            if (writable > 0) {
                if (!writeToMeter(s, scratch, writable)) {
                    return;
                }
                s.toMeter.discard(writable);
            }
        }
    }

    /**
     * Shows the follower the bytes of {@code scratch[0..n)} it has not seen, one at a time, and stops
     * at the first speed change (TR-11). @return how many bytes can be written at the current settings
     */
    private int follow(Session s, int n) {
        for (int i = s.followedAhead; i < n; i++) {
            List<BaudFollowerEvent> events = s.follower.onHesToMeter(scratch, i, 1);
            SwitchMeterLine change = null;
            for (BaudFollowerEvent e : events) {
                if (e instanceof SwitchMeterLine sw) {
                    change = change == null ? sw : new SwitchMeterLine(sw.settings(), change.reason(), change.afterBytes());
                } else if (e instanceof OptionSelectNotFollowed nf) {
                    LOG.warn("transparent session {}: IEC option select not followed: {}", s, nf.reason());
                }
            }
            if (change != null) {
                int split = i + change.afterBytes();
                s.followedAhead = i + 1 - split;
                s.line = change.settings();
                s.lineReason = "IEC " + change.reason();
                return split;
            }
        }
        s.followedAhead = 0;
        return n;
    }

    private boolean reconfigure(LineSettings target, String reason) {
        try {
            meterPort.reconfigure(target);
        } catch (IOException e) {
            meterFailure(e);
            return false;
        } catch (IllegalStateException | IllegalArgumentException e) {
            meterFailure(new IOException("meter port '" + meterPort.name() + "' refused " + target + ": "
                    + e.getMessage(), e));
            return false;
        }
        lineChanges++;
        LOG.info("meter line {} ({})", target, reason);
        fire(() -> listener.lineSettingsChanged(target, reason));
        return true;
    }

    private boolean writeToMeter(Session s, byte[] data, int length) {
        try {
            meterPort.write(data, 0, length);
        } catch (IOException e) {
            meterFailure(e);
            return false;
        } catch (RuntimeException e) {
            meterFailure(new IOException("meter port '" + meterPort.name() + "' failed: " + e, e));
            return false;
        }
        bytesToMeter += length;
        s.hasWritten = true;
        long now = scheduler.nanoTime();
        s.lastActivityNanos = now;
        LineSettings line = meterPort.settings();
        // ceil(length * frameBits / baud) in ns: never earlier than the last character's end
        long nanos = Math.ceilDiv((long) length * line.frameBits() * 1_000_000_000L, line.baud());
        lineBusyUntil = Math.max(now, lineBusyUntil) + nanos;
        awaitingAnswer = true;
        silenceDeadline = lineBusyUntil + silenceNanos;
        if (silenceTimer == null) {
            silenceTimer = scheduler.scheduleAt(silenceDeadline, this::meterSilence);
        }
        return true;
    }

    /**
     * The silence timer is armed once and only moved forward when it fires: cancelling and
     * rescheduling it for every packet cost a scheduler queue update (and often a wake-up of the
     * scheduler thread) on each round trip.
     */
    private void meterSilence() {
        silenceTimer = null;
        if (!awaitingAnswer || closed) {
            return;
        }
        if (scheduler.nanoTime() < silenceDeadline) {
            silenceTimer = scheduler.scheduleAt(silenceDeadline, this::meterSilence);
            return;
        }
        awaitingAnswer = false;
        meterSilences++;
        LOG.warn("meter on '{}' silent: no answer within {} ms after the last request{}", meterPort.name(),
                settings.meterSilenceTimeout().toMillis(), owner != null ? " of " + owner : "");
        fire(listener::meterSilent);
    }

    private void meterFailure(IOException e) {
        meterPortErrors++;
        LOG.warn("meter port '{}' failed: {}", meterPort.name(), e.getMessage());
        fire(() -> listener.meterPortError(e));
        if (owner != null) {
            end(owner, "meter port error: " + e.getMessage(), true);
        }
    }

    // ---------------------------------------------------------------- from the meter

    private void meterData(byte[] data) {
        if (closed) {
            return;
        }
        if (awaitingAnswer) {
            awaitingAnswer = false; // the silence timer, when it fires, finds nothing to report
            fire(listener::meterAnswering);
        }
        if (loan != null) {
            Loan l = loan;
            fire(() -> l.borrower.onMeterData(data));
            return;
        }
        Session s = owner;
        if (s == null || !s.hasWritten) {
            meterBytesDiscarded += data.length;
            LOG.debug("discarding {} bytes from the meter: {}", data.length,
                    s == null ? "no session owns the line" : s + " has not sent anything yet");
            return;
        }
        s.lastActivityNanos = scheduler.nanoTime();
        if (s.follower != null) {
            for (BaudFollowerEvent e : s.follower.onMeterToHes(data, 0, data.length)) {
                if (e instanceof SwitchMeterLine sw) {
                    s.line = sw.settings();
                    s.lineReason = "IEC " + sw.reason() + " from the meter";
                }
            }
        }
        boolean queued;
        try {
            queued = s.link.send(data, 0, data.length);
        } catch (RuntimeException e) {
            LOG.warn("transparent session {}: link failed on send: {}", s, e.toString());
            queued = false;
        }
        if (!queued) {
            end(s, "the head-end link did not take " + data.length + " bytes (send queue full or link closed)", true);
            return;
        }
        bytesToHes += data.length;
        pump(); // a break from the meter may have changed the line
    }

    private final class MeterReceiver implements SerialListener {
        @Override
        public void onData(byte[] data, int offset, int length) {
            byte[] copy = java.util.Arrays.copyOfRange(data, offset, offset + length);
            // a hardware port calls from its reader thread: hand over to the scheduler
            scheduler.execute(() -> meterData(copy));
        }

        @Override
        public void onLineError(LineError error) {
            LOG.debug("meter line error on '{}': {}", meterPort.name(), error);
        }
    }

    // ---------------------------------------------------------------- session end and timers

    private void end(Session s, String reason, boolean closeLink) {
        if (s.state == Session.State.CLOSED) {
            return;
        }
        boolean wasOwner = s == owner;
        s.state = Session.State.CLOSED;
        sessions.remove(s);
        sessionsEnded++;
        cancel(s.inactivityTimer);
        int dropped = s.toMeter.clear();
        if (dropped > 0) {
            hesBytesDropped += dropped;
            LOG.warn("transparent session {}: {} bytes from the head-end not written to the meter: the session ended",
                    s, dropped);
        }
        if (closeLink) {
            try {
                s.link.close(reason);
            } catch (RuntimeException e) {
                LOG.warn("transparent session {}: closing the link failed: {}", s, e.toString());
            }
        }
        LOG.info("transparent session ended: {}: {}", s, reason);
        fire(() -> listener.sessionEnded(s.channel, describe(s.link), reason));
        if (wasOwner) {
            owner = null;
            arbitrate();
        }
    }

    private void refuse(HesLink link, Channel channel, String reason) {
        String described = channel + " " + describe(link);
        try {
            link.close("refused: " + reason);
        } catch (RuntimeException e) {
            LOG.warn("closing refused link {} failed: {}", described, e.toString());
        }
        connectionRefused(described, reason);
    }

    private void armInactivity(Session s, long dueNanos) {
        s.inactivityTimer = scheduler.scheduleAt(dueNanos, () -> inactivityCheck(s));
    }

    private void inactivityCheck(Session s) {
        if (s.state == Session.State.CLOSED) {
            return;
        }
        long now = scheduler.nanoTime();
        long timeout = settings.inactivityTimeout().toNanos();
        if (s.state == Session.State.WAITING) {
            // waiting for the line is not idleness: the head-end expects its answer
            s.lastActivityNanos = now;
        }
        if (now - s.lastActivityNanos >= timeout) {
            LOG.info("transparent session {}: no byte either way for {} s", s, settings.inactivityTimeout().toSeconds());
            end(s, "inactivity time-out (" + settings.inactivityTimeout().toSeconds() + " s)", true);
        } else {
            armInactivity(s, s.lastActivityNanos + timeout);
        }
    }

    private void fire(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.warn("bridge listener failed: {}", e.toString(), e);
        }
    }

    private static void cancel(ScheduledTask task) {
        if (task != null) {
            task.cancel();
        }
    }

    private static String describe(HesLink link) {
        try {
            return Objects.toString(link.describe());
        } catch (RuntimeException e) {
            return link.getClass().getSimpleName();
        }
    }

    /** The line lent to a {@link MeterLineBorrower}; lives on the scheduler like the rest of the bridge. */
    private final class Loan implements MeterLineLoan {
        private final MeterLineBorrower borrower;
        private boolean active = true;

        private Loan(MeterLineBorrower borrower) {
            this.borrower = borrower;
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public LineSettings settings() {
            return meterPort.settings();
        }

        @Override
        public void reconfigure(LineSettings settings) throws IOException {
            requireActive();
            meterPort.reconfigure(settings);
            lineChanges++;
        }

        @Override
        public void write(byte[] data) throws IOException {
            requireActive();
            meterPort.write(data, 0, data.length);
            bytesToMeter += data.length;
            LineSettings line = meterPort.settings();
            long now = scheduler.nanoTime();
            long nanos = Math.ceilDiv((long) data.length * line.frameBits() * 1_000_000_000L, line.baud());
            lineBusyUntil = Math.max(now, lineBusyUntil) + nanos;
        }

        @Override
        public void close() {
            if (loan != this) {
                active = false;
                return;
            }
            active = false;
            loan = null;
            LOG.info("meter line returned by the modem's own reader");
            arbitrate();
        }

        private void requireActive() throws IOException {
            if (!active) {
                throw new IOException("the meter line loan has ended");
            }
        }
    }

    @Override
    public String toString() {
        return "TransparentBridge[" + meterPort.name() + ", " + sessions.size() + " sessions, owner "
                + (owner == null ? "none" : owner) + "]";
    }
}
