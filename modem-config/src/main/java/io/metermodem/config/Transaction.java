package io.metermodem.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of parameter changes applied together or not at all (CFG-1, CFG-4): what one SMS, one
 * {@code .cfg} import or one configuration-tool write asks for.
 *
 * <p>A transaction is built with {@link #builder()}, collecting {@code set(name, valueText)} and
 * {@code reset(name)} in order, and is then {@linkplain #validate(Configuration) validated whole}
 * against a configuration: unknown names, bad values, a parameter set twice and broken
 * {@link ConsistencyRule}s are all reported together, and on any error nothing changes.
 *
 * <pre>{@code
 * Transaction tx = Transaction.builder()
 *         .set("conn.apn_name", "net")
 *         .set("tm.baud", "19200")
 *         .build();
 * switch (tx.validate(current)) {
 *     case ChangeResult.Accepted a -> ... a.next() ...
 *     case ChangeResult.Rejected r -> ... r.errors() ...
 * }
 * }</pre>
 */
public final class Transaction {

    /**
     * The parameters {@code certreset} sets to 0 (SMS-9, SEC-6).
     */
    public static final List<String> CERT_RESET_PARAMETERS = List.of("dm.tls_enable", "dm.cert", "dm.ca_cert",
            "dm.verify", "tm.tls_enable", "tm.cert", "tm.ca_cert", "tm.verify");

    /** Most changes one transaction may carry: every parameter set once, with room for errors to report. */
    public static final int MAX_CHANGES = 2 * ParameterRegistry.MAX_PARAMETERS;

    /**
     * One requested change.
     *
     * @param name      the parameter name as given
     * @param valueText the new value text, or null for a reset to the default
     */
    public record Change(String name, String valueText) {
        /** Checks the name is present. */
        public Change {
            if (name == null) {
                throw new IllegalArgumentException("a parameter name is required");
            }
        }

        /**
         * Tells whether this change resets the parameter to its default.
         *
         * @return true for a reset
         */
        public boolean isReset() {
            return valueText == null;
        }

        /** Never shows the value, which may be a password. */
        @Override
        public String toString() {
            return isReset() ? "reset " + name : "set " + name;
        }
    }

    private final List<Change> changes;
    private final boolean overflowed;

    private Transaction(List<Change> changes, boolean overflowed) {
        this.changes = List.copyOf(changes);
        this.overflowed = overflowed;
    }

    /**
     * Starts a transaction.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code certreset} SMS command (SMS-9): the Device Manager and transparent TLS parameters
     * set to 0.
     *
     * @return the transaction
     */
    public static Transaction certReset() {
        Builder b = builder();
        CERT_RESET_PARAMETERS.forEach(n -> b.set(n, "0"));
        return b.build();
    }

    /**
     * The requested changes in order.
     *
     * @return an unmodifiable list
     */
    public List<Change> changes() {
        return changes;
    }

    /**
     * Validates every change against a configuration, changing nothing.
     *
     * @param base the configuration the changes apply to
     * @return the next configuration with what changed, or every error found
     */
    public ChangeResult validate(Configuration base) {
        if (base == null) {
            throw new IllegalArgumentException("a base configuration is required");
        }
        ParameterRegistry registry = base.registry();
        List<ParameterError> errors = new ArrayList<>();
        if (overflowed) {
            errors.add(new ParameterError("*", ParameterError.Kind.TOO_MANY_CHANGES,
                    "more than " + MAX_CHANGES + " changes in one transaction"));
        }
        Map<String, String> next = new LinkedHashMap<>(base.values());
        Set<String> seen = new HashSet<>();
        for (Change c : changes) {
            Parameter p = registry.find(c.name()).orElse(null);
            if (p == null) {
                errors.add(new ParameterError(c.name(), ParameterError.Kind.UNKNOWN_NAME,
                        "unknown parameter " + c.name()));
                continue;
            }
            if (!seen.add(c.name())) {
                errors.add(new ParameterError(c.name(), ParameterError.Kind.DUPLICATE,
                        c.name() + " is changed more than once"));
                continue;
            }
            if (c.isReset()) {
                next.put(p.name(), p.defaultValue());
                continue;
            }
            switch (p.type().check(c.valueText())) {
                case ValueCheck.Valid v -> next.put(p.name(), v.canonical());
                case ValueCheck.Invalid i -> errors.add(new ParameterError(p.name(), ParameterError.Kind.BAD_VALUE,
                        i.reason()));
            }
        }
        if (!errors.isEmpty()) {
            return new ChangeResult.Rejected(errors);
        }
        Configuration candidate = new Configuration(registry, next);
        for (ConsistencyRule rule : registry.rules()) {
            rule.check(candidate).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            return new ChangeResult.Rejected(errors);
        }
        Set<String> changed = new LinkedHashSet<>();
        boolean restart = false;
        for (Parameter p : registry.parameters()) {
            if (!next.get(p.name()).equals(base.values().get(p.name()))) {
                changed.add(p.name());
                restart |= p.restartRequired();
            }
        }
        return new ChangeResult.Accepted(changed.isEmpty() ? base : candidate, changed, restart);
    }

    /** Lists the names changed, never the values. */
    @Override
    public String toString() {
        return "Transaction" + changes;
    }

    /**
     * Collects changes. Past {@link #MAX_CHANGES} changes further ones are dropped and validation
     * reports {@link ParameterError.Kind#TOO_MANY_CHANGES}, so input from outside stays bounded.
     */
    public static final class Builder {
        private final List<Change> changes = new ArrayList<>();
        private boolean overflowed;

        private Builder() {
        }

        /**
         * Sets a parameter.
         *
         * @param name      the parameter name
         * @param valueText the value text (checked at validation)
         * @return this builder
         */
        public Builder set(String name, String valueText) {
            return add(new Change(name, valueText == null ? "" : valueText));
        }

        /**
         * Resets a parameter to its default (CFG-3).
         *
         * @param name the parameter name
         * @return this builder
         */
        public Builder reset(String name) {
            return add(new Change(name, null));
        }

        /**
         * Tells how many changes have been collected.
         *
         * @return the count
         */
        public int size() {
            return changes.size();
        }

        /**
         * Finishes the transaction.
         *
         * @return the transaction
         */
        public Transaction build() {
            return new Transaction(changes, overflowed);
        }

        private Builder add(Change change) {
            if (changes.size() >= MAX_CHANGES) {
                overflowed = true;
            } else {
                changes.add(change);
            }
            return this;
        }
    }
}
