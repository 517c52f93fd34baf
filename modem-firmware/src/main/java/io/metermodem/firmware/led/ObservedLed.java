package io.metermodem.firmware.led;

import io.metermodem.hal.gpio.DigitalOutput;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * A LED output that passes every level change on to the real line (a mock output, a Pi GPIO, or
 * nothing) and tells its listeners. Thread-safe.
 */
public final class ObservedLed implements DigitalOutput {

    private final Led led;
    private final DigitalOutput line;
    private final Clock clock;
    private final List<LedTransitionListener> listeners;
    private boolean level;

    /**
     * @param led       which LED
     * @param line      the output it drives, or {@code null} for a purely virtual LED
     * @param clock     the modem's clock
     * @param listeners who hears the changes
     */
    public ObservedLed(Led led, DigitalOutput line, Clock clock, List<LedTransitionListener> listeners) {
        this.led = Objects.requireNonNull(led, "led");
        this.line = line;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listeners = List.copyOf(listeners);
        this.level = line != null && line.isOn();
    }

    @Override
    public String name() {
        return led.name();
    }

    @Override
    public synchronized void set(boolean on) {
        if (on == level) {
            return;
        }
        level = on;
        if (line != null) {
            line.set(on);
        }
        long now = clock.nanoTime();
        for (LedTransitionListener l : listeners) {
            l.changed(led, on, now);
        }
    }

    @Override
    public synchronized boolean isOn() {
        return level;
    }
}
