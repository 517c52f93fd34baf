package io.metermodem.sms.service;

import io.metermodem.hal.cellular.CellularListener;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.cellular.IncomingSms;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.time.Scheduler;
import io.metermodem.sms.command.SmsCommandProcessor;
import io.metermodem.sms.command.SmsOutcome;
import io.metermodem.hal.time.ScheduledTask;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configuration by SMS on the cellular module (manual 4.6, SMS-1..SMS-11): every SMS the module
 * receives goes to the {@link SmsCommandProcessor}, one at a time in arrival order, and its reply goes
 * back to the sender through the {@link SmsSendQueue}. A reply longer than one SMS is one
 * {@link OutgoingSms}, which the module sends as a concatenated SMS. After the reply to
 * {@code ATR} has gone (sent, or given up after every retry) the {@link RestartHook} restarts the
 * modem (SMS-7).
 *
 * <p>Received messages wait in a bounded queue ({@link #MAX_PENDING_INCOMING}); beyond it they are
 * dropped with a log line (the network keeps nothing for us then, as a full SIM store would not).
 * The module's listener may be called on any thread: work is posted to the scheduler.
 */
public final class SmsService implements AutoCloseable {

    /** Received SMS that may wait for processing. */
    public static final int MAX_PENDING_INCOMING = 32;

    /**
     * Longest one SMS may take to process (an {@code mread} waits for the meter); after it the SMS is
     * dropped without reply, so a processor that never answers cannot stall the service.
     */
    public static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(SmsService.class);

    private final Scheduler scheduler;
    private final CellularModule module;
    private final SmsCommandProcessor processor;
    private final SmsSendQueue sendQueue;
    private final RestartHook restartHook;
    private final Deque<IncomingSms> incoming = new ArrayDeque<>();
    private final CellularListener listener = new CellularListener() {
        @Override
        public void onSmsReceived(IncomingSms sms) {
            scheduler.execute(() -> received(sms));
        }
    };
    private boolean processing;
    private long current;
    private ScheduledTask processingTimer;
    private long timedOut;
    private boolean started;
    private boolean closed;
    private long processed;
    private long replied;
    private long dropped;
    private long overflowed;

    /**
     * @param scheduler   the modem's scheduler
     * @param module      the cellular module
     * @param processor   executes the commands
     * @param sendQueue   sends the replies
     * @param restartHook restarts the modem after {@code ATR}
     */
    public SmsService(Scheduler scheduler, CellularModule module, SmsCommandProcessor processor, SmsSendQueue sendQueue,
                      RestartHook restartHook) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.module = Objects.requireNonNull(module, "module");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.sendQueue = Objects.requireNonNull(sendQueue, "sendQueue");
        this.restartHook = Objects.requireNonNull(restartHook, "restartHook");
    }

    /** Starts listening to the module. Starting twice is harmless. */
    public void start() {
        if (!started && !closed) {
            started = true;
            module.addListener(listener);
        }
    }

    /** Stops listening; SMS already received are still processed. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            module.removeListener(listener);
        }
    }

    /** @return SMS processed (replied or dropped) */
    public long processedCount() {
        return processed;
    }

    /** @return SMS answered */
    public long repliedCount() {
        return replied;
    }

    /** @return SMS dropped without reply */
    public long droppedCount() {
        return dropped;
    }

    /** @return SMS lost because {@link #MAX_PENDING_INCOMING} already waited */
    public long overflowCount() {
        return overflowed;
    }

    /** @return SMS given up after {@link #PROCESSING_TIMEOUT} */
    public long timedOutCount() {
        return timedOut;
    }

    /** @return the send queue */
    public SmsSendQueue sendQueue() {
        return sendQueue;
    }

    private void received(IncomingSms sms) {
        if (incoming.size() >= MAX_PENDING_INCOMING) {
            overflowed++;
            LOG.warn("SMS from {} lost: {} SMS already wait for processing", sms.originator(), incoming.size());
            return;
        }
        incoming.addLast(sms);
        next();
    }

    private void next() {
        if (processing || incoming.isEmpty()) {
            return;
        }
        IncomingSms sms = incoming.removeFirst();
        processing = true;
        long id = ++current;
        processingTimer = scheduler.schedule(PROCESSING_TIMEOUT, () -> {
            if (processing && current == id) {
                timedOut++;
                LOG.warn("SMS from {}: no outcome within {} s; dropped", sms.originator(), PROCESSING_TIMEOUT.toSeconds());
                done(id, sms, null, new java.util.concurrent.TimeoutException("processing time-out"));
            }
        });
        processor.process(sms.originator(), sms.text())
                .whenComplete((outcome, error) -> scheduler.execute(() -> done(id, sms, outcome, error)));
    }

    private void done(long id, IncomingSms sms, SmsOutcome outcome, Throwable error) {
        if (!processing || id != current) {
            return; // the outcome of an SMS already given up
        }
        processing = false;
        if (processingTimer != null) {
            processingTimer.cancel();
        }
        processed++;
        try {
            if (outcome instanceof SmsOutcome.Reply reply) {
                replied++;
                boolean restart = reply.restartAfterReply();
                sendQueue.enqueue(new OutgoingSms(sms.originator(), reply.text())).whenComplete((result, e) -> {
                    if (restart) {
                        LOG.info("restarting after the ATR answer to {} ({})", sms.originator(), result);
                        try {
                            restartHook.restart("ATR by SMS from " + sms.originator());
                        } catch (RuntimeException ex) {
                            LOG.warn("restart hook failed: {}", ex.toString());
                        }
                    }
                });
            } else {
                dropped++;
                if (error != null) {
                    LOG.warn("SMS from {}: processing failed: {}", sms.originator(), error.toString());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("SMS from {}: reply not queued: {}", sms.originator(), e.toString());
        }
        next();
    }
}
