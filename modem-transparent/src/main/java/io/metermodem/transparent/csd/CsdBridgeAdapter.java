package io.metermodem.transparent.csd;

import io.metermodem.hal.cellular.CallEndReason;
import io.metermodem.hal.cellular.CellularListener;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.cellular.CsdCall;
import io.metermodem.hal.cellular.CsdReceiver;
import io.metermodem.hal.time.Scheduler;
import io.metermodem.transparent.bridge.Channel;
import io.metermodem.transparent.bridge.HesLink;
import io.metermodem.transparent.bridge.HesLinkListener;
import io.metermodem.transparent.bridge.LinkAcceptor;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transparent readout over a CSD call (TR-6): listens to the cellular module, counts the rings of an
 * incoming data call, answers on ring {@link CsdSettings#ringsBeforeAnswer()} (3 on a WM-E2S) and
 * hands the call to the bridge as a {@link HesLink} on {@link Channel#CSD}. Bytes the head-end sends
 * go to the bridge's {@link HesLinkListener}; bytes the bridge sends are written to the call; the end
 * of the call closes the link and closing the link hangs up.
 *
 * <p>One call at a time: a call that rings while another is connected or being answered is rejected
 * (and logged), as the modem has one meter line and one data channel.
 *
 * <pre>{@code
 * CsdBridgeAdapter csd = new CsdBridgeAdapter(scheduler, board.cellularModule(), bridge,
 *         CsdSettings.DEFAULT, new CsdCallListener() {
 *             public void onCallConnected(String caller) { gsmLed.on(); }
 *         });
 * csd.start();
 * }</pre>
 *
 * <p>Threading: every reaction runs on the modem's {@link Scheduler}; module and call events are
 * re-posted to it, so they may arrive on any thread.
 */
public final class CsdBridgeAdapter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CsdBridgeAdapter.class);

    private final Scheduler scheduler;
    private final CellularModule module;
    private final LinkAcceptor acceptor;
    private final CsdSettings settings;
    private final CsdCallListener events;
    private final CellularListener moduleListener = new ModuleEvents();

    private boolean started;
    private boolean answering;
    private CallLink current;

    /**
     * @param scheduler the modem's scheduler, where everything runs
     * @param module    the cellular module that reports rings and answers
     * @param acceptor  the bridge
     * @param settings  when to answer
     * @param events    hears connected, ended and rejected calls
     */
    public CsdBridgeAdapter(Scheduler scheduler, CellularModule module, LinkAcceptor acceptor,
                            CsdSettings settings, CsdCallListener events) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.module = Objects.requireNonNull(module, "module");
        this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Starts listening for calls. Harmless when started already. */
    public void start() {
        if (!started) {
            started = true;
            module.addListener(moduleListener);
        }
    }

    /** Stops listening and hangs up a connected call. Call on the scheduler. */
    @Override
    public void close() {
        if (started) {
            started = false;
            module.removeListener(moduleListener);
        }
        if (current != null) {
            current.close("CSD adapter stopped");
        }
    }

    /** @return whether a call is connected and attached to the bridge */
    public boolean isCallConnected() {
        return current != null;
    }

    private void onRing(String caller, int ringCount) {
        if (!started) {
            return;
        }
        if (answering) {
            // A RING can still arrive between ATA and CONNECT: it is the call being answered.
            return;
        }
        if (current != null) {
            // A second caller while the first call is up (call waiting): the meter line is taken,
            // so it is refused rather than left ringing; the event is reported on its first ring.
            module.reject();
            if (ringCount == 1) {
                LOG.warn("CSD: rejected the call from {}: a call with {} is connected", shown(caller), current.describe());
                events.onCallRejected(caller);
            }
            return;
        }
        LOG.debug("CSD: ring {} of {} from {}", ringCount, settings.ringsBeforeAnswer(), shown(caller));
        if (ringCount < settings.ringsBeforeAnswer()) {
            return;
        }
        answering = true;
        LOG.info("CSD: answering the call from {} on ring {}", shown(caller), ringCount);
        module.answer().whenComplete((call, failure) -> scheduler.execute(() -> answered(caller, call, failure)));
    }

    private void answered(String caller, CsdCall call, Throwable failure) {
        answering = false;
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            LOG.warn("CSD: answering the call from {} failed: {}", shown(caller), cause.getMessage());
            events.onAnswerFailed(caller, cause);
            return;
        }
        if (!started) {
            LOG.info("CSD: adapter stopped while answering; hanging up on {}", shown(caller));
            call.hangUp();
            return;
        }
        CallLink link = new CallLink(caller, call);
        current = link;
        // Attach before setting the receiver: the call delivers bytes that arrived meanwhile at once.
        link.listener = acceptor.attach(link, Channel.CSD);
        LOG.info("CSD: call from {} connected and attached to the bridge", shown(caller));
        events.onCallConnected(caller);
        call.setReceiver(link);
    }

    private static String shown(String caller) {
        return caller.isEmpty() ? "a withheld number" : caller;
    }

    /** Module events, re-posted to the scheduler. */
    private final class ModuleEvents implements CellularListener {
        @Override
        public void onRing(String callerNumber, int ringCount) {
            scheduler.execute(() -> CsdBridgeAdapter.this.onRing(callerNumber, ringCount));
        }

        @Override
        public void onRingingStopped(CallEndReason reason) {
            scheduler.execute(() -> LOG.info("CSD: the caller stopped ringing ({})", reason));
        }
    }

    /** The connected call as the bridge sees it, and as the call's receiver. */
    private final class CallLink implements HesLink, CsdReceiver {
        private final String caller;
        private final CsdCall call;
        private HesLinkListener listener;
        private boolean ended;
        private String closeReason;

        CallLink(String caller, CsdCall call) {
            this.caller = caller;
            this.call = call;
        }

        @Override
        public String describe() {
            return "csd " + shown(caller);
        }

        @Override
        public boolean send(byte[] data, int offset, int length) {
            if (ended) {
                return false;
            }
            try {
                call.write(data, offset, length);
                return true;
            } catch (IOException e) {
                LOG.warn("CSD: writing {} bytes to {} failed: {}", length, describe(), e.getMessage());
                return false;
            }
        }

        @Override
        public void close(String reason) {
            if (ended || closeReason != null) {
                return;
            }
            LOG.info("CSD: hanging up {}: {}", describe(), reason);
            closeReason = reason;
            call.hangUp();
            // The call reports LOCAL_HANG_UP through onEnded; should a driver not report it, the link
            // still ends here exactly once.
            scheduler.execute(() -> end(CallEndReason.LOCAL_HANG_UP, reason));
        }

        @Override
        public void onData(byte[] data, int offset, int length) {
            byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
            scheduler.execute(() -> {
                if (!ended) {
                    listener.onData(copy, 0, copy.length);
                }
            });
        }

        @Override
        public void onEnded(CallEndReason reason) {
            scheduler.execute(() -> end(reason, "CSD call ended: " + reason));
        }

        private void end(CallEndReason reason, String why) {
            if (ended) {
                return;
            }
            ended = true;
            String shownReason = closeReason != null ? closeReason : why;
            if (current == this) {
                current = null;
            }
            LOG.info("CSD: call with {} ended ({})", describe(), shownReason);
            listener.onClosed(shownReason);
            events.onCallEnded(caller, reason);
        }
    }
}
