package io.metermodem.led;

import io.metermodem.hal.Board;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.CellularListener;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.cellular.ModuleFault;
import io.metermodem.hal.gpio.DigitalInput;
import io.metermodem.hal.gpio.DigitalInputListener;
import io.metermodem.hal.gpio.DigitalOutput;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Drives the three status LEDs: keeps the {@link ModemStatus} current from the events it is fed,
 * asks {@link LedSignals} what each LED shows, and hands that to one {@link LedPlayer} per LED.
 *
 * <p>No polling here either: the controller re-decides when an event arrives, and otherwise only at
 * the earliest {@link LedDecision#untilNanos()} (the end of a start-up or technology signal), with at
 * most one such wake-up pending. At steady state the only wake-ups are the players' transitions.
 *
 * <pre>{@code
 * LedController leds = LedController.forBoard(board, LedAssignment.from(config));
 * leds.attach(board.cellularModule(), board.supercapCharged());
 * leds.ammClient(AmmClientState.CONNECTING);
 * }</pre>
 *
 * <p>Thread-safe: events may come from any thread; they are applied under this object's lock.
 */
public final class LedController implements LedStatusInput, AutoCloseable {

    private final Scheduler scheduler;
    private final LedSignals signals;
    private final Map<Led, LedPlayer> players = new EnumMap<>(Led.class);
    private LedAssignment assignment;
    private ModemStatus status;
    private ScheduledTask redecide;
    private long redecideAt = Long.MAX_VALUE;
    private long redecisions;
    private boolean closed;
    private final CellularListener cellularListener = new CellularListener() {
        @Override
        public void onStatusChanged(CellularStatus s) {
            cellularStatus(s);
        }

        @Override
        public void onFault(ModuleFault fault) {
            if (fault == ModuleFault.AT_TIMEOUT) {
                moduleTimedOut();
            }
        }
    };
    private DigitalInput chargedInput;
    private DigitalInput powerFailInput;
    private final DigitalInputListener supercapListener = (input, active, nanos) -> powerInputsChanged();

    /**
     * A controller that starts now: the firmware has just started (LED3 start-up signal).
     *
     * @param scheduler  the modem's scheduler
     * @param outputs    the output of each of LED1..LED3
     * @param assignment the function of each LED
     * @param signals    the rules
     * @throws IllegalArgumentException if an LED has no output
     */
    public LedController(Scheduler scheduler, Map<Led, ? extends DigitalOutput> outputs, LedAssignment assignment,
                         LedSignals signals) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.assignment = Objects.requireNonNull(assignment, "assignment");
        for (Led led : Led.values()) {
            DigitalOutput output = outputs.get(led);
            if (output == null) {
                throw new IllegalArgumentException("no output for " + led);
            }
            players.put(led, new LedPlayer(output, scheduler));
        }
        this.status = ModemStatus.startedAt(scheduler.nanoTime());
        synchronized (this) {
            refresh();
        }
    }

    /**
     * A controller on a board's LEDs and scheduler, with the default rules.
     *
     * @param board      the board
     * @param assignment the function of each LED
     * @return the controller, started now
     */
    public static LedController forBoard(Board board, LedAssignment assignment) {
        Map<Led, DigitalOutput> outputs = new EnumMap<>(Led.class);
        for (Led led : Led.values()) {
            outputs.put(led, board.led(led));
        }
        return new LedController(board.scheduler(), outputs, assignment, new LedSignals());
    }

    /**
     * Listens to the cellular module (status, AT time-outs) and the supercapacitor-charged input, and
     * takes their current state.
     *
     * @param module          the cellular module
     * @param supercapCharged active while the supercapacitor is charged
     */
    public void attach(CellularModule module, DigitalInput supercapCharged) {
        attach(module, supercapCharged, null);
    }

    /**
     * Like {@link #attach(CellularModule, DigitalInput)}, and also listens to the power-fail input:
     * while external power is lost the supercapacitor discharges rather than charges, so the
     * charging signal (LED-1) is shown only while the supercapacitor is not charged <em>and</em>
     * external power is present.
     *
     * @param module          the cellular module
     * @param supercapCharged active while the supercapacitor is charged
     * @param powerFail       active while external power is lost, or {@code null}
     */
    public void attach(CellularModule module, DigitalInput supercapCharged, DigitalInput powerFail) {
        synchronized (this) {
            chargedInput = supercapCharged;
            powerFailInput = powerFail;
        }
        module.addListener(cellularListener);
        supercapCharged.addListener(supercapListener);
        if (powerFail != null) {
            powerFail.addListener(supercapListener);
        }
        cellularStatus(module.status());
        powerInputsChanged();
    }

    /**
     * Stops listening to what {@link #attach} attached to.
     *
     * @param module the cellular module
     */
    public void detach(CellularModule module) {
        module.removeListener(cellularListener);
        DigitalInput charged;
        DigitalInput powerFail;
        synchronized (this) {
            charged = chargedInput;
            powerFail = powerFailInput;
            chargedInput = null;
            powerFailInput = null;
        }
        if (charged != null) {
            charged.removeListener(supercapListener);
        }
        if (powerFail != null) {
            powerFail.removeListener(supercapListener);
        }
    }

    private void powerInputsChanged() {
        DigitalInput charged;
        DigitalInput powerFail;
        synchronized (this) {
            charged = chargedInput;
            powerFail = powerFailInput;
        }
        if (charged != null) {
            supercapCharging(!charged.isActive() && (powerFail == null || !powerFail.isActive()));
        }
    }

    @Override
    public void cellularStatus(CellularStatus next) {
        Objects.requireNonNull(next, "next");
        update(s -> {
            ModemStatus n = s.withCellular(next).withAtTimeout(false);
            AccessTechnology before = s.cellular().technology();
            if (next.technology() != AccessTechnology.NONE && next.technology() != before
                    && next.technology() != lastRealTechnology) {
                lastRealTechnology = next.technology();
                n = n.withTechnologyChangedAt(scheduler.nanoTime());
            }
            return n;
        });
    }

    /** The last access technology other than NONE: losing the network and coming back is no change. */
    private AccessTechnology lastRealTechnology = AccessTechnology.NONE;

    @Override
    public void moduleTimedOut() {
        update(s -> s.withAtTimeout(true));
    }

    @Override
    public void ipForwarding(boolean active) {
        update(s -> s.withIpForwarding(active));
    }

    @Override
    public void meterLink(boolean up) {
        update(s -> s.withMeterConnected(up));
    }

    @Override
    public void iecPolling(IecPollingState state) {
        Objects.requireNonNull(state, "state");
        update(s -> s.withIecPolling(state));
    }

    @Override
    public void multiUtility(boolean on) {
        update(s -> s.withMultiUtility(on));
    }

    @Override
    public void ammClient(AmmClientState state) {
        Objects.requireNonNull(state, "state");
        update(s -> s.withAmmClient(state));
    }

    @Override
    public void csdCallStarted(CsdMode mode, int meterBaud) {
        Objects.requireNonNull(mode, "mode");
        update(s -> s.withCsd(mode, meterBaud));
    }

    @Override
    public void csdCallEnded() {
        update(s -> s.withCsd(CsdMode.NONE, s.meterBaud()));
    }

    @Override
    public void supercapCharging(boolean charging) {
        update(s -> {
            if (s.charging() && !charging) {
                return s.withCharging(false).withChargedAt(scheduler.nanoTime());
            }
            return s.withCharging(charging);
        });
    }

    @Override
    public void firmwareInstalled() {
        update(s -> s.withFirmwareInstalled(true));
    }

    @Override
    public synchronized void assignment(LedAssignment next) {
        this.assignment = Objects.requireNonNull(next, "next");
        refresh();
    }

    /** @return the status the LEDs show now */
    public synchronized ModemStatus status() {
        return status;
    }

    /** @return the assignment in use */
    public synchronized LedAssignment assignment() {
        return assignment;
    }

    /**
     * @param led an LED
     * @return its player, e.g. to read the pattern playing or its wake-up count
     */
    public LedPlayer player(Led led) {
        return players.get(led);
    }

    /** @return wake-ups the controller itself had to re-decide at the end of a timed signal */
    public synchronized long redecisions() {
        return redecisions;
    }

    /** Stops every LED (dark) and cancels all pending wake-ups; later events are ignored. */
    @Override
    public synchronized void close() {
        closed = true;
        if (redecide != null) {
            redecide.cancel();
            redecide = null;
        }
        players.values().forEach(LedPlayer::stop);
    }

    private synchronized void update(UnaryOperator<ModemStatus> change) {
        if (closed) {
            return;
        }
        status = change.apply(status);
        refresh();
    }

    private void refresh() {
        long now = scheduler.nanoTime();
        long next = Long.MAX_VALUE;
        for (Led led : Led.values()) {
            LedDecision decision = signals.decide(led, assignment.function(led), status, now);
            players.get(led).play(decision.pattern());
            next = Math.min(next, decision.untilNanos());
        }
        if (next != redecideAt) {
            if (redecide != null) {
                redecide.cancel();
                redecide = null;
            }
            redecideAt = next;
            if (next != Long.MAX_VALUE) {
                redecide = scheduler.scheduleAt(next, this::timedRefresh);
            }
        }
    }

    private synchronized void timedRefresh() {
        if (closed) {
            return;
        }
        redecisions++;
        redecide = null;
        redecideAt = Long.MAX_VALUE;
        refresh();
    }
}
