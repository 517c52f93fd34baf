package io.metermodem.config;

import io.metermodem.config.password.PasswordHash;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What values a parameter takes (CFG-1): each type turns a value text from outside (an SMS, a
 * {@code .cfg} line, the API) into its canonical text or a reason for refusing it.
 *
 * <p>Canonical texts are what a {@link Configuration} holds, what the store records and what a
 * {@code .cfg} export writes; reading a canonical text back gives the same value. All types except
 * {@link Password} trim surrounding white space, because neither the SMS syntax nor {@code .cfg}
 * lines can carry it. No type accepts control characters: they would break both line formats.
 *
 * <p>{@link SecretText} (the APN password, the SIM PIN) is kept readable because the modem must
 * send it to the network; it is encrypted at rest by the store (CFG-8) and masked in
 * {@code toString}. {@link Password} values are never kept: the canonical text is a
 * {@link PasswordHash} text form (SEC-5).
 */
public sealed interface ParameterType {

    /** Longest value text any type looks at; longer input is refused before any other work. */
    int MAX_INPUT_CHARS = 1024;

    /**
     * Checks a value given by a user and returns its canonical form.
     *
     * @param input the value text
     * @return the canonical text or the reason for refusing it
     */
    ValueCheck check(String input);

    /**
     * Checks a canonical text read back from the store or a {@code .cfg} export. Differs from
     * {@link #check(String)} only for {@link Password}, where a stored value must already be a hash.
     *
     * @param stored the stored text
     * @return the canonical text or the reason for refusing it
     */
    default ValueCheck checkStored(String stored) {
        return check(stored);
    }

    /**
     * Describes the accepted values for an operator, e.g. {@code "integer 300..115200"}.
     *
     * @return the description
     */
    String describe();

    /**
     * Tells whether values of this type must not appear in logs, {@code toString} or error texts.
     *
     * @return true for {@link SecretText} and {@link Password}
     */
    default boolean isSecret() {
        return false;
    }

