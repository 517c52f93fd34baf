/**
 * Transparent meter readout over a circuit-switched data call (TR-6):
 * {@link io.metermodem.transparent.csd.CsdBridgeAdapter} answers an incoming data call after the
 * configured number of rings and hands it to the bridge as a
 * {@link io.metermodem.transparent.bridge.HesLink} on
 * {@link io.metermodem.transparent.bridge.Channel#CSD}.
 */
package io.metermodem.transparent.csd;
