package io.metermodem.hal.pi;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import io.metermodem.hal.gpio.DigitalOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link DigitalOutput} on a Pi GPIO pin through Pi4J 3 (HAL-4): an LED, the RS485 driver enable
 * or a DCE control line. The pin starts low and is driven low again when Pi4J shuts down, so LEDs
 * go dark and the RS485 driver releases the bus when the firmware stops.
 *
 * <pre>{@code
 * DigitalOutput led3 = PiDigitalOutput.create(pi4j, "LED3", 17);
 * led3.on();
 * }</pre>
 */
public final class PiDigitalOutput implements DigitalOutput {

    private final String name;
    private final com.pi4j.io.gpio.digital.DigitalOutput pin;

    /**
     * Wraps an output already created in a Pi4J context.
     *
     * @param name the line's name for logs and errors, e.g. {@code LED3}
     * @param pin  the Pi4J output
     */
    public PiDigitalOutput(String name, com.pi4j.io.gpio.digital.DigitalOutput pin) {
        this.name = Objects.requireNonNull(name, "name");
        this.pin = Objects.requireNonNull(pin, "pin");
    }

    /**
     * Creates the output in a Pi4J context, low, with the context's default digital output
     * provider (gpiod on a Pi, the mock in tests).
     *
     * @param pi4j the context
     * @param name the line's name, e.g. {@code LED3}; it also forms the Pi4J id
     * @param bcm  the BCM GPIO number
     * @return the output
     */
    public static PiDigitalOutput create(Context pi4j, String name, int bcm) {
        var config = com.pi4j.io.gpio.digital.DigitalOutput.newConfigBuilder(pi4j)
                .id("metermodem-" + name.toLowerCase(Locale.ROOT).replace('_', '-'))
                .name(name)
                .address(bcm)
                .initial(DigitalState.LOW)
                .shutdown(DigitalState.LOW);
        return new PiDigitalOutput(name, pi4j.create(config));
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * @throws UncheckedIOException naming the line when the GPIO driver refuses the change
     */
    @Override
    public void set(boolean on) {
        try {
            pin.state(on ? DigitalState.HIGH : DigitalState.LOW);
        } catch (com.pi4j.io.exception.IOException e) {
            throw new UncheckedIOException(new IOException("GPIO " + pin.address() + " (" + name + ") could not be set "
                    + (on ? "high" : "low") + ": " + e.getMessage(), e));
        }
    }

    @Override
    public boolean isOn() {
        return pin.state() == DigitalState.HIGH;
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
        return name + "@GPIO" + pin.address() + "=" + (isOn() ? "on" : "off");
    }
}
