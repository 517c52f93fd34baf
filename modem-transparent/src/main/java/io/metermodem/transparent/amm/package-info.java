/**
 * The AMM/EI client (TR-8): the modem keeps a transparent TCP channel open out to the EI server,
 * logs in on it and then hands it to the bridge, so the EI server reads the meter through a
 * connection the modem initiated. Entry point: {@link io.metermodem.transparent.amm.AmmClient}; its
 * states drive LED-10 ("AMM (IEC) client state"). The manual does not document the login wire
 * format, so it is a strategy ({@link io.metermodem.transparent.amm.AmmLoginProtocol}) with a
 * configurable line-based default ({@link io.metermodem.transparent.amm.LineLoginProtocol}).
 */
package io.metermodem.transparent.amm;
