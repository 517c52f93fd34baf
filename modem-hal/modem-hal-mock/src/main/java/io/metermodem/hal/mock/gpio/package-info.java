/**
 * Digital lines of the in-memory board (HAL-4, HAL-5), in virtual time.
 *
 * <p>{@link io.metermodem.hal.mock.gpio.MockDigitalOutput} records every level change of an LED with
 * its time on the board's clock, so a test asserts a rhythm ("LED1 flashes twice per second") through
 * an immutable {@link io.metermodem.hal.mock.gpio.LedTimeline}.
 * {@link io.metermodem.hal.mock.gpio.MockDigitalInput} is an input the test drives, and
 * {@link io.metermodem.hal.mock.gpio.MockPowerSupply} drives the power-fail and supercapacitor-charged
 * inputs from a model of external power and supercapacitor charge (manual 2.5 and 3.8).
 */
package io.metermodem.hal.mock.gpio;
