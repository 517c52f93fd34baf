package io.metermodem.config;

import io.metermodem.config.password.PasswordHash;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of every parameter of a {@link ParameterRegistry} (CFG-1). A snapshot is
 * only ever made from the defaults or by a validated {@link Transaction}, so every value in it is
 * a canonical, valid value of its parameter's type.
 *
 * <p>Typed getters read values; asking a parameter for the wrong kind of value, or an unknown name,
 * is API misuse ({@link IllegalArgumentException}). Secret text (the APN password, SIM PIN) is
 * readable with {@link #text(String)} because the modem must send it; passwords are not readable at
 * all: {@link #passwordMatches(String, String)} and {@link #isPasswordSet(String)} are the only
 * questions they answer (SEC-5). {@link #valueText(String)} of a password gives its hash form, which
 * is what records and exports carry. {@link #toString()} masks every secret.
 */
public final class Configuration {

    private final ParameterRegistry registry;
    private final Map<String, String> values;

    Configuration(ParameterRegistry registry, Map<String, String> values) {
        this.registry = registry;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The registry this snapshot belongs to.
     *
     * @return the registry
     */
    public ParameterRegistry registry() {
        return registry;
    }

    /**
     * The canonical text of a value, as stored and exported; for a password its hash form (or empty
     * when none is set), never the password.
     *
     * @param name the parameter name
     * @return the canonical text
     */
    public String valueText(String name) {
        registry.parameter(name);
        return values.get(name);
    }

    /**
     * An integer value: integer ranges and choices, ports, and flags as 0/1.
     *
     * @param name the parameter name
     * @return the value
     */
    public int intValue(String name) {
        Parameter p = registry.parameter(name);
        if (!(p.type() instanceof ParameterType.IntegerRange || p.type() instanceof ParameterType.IntegerChoice
                || p.type() instanceof ParameterType.Port || p.type() instanceof ParameterType.Flag)) {
            throw new IllegalArgumentException(name + " is not an integer parameter but " + p.type().describe());
        }
        return Integer.parseInt(values.get(name));
    }

    /**
     * A flag value.
     *
     * @param name the parameter name
     * @return true for 1
     */
    public boolean bool(String name) {
        Parameter p = registry.parameter(name);
        if (!(p.type() instanceof ParameterType.Flag)) {
            throw new IllegalArgumentException(name + " is not a 0/1 parameter but " + p.type().describe());
        }
        return values.get(name).equals("1");
    }

    /**
     * The word of a choice, as listed by the type (e.g. {@code 8N1}, {@code lte_2g_fallback}).
     *
     * @param name the parameter name
     * @return the word
     */
    public String word(String name) {
        Parameter p = registry.parameter(name);
        if (!(p.type() instanceof ParameterType.Choice)) {
            throw new IllegalArgumentException(name + " is not a choice parameter but " + p.type().describe());
        }
        return values.get(name);
    }

    /**
     * A text value: text, host, choice, or secret text (which the modem must send to the network).
     * Not available for passwords.
     *
     * @param name the parameter name
     * @return the text, possibly empty
     */
    public String text(String name) {
        Parameter p = registry.parameter(name);
        if (p.isPassword()) {
            throw new IllegalArgumentException(name + " is a password: it can only be verified");
        }
        return values.get(name);
    }

    /**
     * Tells whether a password is set.
     *
     * @param name a password parameter
     * @return true when a password is set
     */
    public boolean isPasswordSet(String name) {
        requirePassword(name);
        return !values.get(name).isEmpty();
    }

    /**
     * Checks a candidate password in constant time (PBKDF2 then {@link java.security.MessageDigest#isEqual}).
     * Without a password set, only the empty candidate matches: the SMS rule "without a password the
     * prefix is omitted" (SMS-1).
     *
     * @param name      a password parameter
     * @param candidate the candidate password
     * @return true when it matches
     */
    public boolean passwordMatches(String name, String candidate) {
        requirePassword(name);
        Optional<PasswordHash> hash = PasswordHash.parse(values.get(name));
        if (hash.isEmpty()) {
            return candidate == null || candidate.isEmpty();
        }
        return hash.get().matches(candidate);
    }

    /**
     * The canonical values of every parameter, in registry order.
     *
     * @return an unmodifiable map (password values are hash forms)
     */
    public Map<String, String> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration other && registry == other.registry && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Lists every value, secrets and passwords masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Configuration[");
        boolean first = true;
        for (Parameter p : registry.parameters()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            String v = values.get(p.name());
            sb.append(p.name()).append('=').append(p.isSecret() ? (v.isEmpty() ? "" : "***") : v);
        }
        return sb.append(']').toString();
    }

    private void requirePassword(String name) {
        if (!registry.parameter(name).isPassword()) {
            throw new IllegalArgumentException(name + " is not a password parameter");
        }
    }
}
