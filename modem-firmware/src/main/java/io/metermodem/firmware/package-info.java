/**
 * The reference WM-E2S firmware assembled from the SDK's modules: today the transparent meter
 * access (TR-1..TR-11) on a {@link io.metermodem.hal.Board}'s meter port or a real serial device.
 */
package io.metermodem.firmware;
