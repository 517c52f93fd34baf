/**
 * Asynchronous serial lines (HAL-1..HAL-3): the meter port, the cellular module's UART and the local
 * console. {@link io.metermodem.hal.serial.LineSettings} describes baud and frame format,
 * {@link io.metermodem.hal.serial.SerialPort} the open line with its control lines and RS485 mode.
 */
package io.metermodem.hal.serial;
