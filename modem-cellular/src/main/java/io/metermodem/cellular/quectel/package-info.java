/**
 * The Quectel EC2x/EC200 driver of the HAL's cellular module (HAL-7):
 * {@link io.metermodem.cellular.quectel.QuectelModule}.
 */
package io.metermodem.cellular.quectel;
