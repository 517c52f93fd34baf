package io.metermodem.hal.serial;

/** Number of stop bits closing a UART frame. */
public enum StopBits {
    /** One stop bit. */
    ONE(1),
    /** Two stop bits. */
    TWO(2);

    private final int count;

    StopBits(int count) {
        this.count = count;
    }

    /** @return 1 or 2 */
    public int count() {
        return count;
    }
}
