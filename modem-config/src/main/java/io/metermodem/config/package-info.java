/**
 * The modem's configuration (CFG-1..CFG-4, CFG-6, CFG-7, CFG-9): a typed
 * {@link io.metermodem.config.ParameterRegistry} with the manual's parameter names, immutable
 * {@link io.metermodem.config.Configuration} snapshots, {@link io.metermodem.config.Transaction}s
 * validated whole (all or nothing), the {@link io.metermodem.config.ConfigurationCodec} for store
 * records, and the {@link io.metermodem.config.ConfigurationService} that commits changes, answers
 * with the manual's error codes and tells listeners.
 *
 * <p>The code is sans-I/O except for the service's calls to the store: no threads, no clock.
 */
package io.metermodem.config;
