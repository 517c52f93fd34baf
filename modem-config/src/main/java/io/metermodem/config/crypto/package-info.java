/**
 * Encryption of the configuration at rest (CFG-8): {@link io.metermodem.config.crypto.AtRestCipher}
 * seals a record with AES-256-GCM under the device key of the board
 * ({@link io.metermodem.hal.Board#deviceKey()}), so that a dump of the configuration flash shows
 * neither the APN password nor any other parameter, and any change to the stored bytes is detected.
 */
package io.metermodem.config.crypto;
