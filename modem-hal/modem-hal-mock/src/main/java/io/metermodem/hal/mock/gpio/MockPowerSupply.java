package io.metermodem.hal.mock.gpio;

import io.metermodem.hal.gpio.DigitalInput;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * External power and the supercapacitor of the mock board, in virtual time (HAL-5, manual 2.5 and
 * 3.8). It owns the two inputs the firmware sees:
 * <ul>
 *   <li>{@link #powerFail()} goes active the moment external power is cut and inactive the moment it
 *       returns;</li>
 *   <li>{@link #supercapCharged()} is active while the charge is at least
 *       {@link SupercapSettings#chargedThreshold()}.</li>
 * </ul>
 * While external power is on the supercapacitor charges from empty to full in
 * {@link SupercapSettings#chargeTime()}; while it is off the board runs from the supercapacitor,
 * which a full charge keeps alive for {@link SupercapSettings#holdUpTime()}. When it runs empty the
 * board is dead ({@link #isAlive()} false, {@link PowerSupplyListener#onBrownOut}) until power returns.
 *
 * <pre>{@code
 * MockPowerSupply power = new MockPowerSupply(scheduler);      // powered, supercap full
 * power.cutPower();                                            // POWER_FAIL active at once
 * scheduler.advance(Duration.ofMinutes(2));                    // hold-up time over
 * assertFalse(power.isAlive());
 * }</pre>
 *
 * <p>All changes happen on the caller's thread or in tasks of the given scheduler; no thread is
 * started. Use it from the thread that advances virtual time.
 */
public final class MockPowerSupply {

    /** Most listeners accepted. */
    public static final int MAX_LISTENERS = 16;

    private final Scheduler scheduler;
    private final SupercapSettings settings;
    private final MockDigitalInput powerFail;
    private final MockDigitalInput charged;
    private PowerSupplyListener[] listeners = new PowerSupplyListener[0];
    private boolean externalPower = true;
    private boolean alive = true;
    /** Charge at {@link #chargeSince}; in between it moves linearly. */
    private double charge;
    private long chargeSince;
    private ScheduledTask pending;
    private long brownOuts;

    /**
     * A powered board with a full supercapacitor and the {@link SupercapSettings#DEFAULT} behaviour.
     *
     * @param scheduler the board's scheduler
     */
    public MockPowerSupply(Scheduler scheduler) {
        this(scheduler, SupercapSettings.DEFAULT, 1.0);
    }

    /**
     * A powered board.
     *
     * @param scheduler     the board's scheduler
     * @param settings      charge and hold-up behaviour
     * @param initialCharge charge level 0..1; 0 models a modem that was unpowered for a long time
     * @throws IllegalArgumentException for a charge outside 0..1
     */
    public MockPowerSupply(Scheduler scheduler, SupercapSettings settings, double initialCharge) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.settings = Objects.requireNonNull(settings, "settings");
        checkLevel(initialCharge);
        this.charge = initialCharge;
        this.chargeSince = scheduler.nanoTime();
        this.powerFail = new MockDigitalInput("POWER_FAIL", scheduler, false);
        this.charged = new MockDigitalInput("SUPERCAP_CHARGED", scheduler, initialCharge >= settings.chargedThreshold());
        plan();
    }

    /** @return the power-fail input: active while external power is off */
    public DigitalInput powerFail() {
        return powerFail;
    }

    /** @return the supercapacitor-charged input: active while the charge is at least the threshold */
    public DigitalInput supercapCharged() {
        return charged;
    }

    /** @return the behaviour this supply was built with */
    public SupercapSettings settings() {
        return settings;
    }

    /** @return whether external power is on */
    public boolean isExternalPowerOn() {
        return externalPower;
    }

    /** @return whether the board runs: on external power, or on a supercapacitor not yet empty */
    public boolean isAlive() {
        return alive;
    }

    /** @return how often the board died since it was built */
    public long brownOutCount() {
        return brownOuts;
    }

    /** @return the supercapacitor's charge now, 0 (empty) .. 1 (full) */
    public double chargeLevel() {
        return chargeAt(scheduler.nanoTime());
    }

    /**
     * @return time left until the board dies while it runs on the supercapacitor; empty while external
     *         power is on or the board is dead already
     */
    public Optional<Duration> timeUntilBrownOut() {
        if (externalPower || !alive) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(nanosFor(chargeLevel(), settings.holdUpTime())));
    }

    /**
     * Cuts external power: {@link #powerFail()} goes active before this returns and the supercapacitor
     * starts to discharge. Harmless when power is off already.
     */
    public void cutPower() {
        if (!externalPower) {
            return;
        }
        settle();
        externalPower = false;
        powerFail.set(true);
        plan();
    }

    /**
     * Restores external power: {@link #powerFail()} goes inactive, a dead board comes back to life
     * ({@link PowerSupplyListener#onPowerUp}) and the supercapacitor charges again. Harmless when
     * power is on already.
     */
    public void restorePower() {
        if (externalPower) {
            return;
        }
        settle();
        externalPower = true;
        boolean wasDead = !alive;
        alive = true;
        powerFail.set(false);
        if (wasDead) {
            long now = scheduler.nanoTime();
            for (PowerSupplyListener listener : listeners) {
                listener.onPowerUp(now);
            }
        }
        plan();
    }

    /**
     * Sets the charge at once, e.g. to drain the supercapacitor before a test of the charging LEDs.
     * Setting 0 while external power is off kills the board.
     *
     * @param level 0..1
     * @throws IllegalArgumentException outside 0..1
     */
    public void setChargeLevel(double level) {
        checkLevel(level);
        settle();
        charge = level;
        plan();
    }

    /**
     * @param listener hears brown-outs and power-ups
     * @throws IllegalStateException when {@link #MAX_LISTENERS} are registered already
     */
    public void addListener(PowerSupplyListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (listeners.length >= MAX_LISTENERS) {
            throw new IllegalStateException("power supply already has " + MAX_LISTENERS + " listeners");
        }
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
    }

    /** @param listener a listener added before; unknown listeners are ignored */
    public void removeListener(PowerSupplyListener listener) {
        listeners = Arrays.stream(listeners).filter(l -> l != listener).toArray(PowerSupplyListener[]::new);
    }

    private double chargeAt(long now) {
        long elapsed = now - chargeSince;
        if (externalPower) {
            return settings.chargeTime().isZero() ? 1.0
                    : Math.min(1.0, charge + (double) elapsed / settings.chargeTime().toNanos());
        }
        return settings.holdUpTime().isZero() ? 0.0
                : Math.max(0.0, charge - (double) elapsed / settings.holdUpTime().toNanos());
    }

    private void settle() {
        long now = scheduler.nanoTime();
        charge = chargeAt(now);
        chargeSince = now;
    }

    /**
     * Brings the inputs in line with the charge now and schedules the next threshold crossing. Event
     * tasks set the charge to the exact threshold, so floating-point rounding cannot make a crossing
     * happen twice or not at all.
     */
    private void plan() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        settle();
        double threshold = settings.chargedThreshold();
        if (externalPower) {
            charged.set(charge >= threshold);
            if (charge < threshold) {
                pending = scheduler.schedule(Duration.ofNanos(nanosFor(threshold - charge, settings.chargeTime())),
                        () -> reach(threshold));
            }
            return;
        }
        if (charge > threshold) {
            pending = scheduler.schedule(Duration.ofNanos(nanosFor(charge - threshold, settings.holdUpTime())),
                    () -> reach(threshold));
            return;
        }
        // On discharge the charged signal drops once the charge is down to the threshold.
        charged.set(false);
        if (charge > 0) {
            pending = scheduler.schedule(Duration.ofNanos(nanosFor(charge, settings.holdUpTime())), () -> reach(0));
        } else if (alive) {
            die();
        }
    }

    private void reach(double level) {
        pending = null;
        charge = level;
        chargeSince = scheduler.nanoTime();
        plan();
    }

    private void die() {
        alive = false;
        brownOuts++;
        long now = scheduler.nanoTime();
        for (PowerSupplyListener listener : listeners) {
            listener.onBrownOut(now);
        }
    }

    private static long nanosFor(double fraction, Duration full) {
        return (long) Math.ceil(fraction * full.toNanos());
    }

    private static void checkLevel(double level) {
        if (!(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException("charge level must be within 0..1, got " + level);
        }
    }

    @Override
    public String toString() {
        return "MockPowerSupply[external=" + (externalPower ? "on" : "off") + ", charge="
                + Math.round(chargeLevel() * 100) + "%, " + (alive ? "alive" : "dead") + "]";
    }
}
