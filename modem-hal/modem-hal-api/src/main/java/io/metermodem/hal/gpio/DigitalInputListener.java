package io.metermodem.hal.gpio;

/** Hears level changes of a {@link DigitalInput}. */
@FunctionalInterface
public interface DigitalInputListener {

    /**
     * @param input    the input that changed
     * @param active   its new level
     * @param nanoTime when, on the board's clock
     */
    void onChange(DigitalInput input, boolean active, long nanoTime);
}
