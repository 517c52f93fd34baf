package io.metermodem.at;

/** The V.250 states of an interpreter (AT-7, AT-24). */
public enum AtMode {
    /** Command lines are read and executed; no call, or a call is being set up. */
    COMMAND,
    /** A CSD call is connected and the terminal's bytes go to it. */
    ONLINE_DATA,
    /** A CSD call is connected but the terminal talks to the interpreter ({@code +++}, {@code AT&D1}); {@code ATO} resumes. */
    ONLINE_COMMAND,
    /** {@code AT+R} power cycle in progress: input is ignored until it ends (AT-17). */
    RESETTING
}
