package io.metermodem.at;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The V.250 settings of one interface: echo, quiet, verbose, result code set, DCD, DTR and flow
 * control behaviour, and the S-registers. {@code AT&W} stores the active profile in the configuration
 * parameter {@value #PARAMETER} in its {@link #canonical() canonical} text form, {@code ATZ} and a new
 * interpreter load it back with {@link #parse(String)}, {@code AT&F} loads {@link #factory()}.
 * Mutable, confined to its interpreter; {@link #copy()} hands out snapshots.
 */
public final class AtProfile {

    /** The configuration parameter holding the stored profile. */
    public static final String PARAMETER = "at.profile";
    /** Longest text {@link #parse(String)} looks at. */
    public static final int MAX_TEXT = 128;

    private boolean echo = true;
    private boolean quiet;
    private boolean verbose = true;
    private int resultSet = 1;
    private int dcdMode = 1;
    private int dtrMode;
    private int flowControl;
    private final int[] registers = new int[SRegister.values().length];

    private AtProfile() {
        for (SRegister r : SRegister.values()) {
            registers[r.ordinal()] = r.defaultValue();
        }
    }

    /**
     * The factory settings: {@code E1 Q0 V1 X1 &C1 &D0 &K0} and the registers' defaults.
     *
     * @return a new profile
     */
    public static AtProfile factory() {
        return new AtProfile();
    }

    /** @return an independent copy */
    public AtProfile copy() {
        AtProfile p = new AtProfile();
        p.echo = echo;
        p.quiet = quiet;
        p.verbose = verbose;
        p.resultSet = resultSet;
        p.dcdMode = dcdMode;
        p.dtrMode = dtrMode;
        p.flowControl = flowControl;
        System.arraycopy(registers, 0, p.registers, 0, registers.length);
        return p;
    }

    /** @return {@code ATE1}: characters are echoed in command mode (AT-4) */
    public boolean echo() {
        return echo;
    }

    /** @return {@code ATQ1}: result codes are suppressed (AT-8) */
    public boolean quiet() {
        return quiet;
    }

    /** @return {@code ATV1}: verbose result codes, {@code ATV0}: numeric (AT-9) */
    public boolean verbose() {
        return verbose;
    }

    /** @return the {@code ATX} value, 0..4 (AT-10) */
    public int resultSet() {
        return resultSet;
    }

    /** @return the {@code AT&C} value, 0..2 (AT-12) */
    public int dcdMode() {
        return dcdMode;
    }

    /** @return the {@code AT&D} value, 0..2 (AT-13) */
    public int dtrMode() {
        return dtrMode;
    }

    /** @return the {@code AT&K} value, 0 or 3 (AT-14) */
    public int flowControl() {
        return flowControl;
    }

    /**
     * @param register a register
     * @return its value
     */
    public int register(SRegister register) {
        return registers[register.ordinal()];
    }

    void echo(boolean on) {
        echo = on;
    }

    void quiet(boolean on) {
        quiet = on;
    }

    void verbose(boolean on) {
        verbose = on;
    }

    void resultSet(int value) {
        resultSet = value;
    }

    void dcdMode(int value) {
        dcdMode = value;
    }

    void dtrMode(int value) {
        dtrMode = value;
    }

    void flowControl(int value) {
        flowControl = value;
    }

    void register(SRegister register, int value) {
        registers[register.ordinal()] = value;
    }

    /**
     * The profile as {@code AT+I} lists it.
     *
     * @return e.g. {@code E1 Q0 V1 X1 &C1 &D0 &K0 S0=3 S2=43 S12=50}
     */
    public String summary() {
        return "E" + (echo ? 1 : 0) + " Q" + (quiet ? 1 : 0) + " V" + (verbose ? 1 : 0) + " X" + resultSet
                + " &C" + dcdMode + " &D" + dtrMode + " &K" + flowControl
                + " S0=" + register(SRegister.S0) + " S2=" + register(SRegister.S2)
                + " S7=" + register(SRegister.S7) + " S12=" + register(SRegister.S12);
    }

    /**
     * The profile as the configuration stores it: every setting, in a fixed order, separated by
     * single spaces; all S-registers but S1 (the ring counter).
     *
     * @return e.g. {@code E1 Q0 V1 X1 &C1 &D0 &K0 S0=3 S2=43 S3=13 S4=10 S5=8 S6=2 S7=60 S8=2 S10=14 S12=50}
     */
    public String canonical() {
        StringBuilder sb = new StringBuilder(96);
        sb.append('E').append(echo ? 1 : 0).append(" Q").append(quiet ? 1 : 0).append(" V").append(verbose ? 1 : 0)
                .append(" X").append(resultSet).append(" &C").append(dcdMode).append(" &D").append(dtrMode)
                .append(" &K").append(flowControl);
        for (SRegister r : SRegister.values()) {
            if (r != SRegister.S1) {
                sb.append(" S").append(r.index()).append('=').append(register(r));
            }
        }
        return sb.toString();
    }

    /**
     * Reads a stored profile. Settings may come in any order, separated by single spaces, each once;
     * all of {@link #canonical()}'s settings must be there, every value in its range. Anything else is
     * refused as a whole: a profile is never half loaded.
     *
     * @param text the stored text, at most {@value #MAX_TEXT} characters
     * @return the profile, or empty when the text is malformed
     */
    public static Optional<AtProfile> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        AtProfile p = new AtProfile();
        Set<String> seen = new HashSet<>();
        for (String token : text.split(" ", -1)) {
            int digits = token.startsWith("&") ? 2 : 1;
            if (token.length() <= digits) {
                return Optional.empty();
            }
            String key;
            String value;
            if (token.charAt(0) == 'S') {
                int eq = token.indexOf('=');
                if (eq < 2) {
                    return Optional.empty();
                }
                key = token.substring(0, eq);
                value = token.substring(eq + 1);
            } else {
                key = token.substring(0, digits);
                value = token.substring(digits);
            }
            int n = number(value);
            if (n < 0 || !seen.add(key) || !p.set(key, n)) {
                return Optional.empty();
            }
        }
        return seen.size() == 7 + SRegister.values().length - 1 ? Optional.of(p) : Optional.empty();
    }

    /** A decimal number of 1..3 digits without leading zeros, or -1. */
    private static int number(String text) {
        if (text.isEmpty() || text.length() > 3 || text.length() > 1 && text.charAt(0) == '0') {
            return -1;
        }
        int n = 0;
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    private boolean set(String key, int n) {
        switch (key) {
            case "E" -> echo = n == 1;
            case "Q" -> quiet = n == 1;
            case "V" -> verbose = n == 1;
            case "X" -> resultSet = n;
            case "&C" -> dcdMode = n;
            case "&D" -> dtrMode = n;
            case "&K" -> flowControl = n;
            default -> {
                if (!key.startsWith("S") || number(key.substring(1)) < 0) {
                    return false;
                }
                var r = SRegister.byIndex(number(key.substring(1)));
                if (r.isEmpty() || r.get() == SRegister.S1 || !r.get().accepts(n)) {
                    return false;
                }
                registers[r.get().ordinal()] = n;
                return true;
            }
        }
        return switch (key) {
            case "E", "Q", "V" -> n <= 1;
            case "X" -> n <= 4;
            case "&C", "&D" -> n <= 2;
            default -> n == 0 || n == 3; // &K
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AtProfile p && echo == p.echo && quiet == p.quiet && verbose == p.verbose
                && resultSet == p.resultSet && dcdMode == p.dcdMode && dtrMode == p.dtrMode
                && flowControl == p.flowControl && Arrays.equals(registers, p.registers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(registers) * 31 + summary().hashCode();
    }

    @Override
    public String toString() {
        return summary();
    }
}
