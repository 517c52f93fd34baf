package io.metermodem.sms.command;

/**
 * The reply texts of the SMS commands. Where the manual gives a text (4.6) it is used word for word;
 * the others are this firmware's own. Lines end with a real CR LF.
 */
public final class SmsReplies {

    /** Reply to sets (SMS-10), followed by the error code. */
    public static final String CHANGED = "Configuration structure changed result: ";
    /** Reply to {@code AT&F} and {@code certreset} (SMS-6, SMS-9), followed by the error code. */
    public static final String RESET = "Configuration structure reset result: ";
    /** Reply to {@code ATR} (SMS-7). */
    public static final String RESTART = "Device reset requested after SMS answer";
    /** Beginning of the reply to an authenticated SMS whose commands do not parse (beyond the manual). */
    public static final String NOT_PROCESSED = "Command not processed: ";
    /** Beginning of the reply to a failed {@code mread} (beyond the manual). */
    public static final String MREAD_FAILED = "mread failed: ";
    /** What a query of a secret parameter shows when it is set: never the value, nor its length. */
    public static final String SECRET_MASK = "********";
    /** Line end of replies. */
    public static final String CRLF = "\r\n";

    private SmsReplies() {
    }
}
