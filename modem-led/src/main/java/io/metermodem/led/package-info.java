/**
 * Status LEDs of the WM-E2S (manual 2.5, 2.7): patterns, the player that puts them on a digital
 * output in exact scheduler time, the pure signal rules of every LED function, the controller the
 * firmware feeds with status events, and an SVG timeline renderer.
 */
package io.metermodem.led;
