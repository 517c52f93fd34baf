package io.metermodem.at;

import java.util.Arrays;

/**
 * The V.250 settings of one interface: echo, quiet, verbose, result code set, DCD, DTR and flow
 * control behaviour, and the S-registers. {@code AT&W} copies the active profile to the stored one,
 * {@code ATZ} copies it back, {@code AT&F} loads {@link #factory()}. Mutable, confined to its
 * interpreter; {@link #copy()} hands out snapshots.
 */
public final class AtProfile {

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
