package io.metermodem.transparent.bridge;

/**
 * The modem's own use of the meter line while no head-end needs it, for example the {@code mread}
 * SMS command (SMS-8, TR-9): it borrows the line from the {@link TransparentBridge} with
 * {@link TransparentBridge#borrowMeterLine}. The bridge calls these methods on the modem's scheduler.
 *
 * <p>A borrower has the lowest priority on the meter line (TR-3): it gets the line only when no
 * session owns it or waits for it, and the first head-end byte of any channel takes it back.
 */
public interface MeterLineBorrower {

    /**
     * Bytes the meter sent while the line is lent.
     *
     * @param data the bytes; the array belongs to the borrower
     */
    void onMeterData(byte[] data);

    /**
     * A head-end session wants the line: the loan has ended before the borrower returned it. Nothing
     * the borrower writes reaches the meter any more.
     *
     * @param by the channel of the session that takes the line
     */
    void onRevoked(Channel by);
}
