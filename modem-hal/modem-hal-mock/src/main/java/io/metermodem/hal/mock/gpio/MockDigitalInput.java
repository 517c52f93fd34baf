package io.metermodem.hal.mock.gpio;

import io.metermodem.hal.gpio.DigitalInput;
import io.metermodem.hal.gpio.DigitalInputListener;
import io.metermodem.hal.time.Clock;
import java.util.Arrays;
import java.util.Objects;

/**
 * A digital input whose level the test (or a model such as {@link MockPowerSupply}) sets (HAL-5).
 * Each real change of level calls the listeners at once, in the order they were added, with the time
 * read from the board's clock; setting the level it already has calls nobody.
 *
 * <pre>{@code
 * MockDigitalInput tamper = new MockDigitalInput("COVER", scheduler);
 * tamper.addListener((input, active, nanos) -> events.add(active));
 * tamper.set(true);
 * }</pre>
 *
 * <p>Listeners may add or remove listeners while being called; the change applies from the next
 * level change. At most {@link #MAX_LISTENERS} listeners are accepted.
 */
public final class MockDigitalInput implements DigitalInput {

    /** Most listeners one input accepts; more is a leak in the code under test. */
    public static final int MAX_LISTENERS = 64;

    private static final DigitalInputListener[] NONE = new DigitalInputListener[0];

    private final String name;
    private final Clock clock;
    private volatile boolean active;
    /** Copied on write so that notification iterates a stable array without locking. */
    private volatile DigitalInputListener[] listeners = NONE;
    private long changes;

    /**
     * An inactive input.
     *
     * @param name  the line's name, e.g. {@code POWER_FAIL}
     * @param clock the board's clock, for the time stamps given to listeners
     */
    public MockDigitalInput(String name, Clock clock) {
        this(name, clock, false);
    }

    /**
     * @param name    the line's name, e.g. {@code POWER_FAIL}
     * @param clock   the board's clock, for the time stamps given to listeners
     * @param initial the initial level
     * @throws IllegalArgumentException for a blank name
     */
    public MockDigitalInput(String name, Clock clock, boolean initial) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an input needs a name");
        }
        this.name = name;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.active = initial;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    /**
     * Sets the level; on a real change every listener hears it before this method returns.
     *
     * @param newLevel {@code true} for active
     */
    public void set(boolean newLevel) {
        synchronized (this) {
            if (newLevel == active) {
                return;
            }
            active = newLevel;
            changes++;
        }
        long now = clock.nanoTime();
        for (DigitalInputListener listener : listeners) {
            listener.onChange(this, newLevel, now);
        }
    }

    /** @return how many times the level changed */
    public synchronized long changeCount() {
        return changes;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when {@link #MAX_LISTENERS} are registered already
     */
    @Override
    public synchronized void addListener(DigitalInputListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (listeners.length >= MAX_LISTENERS) {
            throw new IllegalStateException("input " + name + " already has " + MAX_LISTENERS
                    + " listeners; are listeners added without being removed?");
        }
        DigitalInputListener[] more = Arrays.copyOf(listeners, listeners.length + 1);
        more[listeners.length] = listener;
        listeners = more;
    }

    @Override
    public synchronized void removeListener(DigitalInputListener listener) {
        for (int i = 0; i < listeners.length; i++) {
            if (listeners[i] == listener) {
                DigitalInputListener[] fewer = new DigitalInputListener[listeners.length - 1];
                System.arraycopy(listeners, 0, fewer, 0, i);
                System.arraycopy(listeners, i + 1, fewer, i, listeners.length - i - 1);
                listeners = fewer.length == 0 ? NONE : fewer;
                return;
            }
        }
    }

    /** @return number of registered listeners */
    public int listenerCount() {
        return listeners.length;
    }

    @Override
    public String toString() {
        return name + (active ? " active" : " inactive");
    }
}
