/**
 * The Raspberry Pi board (HAL-8): {@link io.metermodem.hal.pi.PiBoard} assembles the real parts of
 * a modem from a {@link io.metermodem.hal.pi.PinMap}, serial device paths and a flash file.
 *
 * <ul>
 *   <li>{@link io.metermodem.hal.pi.SystemScheduler}: the production clock and scheduler;</li>
 *   <li>{@link io.metermodem.hal.pi.JSerialCommPort}: UARTs with control lines and RS485 direction
 *       control (HAL-1..HAL-3);</li>
 *   <li>{@link io.metermodem.hal.pi.PiDigitalOutput}, {@link io.metermodem.hal.pi.PiDigitalInput}:
 *       LEDs, power-fail and supercapacitor lines over Pi4J (HAL-4, HAL-5);</li>
 *   <li>{@link io.metermodem.hal.pi.FileNonVolatileMemory}: the configuration flash as a file with
 *       atomic, journalled page writes (HAL-6).</li>
 * </ul>
 */
package io.metermodem.hal.pi;
