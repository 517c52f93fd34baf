/**
 * The cellular module (HAL-7): registration and access technology, signal, SIM and PIN, identities,
 * SMS, circuit-switched data calls, packet data and ping. Operations that take network time return
 * {@link java.util.concurrent.CompletionStage}s, so the same code runs against an AT driver in real
 * time and against the mock network in virtual time; state changes reach a
 * {@link io.metermodem.hal.cellular.CellularListener}.
 */
package io.metermodem.hal.cellular;
