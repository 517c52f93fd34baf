package io.metermodem.config;

import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.config.store.StoredRecord;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modem's configuration in force (CFG-2..CFG-4): it owns the current {@link Configuration}
 * snapshot and the {@link ConfigurationStore} that keeps it across power cuts.
 *
 * <p>{@link #apply(Transaction)} validates the transaction whole; then, as the manual describes for
 * the SMS replies, it checks that the flash copy still matches the RAM copy, and refuses with error
 * code -1 when it does not (CFG-2, SMS-10); then it commits the new record and only then tells the
 * listeners, with whether a restart is needed (CFG-4). Any refusal leaves both RAM and flash as
 * they were. {@link #factoryReset()} commits the defaults ({@code AT&F}, CFG-3).
 *
 * <pre>{@code
 * ConfigurationService config = ConfigurationService.open(ParameterRegistry.wmE2s(), store);
 * config.addListener(change -> { if (change.restartRequired()) firmware.restart(); });
 * ChangeOutcome outcome = config.apply(Transaction.builder().set("conn.apn_name", "net").build());
 * smsReply("Configuration structure changed result: " + outcome.errorCode());
 * }</pre>
 *
 * <p>Methods are serialized; listeners are called on the calling thread after the commit.
 */
public final class ConfigurationService {

    /** Most listeners one service takes. */
    public static final int MAX_LISTENERS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationService.class);

    private final ParameterRegistry registry;
    private final RecordVault vault;
    private final List<ConfigurationListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> loadWarnings;
    private volatile Configuration current;
    private StoredRecord ramRecord;

    private ConfigurationService(ParameterRegistry registry, RecordVault vault) {
        this.registry = registry;
        this.vault = vault;
        Optional<StoredRecord> loaded;
        try {
            loaded = vault.load();
        } catch (IOException e) {
            LOG.warn("configuration store unreadable ({}); starting with the defaults", e.toString());
            loaded = Optional.empty();
        }
        if (loaded.isEmpty()) {
            LOG.info("no stored configuration; starting with the defaults");
            current = registry.defaults();
            loadWarnings = List.of();
            ramRecord = null;
        } else {
            StoredRecord record = loaded.get();
            DecodedConfiguration decoded = ConfigurationCodec.decode(record.payload(), record.formatVersion(),
                    registry);
            current = decoded.configuration();
            loadWarnings = decoded.warnings();
            ramRecord = record;
            LOG.info("configuration record {} loaded{}", record.sequence(),
                    decoded.isClean() ? "" : " with " + decoded.warnings().size() + " repair(s)");
        }
    }

    /**
     * Opens the configuration kept in a store: the newest valid record, or the defaults on a fresh
     * device or when the store cannot be read (logged; the defaults are written at the next change).
     *
     * @param registry the parameters this firmware knows
     * @param store    the store
     * @return the service
     */
    public static ConfigurationService open(ParameterRegistry registry, ConfigurationStore store) {
        if (registry == null || store == null) {
            throw new IllegalArgumentException("a registry and a store are required");
        }
        return new ConfigurationService(registry, RecordVault.of(store));
    }

    static ConfigurationService open(ParameterRegistry registry, RecordVault vault) {
        return new ConfigurationService(registry, vault);
    }

    /**
     * The configuration in force.
     *
     * @return the current snapshot
     */
    public Configuration current() {
        return current;
    }

    /**
     * The registry of this service.
     *
     * @return the registry
     */
    public ParameterRegistry registry() {
        return registry;
    }

    /**
     * What had to be repaired when the stored record was read at {@link #open}: unknown names,
     * missing names, invalid values (CFG-2).
     *
     * @return the warnings, empty for a clean record or a fresh device
     */
    public List<String> loadWarnings() {
        return loadWarnings;
    }

    /**
     * Validates and commits a transaction (CFG-2, CFG-4): all of it or nothing.
     *
     * @param transaction the changes
     * @return what happened, with the manual's error code
     */
    public synchronized ChangeOutcome apply(Transaction transaction) {
        if (transaction == null) {
            throw new IllegalArgumentException("a transaction is required");
        }
        Configuration before = current;
        return switch (transaction.validate(before)) {
            case ChangeResult.Rejected r -> new ChangeOutcome.Invalid(before, r.errors());
            case ChangeResult.Accepted a when a.changed().isEmpty() -> new ChangeOutcome.Unchanged(before);
            case ChangeResult.Accepted a -> commit(before, a.next(), a.changed(), a.restartRequired(),
                    ConfigurationChanged.Cause.TRANSACTION, true);
        };
    }

    /**
     * Factory reset, {@code AT&F} (CFG-3, SMS-6): commits the defaults, passwords included. Unlike
     * {@link #apply}, it does not refuse when the flash copy differs from RAM: a reset is the way out
     * of that state.
     *
     * @return what happened, with the manual's error code
     */
    public synchronized ChangeOutcome factoryReset() {
        Configuration before = current;
        Configuration defaults = registry.defaults();
        Set<String> changed = new LinkedHashSet<>();
        boolean restart = false;
        for (Parameter p : registry.parameters()) {
            if (!before.values().get(p.name()).equals(defaults.values().get(p.name()))) {
                changed.add(p.name());
                restart |= p.restartRequired();
            }
        }
        return commit(before, defaults, changed, restart, ConfigurationChanged.Cause.FACTORY_RESET, false);
    }

    /**
     * Registers a listener for committed changes.
     *
     * @param listener the listener
     * @throws IllegalStateException when {@value #MAX_LISTENERS} listeners are registered
     */
    public void addListener(ConfigurationListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("a listener is required");
        }
        synchronized (listeners) {
            if (listeners.size() >= MAX_LISTENERS) {
                throw new IllegalStateException("at most " + MAX_LISTENERS + " listeners");
            }
            listeners.add(listener);
        }
    }

    /**
     * Removes a listener.
     *
     * @param listener the listener
     * @return true when it was registered
     */
    public boolean removeListener(ConfigurationListener listener) {
        return listeners.remove(listener);
    }

    private ChangeOutcome commit(Configuration before, Configuration next, Set<String> changed, boolean restart,
                                 ConfigurationChanged.Cause cause, boolean checkFlash) {
        try {
            // CFG-2: a RAM copy whose CRC differs from flash means someone else wrote, or the flash
            // decayed; writing over it would hide that, so the manual answers -1 and changes nothing.
            if (checkFlash && ramRecord != null && !vault.matchesFlash(ramRecord)) {
                LOG.warn("configuration not written: flash copy differs from RAM copy (error -1)");
                return new ChangeOutcome.FlashMismatch(before);
            }
            byte[] payload = ConfigurationCodec.encode(next);
            if (payload.length > vault.maxPayloadBytes()) {
                return new ChangeOutcome.StorageFailure(before, "configuration needs " + payload.length
                        + " bytes, a record holds " + vault.maxPayloadBytes());
            }
            ramRecord = vault.commit(payload, ConfigurationCodec.FORMAT_VERSION);
        } catch (IOException e) {
            LOG.warn("configuration not written: {}", e.toString());
            return new ChangeOutcome.StorageFailure(before, e.toString());
        }
        current = next;
        // Names only: values may be secrets.
        LOG.info("configuration record {} committed ({}): {} changed{}", ramRecord.sequence(), cause, changed,
                restart ? ", restart required" : "");
        ConfigurationChanged event = new ConfigurationChanged(before, next, changed, restart, cause);
        for (ConfigurationListener l : listeners) {
            try {
                l.configurationChanged(event);
            } catch (RuntimeException e) {
                LOG.warn("configuration listener {} failed", l, e);
            }
        }
        return new ChangeOutcome.Committed(next, changed, restart);
    }
}
