/**
 * The {@link io.metermodem.hal.Board}: one object handing out the named hardware parts of a modem,
 * so a firmware is written once and bound to the mock board in tests or the Raspberry Pi board on
 * hardware (HAL-8).
 */
package io.metermodem.hal;
