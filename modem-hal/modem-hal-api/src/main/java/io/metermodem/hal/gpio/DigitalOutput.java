package io.metermodem.hal.gpio;

/** A digital output line, e.g. an LED (HAL-4). Setting the level it already has changes nothing. */
public interface DigitalOutput {

    /** @return the line's name, e.g. {@code LED3} */
    String name();

    /** @param on the new level: {@code true} lights an LED */
    void set(boolean on);

    /** @return the current level */
    boolean isOn();

    /** Drives the line high. */
    default void on() {
        set(true);
    }

    /** Drives the line low. */
    default void off() {
        set(false);
    }

    /** Inverts the level. */
    default void toggle() {
        set(!isOn());
    }
}
