/**
 * The SMS service on the HAL's cellular module: incoming SMS go to the command processor and the
 * replies back to the sender through a bounded, retrying send queue; Last Gasp sends
 * {@code POWER LOST} / {@code POWER RETURN} on the power-fail input within the supercapacitor's
 * budget (PWR-1, PWR-2, SMS-12).
 */
package io.metermodem.sms.service;
