package io.metermodem.at;

import java.time.Duration;

/**
 * What {@code AT+R} does to the hardware (AT-17): the firmware removes power from the cellular
 * module for the off time and brings it back; the interpreter ignores its terminal meanwhile and
 * comes back with its stored profile.
 */
@FunctionalInterface
public interface ResetHook {
    /**
     * Starts a power cycle. Returns at once; the interpreter times the off period itself.
     *
     * @param offTime how long the power stays off (10 s)
     */
    void powerCycle(Duration offTime);
}
