/**
 * Push readouts (TR-7): the modem itself connects to the head-end at configured intervals or on
 * events (meter cover removed, incoming SMS) and lets it read the meter through the bridge, with
 * packet data up only while the push lasts. Entry point:
 * {@link io.metermodem.transparent.push.PushClient}.
 */
package io.metermodem.transparent.push;
