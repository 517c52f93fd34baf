package io.metermodem.sms.service;

import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modem's outgoing SMS, sent one at a time through the {@link CellularModule}, with retries.
 *
 * <ul>
 *   <li><b>Bounded:</b> at most {@link Settings#capacity()} ordinary messages wait; one more is
 *       refused at once ({@link SendResult.Failed}). Urgent messages (Last Gasp) have
 *       {@link #URGENT_RESERVE} places of their own, so a queue full of replies never blocks them.</li>
 *   <li><b>Order:</b> urgent messages first, then the others in arrival order. A message waiting for
 *       its retry lets later ones go first.</li>
 *   <li><b>Retries:</b> a refused or failed send is tried again after a backoff that doubles from
 *       {@link Settings#firstBackoff()} up to {@link Settings#maxBackoff()}, at most
 *       {@link Settings#maxAttempts()} attempts. An attempt the module does not finish within
 *       {@link Settings#attemptTimeout()} counts as failed (a late answer is ignored).</li>
 *   <li><b>Deadlines:</b> a message with a deadline (Last Gasp: the supercapacitor's budget) is
 *       given up when the deadline passes, whether it waits, waits for a retry or is being sent; no
 *       attempt starts after it.</li>
 * </ul>
 * Texts longer than one SMS go to the module as one {@link OutgoingSms} (up to
 * {@link OutgoingSms#MAX_TEXT_LENGTH} characters), which sends them as a concatenated SMS.
 *
 * <p>All work happens on the modem's {@link Scheduler}: call the methods there. Completions of the
 * module's stages are posted back to it.
 */
public final class SmsSendQueue {

    /** Places for urgent messages beyond the capacity. */
    public static final int URGENT_RESERVE = 4;

    private static final Logger LOG = LoggerFactory.getLogger(SmsSendQueue.class);

    /**
     * Limits of the queue.
     *
     * @param capacity       ordinary messages that may wait, at least 1
     * @param maxAttempts    attempts per message, at least 1
     * @param firstBackoff   wait before the first retry
     * @param maxBackoff     longest wait between attempts
     * @param attemptTimeout longest one attempt may take
     */
    public record Settings(int capacity, int maxAttempts, Duration firstBackoff, Duration maxBackoff,
                           Duration attemptTimeout) {

        /** 16 messages, 5 attempts, 10 s doubling up to 5 min, 2 min per attempt. */
        public static final Settings DEFAULT = new Settings(16, 5, Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofMinutes(2));

        /** @throws IllegalArgumentException for counts below 1 or non-positive durations */
        public Settings {
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(attemptTimeout, "attemptTimeout");
            if (capacity < 1 || capacity > 10_000 || maxAttempts < 1 || maxAttempts > 100) {
                throw new IllegalArgumentException("capacity 1..10000 and maxAttempts 1..100 required");
            }
            if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || attemptTimeout.isNegative()
                    || attemptTimeout.isZero()) {
                throw new IllegalArgumentException("backoffs must be ordered and not negative, the attempt time-out positive");
            }
        }
    }

    private final Scheduler scheduler;
    private final CellularModule module;
    private final Settings settings;
    private final List<Item> waiting = new ArrayList<>();
    private Item inFlight;
    private ScheduledTask wakeUp;
    private long sent;
    private long failed;
    private long refused;

    /**
     * @param scheduler the modem's scheduler
     * @param module    the cellular module
     * @param settings  the limits
     */
    public SmsSendQueue(Scheduler scheduler, CellularModule module, Settings settings) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.module = Objects.requireNonNull(module, "module");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Queues an ordinary message.
     *
     * @param sms the message
     * @return completes (on the scheduler) when it was sent or given up; never exceptionally
     */
    public CompletionStage<SendResult> enqueue(OutgoingSms sms) {
        return add(sms, false, Long.MAX_VALUE, false);
    }

    /**
     * Queues an urgent message ahead of every ordinary one, given up at {@code deadlineNanos}.
     *
     * @param sms           the message
     * @param deadlineNanos on the scheduler's clock, after which sending is pointless
     * @return completes when it was sent or given up; never exceptionally
     */
    public CompletionStage<SendResult> enqueueUrgent(OutgoingSms sms, long deadlineNanos) {
        return add(sms, true, deadlineNanos, true);
    }

    /** @return messages waiting, not counting the one being sent */
    public int waitingCount() {
        return waiting.size();
    }

    /** @return whether a message is being sent now */
    public boolean isSending() {
        return inFlight != null;
    }

    /** @return messages the network accepted */
    public long sentCount() {
        return sent;
    }

    /** @return messages given up after attempts or at their deadline */
    public long failedCount() {
        return failed;
    }

    /** @return messages refused because the queue was full */
    public long refusedCount() {
        return refused;
    }

    private CompletionStage<SendResult> add(OutgoingSms sms, boolean urgent, long deadline, boolean hasDeadline) {
        Objects.requireNonNull(sms, "sms");
        long ordinary = waiting.stream().filter(i -> !i.urgent).count();
        long urgentCount = waiting.size() - ordinary;
        if (urgent ? urgentCount >= URGENT_RESERVE : ordinary >= settings.capacity()) {
            refused++;
            LOG.warn("SMS to {} refused: send queue full", sms.destination());
            return CompletableFuture.completedFuture(new SendResult.Failed("send queue full", 0));
        }
        Item item = new Item(sms, urgent, deadline, hasDeadline);
        item.notBefore = scheduler.nanoTime();
        if (urgent) {
            int at = 0;
            while (at < waiting.size() && waiting.get(at).urgent) {
                at++;
            }
            waiting.add(at, item);
        } else {
            waiting.add(item);
        }
        if (hasDeadline) {
            item.deadlineTask = scheduler.scheduleAt(deadline, () -> deadlinePassed(item));
        }
        pump();
        return item.result;
    }

    private void pump() {
        if (inFlight != null) {
            return;
        }
        long now = scheduler.nanoTime();
        Item next = null;
        long earliest = Long.MAX_VALUE;
        for (Item i : waiting) {
            if (i.notBefore - now <= 0) {
                next = i;
                break;
            }
            earliest = Math.min(earliest, i.notBefore);
        }
        if (next == null) {
            if (earliest != Long.MAX_VALUE && (wakeUp == null || wakeUp.isDone() || wakeUp.dueNanos() != earliest)) {
                cancel(wakeUp);
                wakeUp = scheduler.scheduleAt(earliest, () -> {
                    wakeUp = null;
                    pump();
                });
            }
            return;
        }
        waiting.remove(next);
        attempt(next);
    }

    private void attempt(Item item) {
        inFlight = item;
        item.attempts++;
        int attempt = item.attempts;
        CompletionStage<Integer> stage;
        try {
            stage = module.sendSms(item.sms);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        item.attemptTimer = scheduler.schedule(settings.attemptTimeout(),
                () -> attemptEnded(item, attempt, null, new java.util.concurrent.TimeoutException(
                        "no answer within " + settings.attemptTimeout().toSeconds() + " s")));
        stage.whenComplete((reference, error) -> scheduler.execute(() -> attemptEnded(item, attempt, reference, error)));
    }

    private void attemptEnded(Item item, int attempt, Integer reference, Throwable error) {
        if (item.done || item.attempts != attempt || inFlight != item) {
            return; // a late answer of an attempt that timed out, or of a message given up
        }
        cancel(item.attemptTimer);
        inFlight = null;
        if (error == null) {
            finish(item, new SendResult.Sent(reference == null ? -1 : reference, item.attempts));
            sent++;
            LOG.info("SMS to {} sent ({} characters, attempt {})", item.sms.destination(), item.sms.text().length(),
                    item.attempts);
        } else if (item.attempts >= settings.maxAttempts()) {
            failed++;
            LOG.warn("SMS to {} given up after {} attempts: {}", item.sms.destination(), item.attempts, error.toString());
            finish(item, new SendResult.Failed("every attempt failed: " + error.getMessage(), item.attempts));
        } else {
            Duration backoff = backoff(item.attempts);
            long notBefore = scheduler.nanoTime() + backoff.toNanos();
            if (item.hasDeadline && notBefore - item.deadline >= 0) {
                failed++;
                LOG.warn("SMS to {} given up: the next attempt would come after its deadline ({})",
                        item.sms.destination(), error.toString());
                finish(item, new SendResult.Failed("deadline passed before a retry: " + error.getMessage(), item.attempts));
            } else {
                item.notBefore = notBefore;
                LOG.info("SMS to {} failed (attempt {}: {}); retry in {} s", item.sms.destination(), item.attempts,
                        error.getMessage(), backoff.toSeconds());
                int at = 0;
                if (!item.urgent) {
                    at = waiting.size();
                } else {
                    while (at < waiting.size() && waiting.get(at).urgent) {
                        at++;
                    }
                }
                waiting.add(at, item);
            }
        }
        pump();
    }

    private Duration backoff(int attemptsMade) {
        Duration d = settings.firstBackoff();
        for (int i = 1; i < attemptsMade && d.compareTo(settings.maxBackoff()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
    }

    private void deadlinePassed(Item item) {
        if (item.done) {
            return;
        }
        failed++;
        waiting.remove(item);
        if (inFlight == item) {
            cancel(item.attemptTimer);
            inFlight = null;
        }
        LOG.warn("SMS to {} given up: its deadline passed after {} attempt(s)", item.sms.destination(), item.attempts);
        finish(item, new SendResult.Failed("deadline passed", item.attempts));
        pump();
    }

    private void finish(Item item, SendResult result) {
        item.done = true;
        cancel(item.deadlineTask);
        cancel(item.attemptTimer);
        item.result.complete(result);
    }

    private static void cancel(ScheduledTask task) {
        if (task != null) {
            task.cancel();
        }
    }

    private static final class Item {
        final OutgoingSms sms;
        final boolean urgent;
        final long deadline;
        final boolean hasDeadline;
        final CompletableFuture<SendResult> result = new CompletableFuture<>();
        long notBefore;
        int attempts;
        boolean done;
        ScheduledTask deadlineTask;
        ScheduledTask attemptTimer;

        Item(OutgoingSms sms, boolean urgent, long deadline, boolean hasDeadline) {
            this.sms = sms;
            this.urgent = urgent;
            this.deadline = deadline;
            this.hasDeadline = hasDeadline;
        }
    }
}