    /**
     * An integer between two bounds, e.g. seconds or a certificate bank slot.
     *
     * @param min smallest value
     * @param max largest value
     */
    record IntegerRange(int min, int max) implements ParameterType {
        /** Checks the bounds are ordered. */
        public IntegerRange {
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " > max " + max);
            }
        }

        @Override
        public ValueCheck check(String input) {
            return ValueRules.integer(input, describe(), v -> v >= min && v <= max);
        }

        @Override
        public String describe() {
            return "integer " + min + ".." + max;
        }
    }

    /**
     * One of a fixed list of integers, e.g. the standard meter baud rates (TR-5).
     *
     * @param values the allowed values
     */
    record IntegerChoice(List<Integer> values) implements ParameterType {
        /** Copies and checks the list. */
        public IntegerChoice {
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("at least one value is required");
            }
            values = List.copyOf(values);
        }

        @Override
        public ValueCheck check(String input) {
            return ValueRules.integer(input, describe(), values::contains);
        }

        @Override
        public String describe() {
            return "one of " + values;
        }
    }

    /** A switch written {@code 0} (off) or {@code 1} (on), as the manual's {@code certreset} writes them. */
    record Flag() implements ParameterType {
        @Override
        public ValueCheck check(String input) {
            if (input == null) {
                return new ValueCheck.Invalid("a value is required: 0 or 1");
            }
            String v = input.strip();
            return v.equals("0") || v.equals("1") ? new ValueCheck.Valid(v)
                    : new ValueCheck.Invalid(ValueRules.quote(v) + " is not 0 or 1");
        }

        @Override
        public String describe() {
            return "0 or 1";
        }
    }

    /**
     * One word of a closed list, matched without regard to case; the canonical form is the word
     * as listed (e.g. {@code 7E1}, {@code lte_2g_fallback}).
     *
     * @param words the allowed words
     */
    record Choice(List<String> words) implements ParameterType {
        /** Copies and checks the list. */
        public Choice {
            if (words == null || words.isEmpty()) {
                throw new IllegalArgumentException("at least one word is required");
            }
            words = List.copyOf(words);
        }

        @Override
        public ValueCheck check(String input) {
            if (input == null) {
                return new ValueCheck.Invalid("a value is required: " + describe());
            }
            String v = input.strip();
            for (String w : words) {
                if (w.equalsIgnoreCase(v)) {
                    return new ValueCheck.Valid(w);
                }
            }
            return new ValueCheck.Invalid(ValueRules.quote(v) + " is not " + describe());
        }

        @Override
        public String describe() {
            return "one of " + String.join(", ", words);
        }
    }

    /**
     * Free text up to a length, matching a pattern (e.g. an APN name, a phone number).
     *
     * @param maxLength   longest value, characters
     * @param pattern     the whole value must match it
     * @param patternHint the pattern in words, for error texts
     */
    record Text(int maxLength, Pattern pattern, String patternHint) implements ParameterType {
        /** Checks the arguments. */
        public Text {
            ValueRules.checkTextArguments(maxLength, pattern, patternHint);
        }

        @Override
        public ValueCheck check(String input) {
            return ValueRules.text(input, maxLength, pattern, patternHint, false);
        }

        @Override
        public String describe() {
            return "text of at most " + maxLength + " characters, " + patternHint;
        }
    }

    /**
     * An IPv4 address or a host name (RFC 1123); empty means "not used" when {@code optional}.
     * Host names are canonically lower case.
     *
     * @param optional whether the empty value is allowed
     */
    record Host(boolean optional) implements ParameterType {
        @Override
        public ValueCheck check(String input) {
            return ValueRules.host(input, optional);
        }

        @Override
        public String describe() {
            return "an IPv4 address or host name" + (optional ? " (empty: not used)" : "");
        }
    }

    /**
     * A TCP/UDP port 1..65535; {@code 0} means "off" where {@code zeroMeansOff}.
     *
     * @param zeroMeansOff whether 0 is allowed and turns the function off
     */
    record Port(boolean zeroMeansOff) implements ParameterType {
        @Override
        public ValueCheck check(String input) {
            return ValueRules.integer(input, describe(), v -> v >= (zeroMeansOff ? 0 : 1) && v <= 65_535);
        }

        @Override
        public String describe() {
            return zeroMeansOff ? "port 1..65535 or 0 (off)" : "port 1..65535";
        }
    }

    /**
     * Text the modem must be able to read back and send (the APN password to the network, the SIM
     * PIN to the SIM), so it cannot be hashed; encrypted at rest (CFG-8), masked everywhere else.
     * Error texts never repeat the value.
     *
     * @param maxLength   longest value, characters
     * @param pattern     the whole value must match it
     * @param patternHint the pattern in words, for error texts
     */
    record SecretText(int maxLength, Pattern pattern, String patternHint) implements ParameterType {
        /** Checks the arguments. */
        public SecretText {
            ValueRules.checkTextArguments(maxLength, pattern, patternHint);
        }

        @Override
        public ValueCheck check(String input) {
            return ValueRules.text(input, maxLength, pattern, patternHint, true);
        }

        @Override
        public String describe() {
            return "secret text of at most " + maxLength + " characters, " + patternHint;
        }

        @Override
        public boolean isSecret() {
            return true;
        }
    }

    /**
     * A password (CSD, configuration, communication: CFG-6, SEC-5): only its {@link PasswordHash}
     * is kept, so it can be verified but never read back.
     *
     * <p>The input is either a password of 1..{@code maxLength} characters (hashed with
     * {@code iterations} PBKDF2 rounds and a fresh salt), a hash text form (as a {@code .cfg} export
     * carries it, taken as it is), or empty, which clears the password (SMS-2). A password may not
     * start or end with white space, nor begin with {@value PasswordHash#PREFIX}.
     *
     * @param maxLength  longest password, characters (31 for the CSD password, SMS-2)
     * @param iterations PBKDF2 iterations for new hashes
     */
    record Password(int maxLength, int iterations) implements ParameterType {
        /** Checks the arguments. */
        public Password {
            if (maxLength < 1 || maxLength > PasswordHash.MAX_PASSWORD_CHARS) {
                throw new IllegalArgumentException("maxLength " + maxLength + " outside 1.."
                        + PasswordHash.MAX_PASSWORD_CHARS);
            }
            if (iterations < PasswordHash.MIN_ITERATIONS || iterations > PasswordHash.MAX_ITERATIONS) {
                throw new IllegalArgumentException("iterations " + iterations + " outside "
                        + PasswordHash.MIN_ITERATIONS + ".." + PasswordHash.MAX_ITERATIONS);
            }
        }

        @Override
        public ValueCheck check(String input) {
            if (input == null || input.isEmpty()) {
                return new ValueCheck.Valid("");
            }
            if (PasswordHash.looksEncoded(input)) {
                return checkStored(input);
            }
            if (input.length() > maxLength) {
                return new ValueCheck.Invalid("longer than " + maxLength + " characters");
            }
            if (ValueRules.hasControl(input)) {
                return new ValueCheck.Invalid("contains a control character");
            }
            if (!input.strip().equals(input)) {
                return new ValueCheck.Invalid("starts or ends with white space");
            }
            return new ValueCheck.Valid(PasswordHash.create(input, iterations).encoded());
        }

        @Override
        public ValueCheck checkStored(String stored) {
            if (stored == null || stored.isEmpty()) {
                return new ValueCheck.Valid("");
            }
            return PasswordHash.parse(stored.strip())
                    .<ValueCheck>map(h -> new ValueCheck.Valid(h.encoded()))
                    .orElseGet(() -> new ValueCheck.Invalid("not a well-formed password hash ("
                            + PasswordHash.PREFIX + "<iterations " + PasswordHash.MIN_ITERATIONS + ".."
                            + PasswordHash.MAX_ITERATIONS + ">$<salt>$<hash>)"));
        }

        @Override
        public String describe() {
            return "password of at most " + maxLength + " characters (empty: none), or its hash form";
        }

        @Override
        public boolean isSecret() {
            return true;
        }
    }
}
