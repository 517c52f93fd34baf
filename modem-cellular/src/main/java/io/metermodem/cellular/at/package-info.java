/**
 * The AT client that drives a cellular module (HAL-7): {@link io.metermodem.cellular.at.AtClientCore},
 * a sans-I/O state machine with typed results, unsolicited codes, prompts, timeouts and
 * resynchronisation, and {@link io.metermodem.cellular.at.AtChannel}, which puts it on a HAL serial
 * port and scheduler.
 */
package io.metermodem.cellular.at;
