package io.metermodem.sms.command;

/**
 * Why an SMS was dropped without a reply. Everything that fails before the sender is
 * authenticated is dropped silently, so that an SMS can neither probe the password nor learn
 * whether the modem takes commands, and so that operator notices and spam are never answered.
 */
public enum DropReason {
    /** The text is empty. */
    EMPTY,
    /** Longer than {@value SmsCommandParser#MAX_SMS_CHARS} characters (SMS-11). */
    TOO_LONG,
    /** Starts with a space, tab or line break (SMS-11). */
    LEADING_WHITESPACE,
    /** Starts with neither {@code pw=} nor {@code cmd=}: an ordinary message, not for the modem. */
    NOT_A_COMMAND,
    /** Starts with {@code pw=} but no {@code .cmd=} follows (SMS-1). */
    MALFORMED_PASSWORD_PREFIX,
    /** A CSD password is set and the SMS has no {@code pw=} prefix (SMS-1). */
    PASSWORD_MISSING,
    /** The {@code pw=} password is not the CSD password (SMS-1); counted by the throttle. */
    PASSWORD_WRONG,
    /** The sender, or every sender, is locked out after repeated wrong passwords. */
    THROTTLED,
    /** An internal failure; logged, nothing changed. */
    INTERNAL_ERROR
}
