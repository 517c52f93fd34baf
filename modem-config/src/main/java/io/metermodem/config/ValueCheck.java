package io.metermodem.config;

/**
 * The answer of a {@link ParameterType} to a value text: either its canonical form or the reason
 * it is refused. Malformed input from outside (an SMS, a {@code .cfg} line) is a value, never an
 * exception.
 */
public sealed interface ValueCheck permits ValueCheck.Valid, ValueCheck.Invalid {

    /**
     * The value is acceptable.
     *
     * @param canonical the form it is stored, compared and exported in
     */
    record Valid(String canonical) implements ValueCheck {
        /** Checks the canonical text is present. */
        public Valid {
            if (canonical == null) {
                throw new IllegalArgumentException("canonical text is required");
            }
        }
    }

    /**
     * The value is refused.
     *
     * @param reason why, in words for an operator; never contains a secret value
     */
    record Invalid(String reason) implements ValueCheck {
        /** Checks the reason is present. */
        public Invalid {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a reason is required");
            }
        }
    }
}
