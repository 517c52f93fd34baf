package io.metermodem.config;

/**
 * Hears every committed configuration change (CFG-4), after it is in the store. Called on the
 * thread that applied the change, in registration order; an exception from one listener is logged
 * and does not keep the others from hearing the change.
 */
@FunctionalInterface
public interface ConfigurationListener {

    /**
     * A change was committed.
     *
     * @param change what changed
     */
    void configurationChanged(ConfigurationChanged change);
}
