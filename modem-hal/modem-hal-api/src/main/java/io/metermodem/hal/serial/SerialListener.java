package io.metermodem.hal.serial;

/**
 * Receives what arrives on a {@link SerialPort}. Calls come on the board's scheduler (mock) or on
 * the port's reader thread (hardware), one at a time and in arrival order. Implementations must not
 * block; {@code data} is only valid during the call.
 */
public interface SerialListener {

    /**
     * Characters arrived.
     *
     * @param data   buffer holding them
     * @param offset first character
     * @param length number of characters, at least 1
     */
    void onData(byte[] data, int offset, int length);

    /**
     * A receive error was detected. The character concerned, if any, is delivered through
     * {@link #onData} as well, just before this call.
     *
     * @param error what happened
     */
    default void onLineError(LineError error) {
    }

    /**
     * A control line driven by the other end changed level.
     *
     * @param line     the line
     * @param asserted its new level
     */
    default void onControlLineChanged(ControlLine line, boolean asserted) {
    }
}
