/**
 * The WM-E2S status LEDs (LED-1..LED-12, PWR-3, PWR-4; manual 2.5 and 2.7).
 *
 * <ul>
 *   <li>{@link io.metermodem.led.LedPattern} and {@link io.metermodem.led.LedPlayer}: a pattern engine
 *       that plays steady, blinking and flashing rhythms on a HAL
 *       {@link io.metermodem.hal.gpio.DigitalOutput}, with exactly one scheduler wake-up per level
 *       change and no polling;</li>
 *   <li>{@link io.metermodem.led.LedSignals}: each LED function of LED-6 and the manual's overrides
 *       (charging, start-up, firmware install, CSD call) as a pure function of a
 *       {@link io.metermodem.led.ModemStatus} and time;</li>
 *   <li>{@link io.metermodem.led.LedController}: the status the firmware feeds, the assignment of
 *       functions to LED1..LED3 from the configuration, and the three players;</li>
 *   <li>{@link io.metermodem.led.TimelineSvg}: draws LED activity over time as an SVG picture.</li>
 * </ul>
 */
module io.metermodem.led {
    requires transitive io.metermodem.hal;
    requires transitive io.metermodem.config;

    exports io.metermodem.led;
}
