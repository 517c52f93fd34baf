package io.metermodem.config;

import java.util.List;
import java.util.Set;

/**
 * What {@link ConfigurationService#apply} and {@link ConfigurationService#factoryReset} did, with the
 * manual's {@code <error_code>} for the SMS replies (SMS-6, SMS-10): {@value #OK} written,
 * {@value #CRC_MISMATCH} the flash and RAM copies differ (CFG-2). The manual knows only these two, so
 * a storage failure is reported as {@value #CRC_MISMATCH} as well; a refused value, which the manual
 * does not cover, is {@value #INVALID}.
 */
public sealed interface ChangeOutcome {

    /** Error code: written / saved successfully. */
    int OK = 0;
    /** Error code: the CRC of the flash copy and the RAM copy do not match (CFG-2). */
    int CRC_MISMATCH = -1;
    /** Error code beyond the manual: the transaction was refused, nothing written. */
    int INVALID = -2;

    /**
     * The manual's error code for this outcome.
     *
     * @return 0, -1 or -2
     */
    int errorCode();

    /**
     * The configuration in force after the call.
     *
     * @return the current configuration
     */
    Configuration configuration();

    /**
     * Committed to the store; listeners have been told.
     *
     * @param configuration   the new configuration
     * @param changed         names whose value changed, in registry order
     * @param restartRequired whether the modem must restart for the change (CFG-4)
     */
    record Committed(Configuration configuration, Set<String> changed, boolean restartRequired)
            implements ChangeOutcome {
        /** Copies the set. */
        public Committed {
            changed = Set.copyOf(changed);
        }

        @Override
        public int errorCode() {
            return OK;
        }
    }

    /**
     * Valid, but every value was already in force: nothing written, no restart.
     *
     * @param configuration the unchanged configuration
     */
    record Unchanged(Configuration configuration) implements ChangeOutcome {
        @Override
        public int errorCode() {
            return OK;
        }
    }

    /**
     * Refused by validation; nothing changed.
     *
     * @param configuration the unchanged configuration
     * @param errors        every error found
     */
    record Invalid(Configuration configuration, List<ParameterError> errors) implements ChangeOutcome {
        /** Copies the list. */
        public Invalid {
            errors = List.copyOf(errors);
        }

        @Override
        public int errorCode() {
            return INVALID;
        }
    }

    /**
     * The flash copy no longer matches the RAM copy (CFG-2): nothing written, nothing changed.
     *
     * @param configuration the unchanged configuration
     */
    record FlashMismatch(Configuration configuration) implements ChangeOutcome {
        @Override
        public int errorCode() {
            return CRC_MISMATCH;
        }
    }

    /**
     * The store could not check or write the record; the configuration in RAM is unchanged and the
     * store keeps the old or the new record (its commit is atomic).
     *
     * @param configuration the unchanged configuration
     * @param reason        what failed
     */
    record StorageFailure(Configuration configuration, String reason) implements ChangeOutcome {
        @Override
        public int errorCode() {
            return CRC_MISMATCH;
        }
    }
}
