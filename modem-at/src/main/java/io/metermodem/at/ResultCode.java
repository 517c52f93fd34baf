package io.metermodem.at;

/**
 * The final result codes of the interpreter with their ITU-T V.250 numbers (AT-22).
 *
 * <p>The manual's table (4.4) numbers them from 1 ({@code OK} = 1, {@code ERROR} = 5); no terminal
 * program expects that, so the numbers here are the standard's: {@code 0 OK}, {@code 1 CONNECT},
 * {@code 2 RING}, {@code 3 NO CARRIER}, {@code 4 ERROR}, {@code 6 NO DIALTONE}, {@code 7 BUSY},
 * {@code 8 NO ANSWER}.
 */
public enum ResultCode {
    /** The command line was executed. */
    OK(0, "OK"),
    /** A data connection is established; in the extended set ({@code ATX1}..) followed by the rate. */
    CONNECT(1, "CONNECT"),
    /** An incoming call rings. */
    RING(2, "RING"),
    /** The connection could not be set up or was lost. */
    NO_CARRIER(3, "NO CARRIER"),
    /** The command line was not understood, not allowed here, or a value was out of range. */
    ERROR(4, "ERROR"),
    /** No network to dial on (extended code set only). */
    NO_DIALTONE(6, "NO DIALTONE"),
    /** The called number is busy (extended code set only). */
    BUSY(7, "BUSY"),
    /** The called number does not answer (extended code set only). */
    NO_ANSWER(8, "NO ANSWER");

    private final int number;
    private final String text;

    ResultCode(int number, String text) {
        this.number = number;
        this.text = text;
    }

    /** @return the V.250 numeric code sent after {@code ATV0} */
    public int number() {
        return number;
    }

    /** @return the verbose text sent after {@code ATV1} */
    public String text() {
        return text;
    }

    /**
     * Tells whether the basic code set ({@code ATX0}) reports this code as it is; the extended codes
     * are reported as {@link #NO_CARRIER} there (AT-10).
     *
     * @return true for the codes of the basic set
     */
    public boolean inBasicSet() {
        return this != NO_DIALTONE && this != BUSY && this != NO_ANSWER;
    }
}
