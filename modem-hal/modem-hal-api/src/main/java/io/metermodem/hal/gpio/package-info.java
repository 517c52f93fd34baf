/**
 * Digital lines of the board (HAL-4, HAL-5): the three LEDs as outputs, the power-fail and
 * supercapacitor-charged signals as inputs with listeners.
 */
package io.metermodem.hal.gpio;
