/**
 * The Telit LE910 driver of the HAL's cellular module (HAL-7):
 * {@link io.metermodem.cellular.telit.TelitModule}.
 */
package io.metermodem.cellular.telit;
