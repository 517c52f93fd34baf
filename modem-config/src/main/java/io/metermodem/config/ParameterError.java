package io.metermodem.config;

/**
 * Why a change was refused, for one parameter (CFG-1). A refused transaction lists every error it
 * found, not just the first, so an operator can fix a whole SMS or file in one go.
 *
 * @param name   the parameter name as given (possibly unknown); for a conflict, the first parameter involved
 * @param kind   what went wrong
 * @param reason the detail in words; never contains a secret value
 */
public record ParameterError(String name, Kind kind, String reason) {

    /** The kinds of error a transaction can meet. */
    public enum Kind {
        /** No parameter has this name. */
        UNKNOWN_NAME,
        /** The value is not one the parameter accepts. */
        BAD_VALUE,
        /** The same parameter is set twice in one transaction. */
        DUPLICATE,
        /** Values that are each valid do not fit together (e.g. two ports equal). */
        CONFLICT,
        /** The transaction holds more changes than a configuration has parameters (bounded input). */
        TOO_MANY_CHANGES
    }

    /** Checks every part is present. */
    public ParameterError {
        if (name == null || kind == null || reason == null) {
            throw new IllegalArgumentException("name, kind and reason are required");
        }
    }

    @Override
    public String toString() {
        return name + ": " + reason;
    }
}
