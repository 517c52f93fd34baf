package io.metermodem.hal.pi;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import io.metermodem.hal.gpio.DigitalInput;
import io.metermodem.hal.gpio.DigitalInputListener;
import io.metermodem.hal.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DigitalInput} on a Pi GPIO pin through Pi4J 3 (HAL-5): the power-fail and
 * supercapacitor-charged signals. The electrical level is mapped to "active" by the pin's polarity,
 * so an active-low power-fail line reads active while it is pulled low. Pi4J's state-change events
 * become {@link DigitalInputListener} calls, time-stamped with the board's {@link Clock}; glitches
 * shorter than the debounce time are filtered by the GPIO driver.
 *
 * <pre>{@code
 * DigitalInput powerFail = PiDigitalInput.create(pi4j, "POWER_FAIL", 23, true, Duration.ofMillis(10), scheduler);
 * powerFail.addListener((input, active, nanos) -> { if (active) store.flush(); });
 * }</pre>
 */
public final class PiDigitalInput implements DigitalInput {

    /** Debounce applied when none is given: 10 ms, Pi4J's own default. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(10);

    private static final Logger LOG = LoggerFactory.getLogger(PiDigitalInput.class);

    private final String name;
    private final com.pi4j.io.gpio.digital.DigitalInput pin;
    private final boolean activeLow;
    private final Clock clock;
    private final List<DigitalInputListener> listeners = new CopyOnWriteArrayList<>();
    private final DigitalStateChangeListener bridge = this::onPi4jChange;

    /**
     * Wraps an input already created in a Pi4J context.
     *
     * @param name      the line's name, e.g. {@code POWER_FAIL}
     * @param pin       the Pi4J input
     * @param activeLow whether the signal is active when the pin is low
     * @param clock     time stamps of the changes
     */
    public PiDigitalInput(String name, com.pi4j.io.gpio.digital.DigitalInput pin, boolean activeLow, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.pin = Objects.requireNonNull(pin, "pin");
        this.activeLow = activeLow;
        this.clock = Objects.requireNonNull(clock, "clock");
        pin.addListener(bridge);
    }

    /**
     * Creates the input in a Pi4J context with a pull resistor towards the inactive level.
     *
     * @param pi4j      the context
     * @param name      the line's name; it also forms the Pi4J id
     * @param bcm       the BCM GPIO number
     * @param activeLow whether the signal is active when the pin is low
     * @param debounce  shortest level the driver reports, e.g. {@link #DEFAULT_DEBOUNCE}
     * @param clock     time stamps of the changes
     * @return the input
     */
    public static PiDigitalInput create(Context pi4j, String name, int bcm, boolean activeLow, Duration debounce,
            Clock clock) {
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce must not be negative, got " + debounce);
        }
        var config = com.pi4j.io.gpio.digital.DigitalInput.newConfigBuilder(pi4j)
                .id("metermodem-" + name.toLowerCase(Locale.ROOT).replace('_', '-'))
                .name(name)
                .address(bcm)
                .pull(activeLow ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
                .debounce(debounce.toNanos() / 1000, TimeUnit.MICROSECONDS);
        return new PiDigitalInput(name, pi4j.create(config), activeLow, clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isActive() {
        return isActive(pin.state());
    }

    @Override
    public void addListener(DigitalInputListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(DigitalInputListener listener) {
        listeners.remove(listener);
    }

    /** @return whether the signal is active when the pin is low */
    public boolean activeLow() {
        return activeLow;
    }

    /** @return the BCM GPIO number */
    public int bcm() {
        return pin.address().intValue();
    }

    /** @return the id of the pin in its Pi4J context */
    String pi4jId() {
        return pin.id();
    }

    @Override
    public String toString() {
        return name + "@GPIO" + pin.address() + (isActive() ? " active" : " inactive");
    }

    private boolean isActive(DigitalState state) {
        return state == DigitalState.HIGH ^ activeLow;
    }

    @SuppressWarnings("rawtypes")
    private void onPi4jChange(DigitalStateChangeEvent event) {
        DigitalState state = event.state();
        if (state == null || state == DigitalState.UNKNOWN) {
            return;
        }
        long now = clock.nanoTime();
        boolean active = isActive(state);
        for (DigitalInputListener listener : listeners) {
            try {
                listener.onChange(this, active, now);
            } catch (RuntimeException e) {
                LOG.error("{}: input listener failed", name, e);
            }
        }
    }
}
