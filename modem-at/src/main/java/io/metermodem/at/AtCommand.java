package io.metermodem.at;

/**
 * One command of a parsed command line.
 *
 * @param kind     basic ({@code E1}, {@code &C2}, {@code D123}), S-register or extended ({@code +CGDCONT})
 * @param name     upper-case name: {@code E}, {@code &C}, {@code D}, {@code S}, {@code +CGDCONT}
 * @param form     execute, read ({@code ?}), test ({@code =?}) or set ({@code =})
 * @param number   the numeric parameter of a basic command (0 when missing), the register of an S command
 * @param argument the dial string, the S-register value text, or the extended command's parameters as typed
 */
public record AtCommand(Kind kind, String name, Form form, int number, String argument) {

    /** The syntax family of a command. */
    public enum Kind {
        /** A letter, optionally after {@code &}, with an optional number; chains with others. */
        BASIC,
        /** {@code Sn=v} or {@code Sn?}. */
        S_REGISTER,
        /** {@code +NAME} with {@code ?}, {@code =?} or {@code =args}; alone on its line (AT-23). */
        EXTENDED
    }

    /** How a command is invoked. */
    public enum Form {
        /** Run it ({@code ATE1}, {@code AT+CGSN}). */
        EXEC,
        /** Read the value ({@code ATS0?}, {@code AT+CGDCONT?}). */
        READ,
        /** Ask what is allowed ({@code AT+CBST=?}). */
        TEST,
        /** Set a value ({@code ATS0=2}, {@code AT+CBST=7,0,1}). */
        SET
    }
}
