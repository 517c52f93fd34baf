/**
 * The transparent bridge (TR-1..TR-11): head-end connections on one side, the meter's serial line
 * on the other, byte for byte. Every way a head-end reaches the meter (TCP listener, TLS, a CSD
 * call, a push or AMM connection the modem opens itself) is an {@link io.metermodem.transparent.bridge.HesLink};
 * the bridge core runs entirely on the modem's {@link io.metermodem.hal.time.Scheduler}.
 */
package io.metermodem.transparent.bridge;
