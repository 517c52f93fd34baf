/**
 * The seam to the SMS PDU codec (HAL-7): {@link io.metermodem.cellular.sms.SmsPduCodec}, which the
 * drivers call to turn messages into SMS-SUBMIT PDUs and received SMS-DELIVER PDUs into messages.
 */
package io.metermodem.cellular.sms;
