package io.metermodem.config;

import java.util.List;

/**
 * A configuration read back from a stored payload, with what had to be repaired on the way (CFG-2):
 * names this firmware does not know, names the record lacks, values that are no longer valid.
 *
 * @param configuration the configuration, always complete and valid
 * @param warnings      what was ignored or defaulted, one line each; never contains a value
 */
public record DecodedConfiguration(Configuration configuration, List<String> warnings) {

    /** Copies the list. */
    public DecodedConfiguration {
        if (configuration == null) {
            throw new IllegalArgumentException("a configuration is required");
        }
        warnings = List.copyOf(warnings);
    }

    /**
     * Tells whether the payload was read without any repair.
     *
     * @return true when there are no warnings
     */
    public boolean isClean() {
        return warnings.isEmpty();
    }
}
