/**
 * The configuration store (CFG-2, HAL-6): the modem's configuration kept in non-volatile memory so
 * that a power cut at any moment never loses it and never leaves it half written.
 *
 * <p>{@link io.metermodem.config.store.ConfigurationStore} keeps two copies (slots A and B) of a
 * CRC-protected, AES-256-GCM-sealed record and writes only the slot that does not hold the newest
 * valid copy; {@link io.metermodem.config.store.StoredRecord} is what it hands back, and
 * {@link io.metermodem.config.store.StoreHealth} tells diagnostics what each slot holds. The store
 * knows nothing of parameters: its payload is opaque bytes with a format version chosen by the
 * caller.
 */
package io.metermodem.config.store;
