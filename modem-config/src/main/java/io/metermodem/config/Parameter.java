package io.metermodem.config;

import java.util.regex.Pattern;

/**
 * One configuration parameter (CFG-1): its name in the manual's {@code group.name} style, its group
 * in the configuration tool, the values it takes, its factory default (CFG-3), what it does, and
 * whether the modem must restart for a new value to take effect (CFG-4).
 *
 * @param name            e.g. {@code conn.apn_name}: lower case letters, digits and {@code _}, one dot
 * @param group           the tool's parameter group
 * @param type            the accepted values
 * @param defaultValue    the factory default, in canonical form
 * @param description     what the parameter does, for operators
 * @param restartRequired whether a change takes effect only after a restart (CFG-4, PWR-4)
 */
public record Parameter(String name, ParameterGroup group, ParameterType type, String defaultValue,
                        String description, boolean restartRequired) {

    /** Longest parameter name. */
    public static final int MAX_NAME_LENGTH = 48;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    /**
     * Checks the name, that the default is a canonical value of the type, and the description.
     *
     * @throws IllegalArgumentException when any of them is wrong
     */
    public Parameter {
        if (name == null || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name " + name + " is not in group.name style");
        }
        if (group == null || type == null || description == null || description.isBlank()) {
            throw new IllegalArgumentException(name + ": group, type and description are required");
        }
        if (!(type.checkStored(defaultValue) instanceof ValueCheck.Valid valid) || !valid.canonical().equals(defaultValue)) {
            throw new IllegalArgumentException(name + ": default is not a canonical " + type.describe());
        }
    }

    /**
     * Tells whether values must be masked in logs and texts ({@link ParameterType#isSecret()}).
     *
     * @return true for secret text and passwords
     */
    public boolean isSecret() {
        return type.isSecret();
    }

    /**
     * Tells whether the parameter is a password, readable only as its hash (SEC-5).
     *
     * @return true for {@link ParameterType.Password}
     */
    public boolean isPassword() {
        return type instanceof ParameterType.Password;
    }
}
