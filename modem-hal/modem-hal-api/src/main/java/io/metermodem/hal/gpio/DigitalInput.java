package io.metermodem.hal.gpio;

/** A digital input line with change listeners (HAL-5). */
public interface DigitalInput {

    /** @return the line's name, e.g. {@code POWER_FAIL} */
    String name();

    /** @return the current level: {@code true} when the signal is active */
    boolean isActive();

    /**
     * Registers a listener called on each change of level, in order.
     *
     * @param listener the listener
     */
    void addListener(DigitalInputListener listener);

    /** @param listener a listener added before; unknown listeners are ignored */
    void removeListener(DigitalInputListener listener);
}
