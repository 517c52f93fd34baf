package io.metermodem.config;

import java.util.Set;

/**
 * A committed configuration change, as listeners hear it (CFG-4): the firmware restarts when
 * {@code restartRequired}, other features re-read what changed.
 *
 * @param previous        the configuration before
 * @param current         the configuration now in force and stored
 * @param changed         names whose value changed, in registry order
 * @param restartRequired whether any changed parameter needs a restart
 * @param cause           what made the change
 */
public record ConfigurationChanged(Configuration previous, Configuration current, Set<String> changed,
                                   boolean restartRequired, Cause cause) {

    /** What made a change. */
    public enum Cause {
        /** A transaction: SMS, configuration tool, {@code .cfg} import (CFG-5, CFG-7). */
        TRANSACTION,
        /** A factory reset, {@code AT&F} (CFG-3, SMS-6). */
        FACTORY_RESET
    }

    /** Copies the set. */
    public ConfigurationChanged {
        changed = Set.copyOf(changed);
    }
}
