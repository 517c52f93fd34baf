package io.metermodem.sms.command;

import java.util.Objects;

/**
 * One command of an SMS (manual 4.6). An SMS carries either sets and queries, in any mix (SMS-4),
 * or exactly one of the special commands {@code AT&F}, {@code ATR}, {@code mread}, {@code certreset}.
 */
public sealed interface SmsCommand {

    /**
     * {@code <param> = <value>} (SMS-3): sets a parameter. The value may be empty ({@code csd.password =}
     * clears the password, SMS-2). {@link #toString()} never shows the value, which may be a secret.
     *
     * @param name  the parameter name
     * @param value the value text exactly as sent
     */
    record Set(String name, String value) implements SmsCommand {
        /** Checks both parts are present. */
        public Set {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "Set[" + name + "]";
        }
    }

    /**
     * {@code ?<param>} (SMS-5): reads a parameter.
     *
     * @param name the parameter name
     */
    record Query(String name) implements SmsCommand {
        /** Checks the name is present. */
        public Query {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code AT&F} (SMS-6): factory reset of the configuration. */
    record FactoryReset() implements SmsCommand {
    }

    /** {@code ATR} (SMS-7): restart once the reply has been sent. */
    record Restart() implements SmsCommand {
    }

    /** {@code mread} (SMS-8): reads C.1.0, 0.9.2 and 0.9.1 from the meter. */
    record MeterRead() implements SmsCommand {
    }

    /** {@code certreset} (SMS-9): the TLS parameters of Device Manager and transparent mode to 0. */
    record CertReset() implements SmsCommand {
    }

    /** @return whether this command must be the only one of its SMS */
    default boolean isSpecial() {
        return !(this instanceof Set || this instanceof Query);
    }
}
