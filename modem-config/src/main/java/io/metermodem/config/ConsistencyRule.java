package io.metermodem.config;

import java.util.Optional;

/**
 * A rule across parameters that each hold a valid value, e.g. "the utility and customer ports must
 * differ" (manual 3.10, TR-3). Rules run on the whole candidate configuration of a transaction, so
 * a change that breaks one is refused like a bad value (CFG-1).
 */
@FunctionalInterface
public interface ConsistencyRule {

    /**
     * Checks a candidate configuration.
     *
     * @param candidate the configuration the transaction would produce
     * @return the conflict, or empty when the rule holds
     */
    Optional<ParameterError> check(Configuration candidate);
}
