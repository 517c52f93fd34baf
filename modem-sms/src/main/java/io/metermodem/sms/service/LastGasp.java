package io.metermodem.sms.service;

import io.metermodem.config.Configuration;
import io.metermodem.config.ConfigurationService;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.gpio.DigitalInput;
import io.metermodem.hal.gpio.DigitalInputListener;
import io.metermodem.hal.time.Scheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last Gasp (manual 3.8, PWR-1, PWR-2, SMS-12): when the power-fail input goes active the modem
 * sends {@value #POWER_LOST} at once to {@code amm.last_gasp_number}, and {@value #POWER_RETURN} when
 * it goes inactive again, if {@code amm.last_gasp} is enabled (AMM group, PWR-2).
 *
 * <p><b>The supercapacitor's budget.</b> Without external power the modem lives on its
 * supercapacitor for "a couple of minutes" (2 minutes on the mock's defaults). {@code POWER LOST}
 * jumps ahead of every queued reply, and is given up when {@link #budget()} has passed since the
 * power failed: an attempt started later would not finish before the modem dies, and retries after
 * it only waste the charge. The default budget, {@link #DEFAULT_BUDGET}, leaves 30 s of a 2-minute
 * hold-up for the module to finish and detach. {@code POWER RETURN} has no deadline and the
 * ordinary retries.
 *
 * <p>After a full brown-out the modem starts again with external power present and the input
 * inactive; no {@code POWER RETURN} follows then (the state before the brown-out is not kept).
 * Input changes may come on any thread: they are posted to the scheduler.
 */
public final class LastGasp implements AutoCloseable {

    /** The power-loss text (manual 3.8). */
    public static final String POWER_LOST = "POWER LOST";
    /** The power-return text (manual 3.8). */
    public static final String POWER_RETURN = "POWER RETURN";
    /** Enables Last Gasp (PWR-2). */
    public static final String ENABLE_PARAMETER = "amm.last_gasp";
    /** Where Last Gasp goes (SMS-12). */
    public static final String NUMBER_PARAMETER = "amm.last_gasp_number";
    /** Default budget: a 2-minute supercapacitor hold-up less 30 s for the module. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(90);
    /** Notifications remembered by {@link #history()}. */
    public static final int HISTORY = 16;

    private static final Logger LOG = LoggerFactory.getLogger(LastGasp.class);

    /**
     * One notification and how it ended.
     *
     * @param text        {@value #POWER_LOST} or {@value #POWER_RETURN}
     * @param destination where it went
     * @param eventNanos  when the input changed, on the scheduler's clock
     * @param result      how the send ended
     */
    public record Notification(String text, String destination, long eventNanos, SendResult result) {
    }

    private final Scheduler scheduler;
    private final DigitalInput powerFail;
    private final ConfigurationService configuration;
    private final SmsSendQueue queue;
    private final Duration budget;
    private final Deque<Notification> history = new ArrayDeque<>();
    private final DigitalInputListener listener;
    private boolean started;

    /**
     * @param scheduler     the modem's scheduler
     * @param powerFail     the power-fail input (HAL-5): active while external power is lost
     * @param configuration the configuration ({@code amm.last_gasp}, {@code amm.last_gasp_number})
     * @param queue         the send queue
     * @param budget        how long after the power failure {@code POWER LOST} is worth sending
     */
    public LastGasp(Scheduler scheduler, DigitalInput powerFail, ConfigurationService configuration, SmsSendQueue queue,
                    Duration budget) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.powerFail = Objects.requireNonNull(powerFail, "powerFail");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.budget = Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive");
        }
        this.listener = (input, active, nanoTime) -> scheduler.execute(() -> changed(active, nanoTime));
    }

    /** @return the supercapacitor budget for {@code POWER LOST} */
    public Duration budget() {
        return budget;
    }

    /** Starts watching the input. Starting twice is harmless. */
    public void start() {
        if (!started) {
            started = true;
            powerFail.addListener(listener);
        }
    }

    /** Stops watching the input. */
    @Override
    public void close() {
        if (started) {
            started = false;
            powerFail.removeListener(listener);
        }
    }

    /** @return the last {@value #HISTORY} notifications whose send has ended, oldest first */
    public List<Notification> history() {
        return List.copyOf(history);
    }

    private void changed(boolean active, long eventNanos) {
        Configuration config = configuration.current();
        if (!config.bool(ENABLE_PARAMETER)) {
            LOG.info("power {}; Last Gasp is disabled", active ? "lost" : "returned");
            return;
        }
        String number = config.text(NUMBER_PARAMETER);
        OutgoingSms sms;
        try {
            sms = new OutgoingSms(number, active ? POWER_LOST : POWER_RETURN);
        } catch (IllegalArgumentException e) {
            LOG.warn("power {}; Last Gasp has no usable number", active ? "lost" : "returned");
            return;
        }
        LOG.info("power {}: sending {} to {}", active ? "lost" : "returned", sms.text(), number);
        var stage = active ? queue.enqueueUrgent(sms, eventNanos + budget.toNanos()) : queue.enqueue(sms);
        stage.whenComplete((result, e) -> {
            if (history.size() >= HISTORY) {
                history.removeFirst();
            }
            history.addLast(new Notification(sms.text(), number, eventNanos, result));
        });
    }
}
