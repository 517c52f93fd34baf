/**
 * Configuration of the WM-E2S modem (CFG-1..CFG-9, SEC-5): the typed parameter registry with the
 * manual's names, immutable configuration snapshots changed only by whole validated transactions,
 * the service that commits them to the CRC-protected store and tells listeners, {@code .cfg} files,
 * hashed passwords, the power-cut-safe A/B record store and AES-256-GCM encryption at rest.
 * <ul>
 *   <li>{@code io.metermodem.config}: registry, snapshots, transactions, codec and service.</li>
 *   <li>{@code io.metermodem.config.file}: {@code .cfg} import and export (CFG-5).</li>
 *   <li>{@code io.metermodem.config.password}: PBKDF2 password hashes (CFG-6, SEC-5).</li>
 *   <li>{@code io.metermodem.config.store}: the A/B record store in non-volatile memory (CFG-2).</li>
 *   <li>{@code io.metermodem.config.crypto}: AES-256 encryption of the stored records (CFG-8).</li>
 * </ul>
 */
module io.metermodem.config {
    requires transitive io.metermodem.hal;
    requires org.slf4j;

    exports io.metermodem.config;
    exports io.metermodem.config.file;
    exports io.metermodem.config.password;
    exports io.metermodem.config.store;
    exports io.metermodem.config.crypto;
}
