package io.metermodem.led;

import io.metermodem.config.Configuration;
import io.metermodem.hal.gpio.Led;
import java.util.Objects;

/**
 * Which function each LED shows (LED-6). {@link #FACTORY} is the assignment of LED-2; a
 * configuration's Standard Meter Interface parameters {@code led.led1..led.led3} give any other.
 *
 * @param led1 function of LED1 (blue, middle)
 * @param led2 function of LED2 (red, bottom)
 * @param led3 function of LED3 (green, top)
 */
public record LedAssignment(LedFunction led1, LedFunction led2, LedFunction led3) {

    /** LED-2: LED3 E-meter status, LED1 GSM/GPRS status, LED2 SIM status. */
    public static final LedAssignment FACTORY =
            new LedAssignment(LedFunction.GSM_GPRS, LedFunction.SIM, LedFunction.E_METER);

    /** @throws NullPointerException for a missing function */
    public LedAssignment {
        Objects.requireNonNull(led1, "led1");
        Objects.requireNonNull(led2, "led2");
        Objects.requireNonNull(led3, "led3");
    }

    /**
     * Reads {@code led.led1}, {@code led.led2} and {@code led.led3}.
     *
     * @param configuration a configuration of the WM-E2S registry
     * @return the assignment it configures
     * @throws IllegalArgumentException if a parameter is missing or holds an unknown function
     */
    public static LedAssignment from(Configuration configuration) {
        return new LedAssignment(LedFunction.fromConfigWord(configuration.word("led.led1")),
                LedFunction.fromConfigWord(configuration.word("led.led2")),
                LedFunction.fromConfigWord(configuration.word("led.led3")));
    }

    /**
     * @param led an LED
     * @return its function
     */
    public LedFunction function(Led led) {
        return switch (led) {
            case LED1 -> led1;
            case LED2 -> led2;
            case LED3 -> led3;
        };
    }
}
