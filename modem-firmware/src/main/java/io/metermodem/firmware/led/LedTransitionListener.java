package io.metermodem.firmware.led;

import io.metermodem.hal.gpio.Led;

/** Hears every level change of the status LEDs. Called on the modem's scheduler; must not block long. */
@FunctionalInterface
public interface LedTransitionListener {
    /**
     * @param led   the LED
     * @param on    its new level
     * @param nanos when, on the modem's clock
     */
    void changed(Led led, boolean on, long nanos);
}
