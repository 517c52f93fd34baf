package io.metermodem.config;

import java.util.List;
import java.util.Set;

/**
 * The outcome of validating a whole {@link Transaction} against a configuration (CFG-1, CFG-4):
 * either the configuration it produces, or every error found. Validation changes nothing; the
 * {@link ConfigurationService} commits an accepted result.
 */
public sealed interface ChangeResult permits ChangeResult.Accepted, ChangeResult.Rejected {

    /**
     * Every change is valid.
     *
     * @param next            the configuration after the transaction
     * @param changed         names whose value differs from before, in registry order
     * @param restartRequired whether any changed parameter needs a restart (CFG-4)
     */
    record Accepted(Configuration next, Set<String> changed, boolean restartRequired) implements ChangeResult {
        /** Copies the set. */
        public Accepted {
            if (next == null) {
                throw new IllegalArgumentException("the next configuration is required");
            }
            changed = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(changed));
        }
    }

    /**
     * At least one change is invalid; nothing changes.
     *
     * @param errors every error found, in the order of the transaction
     */
    record Rejected(List<ParameterError> errors) implements ChangeResult {
        /** Copies the list, which must not be empty. */
        public Rejected {
            if (errors == null || errors.isEmpty()) {
                throw new IllegalArgumentException("a rejection has at least one error");
            }
            errors = List.copyOf(errors);
        }
    }
}
