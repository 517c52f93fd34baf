/**
 * The status LEDs in the reference firmware (LED-1..LED-12): the {@code modem-led} controller fed
 * from the board (cellular module, supercapacitor) and the transparent bridge, its transitions
 * shown as a terminal status line and written as JSON lines ({@code --led-log}).
 */
package io.metermodem.firmware.led;
