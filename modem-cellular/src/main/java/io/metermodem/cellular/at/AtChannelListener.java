package io.metermodem.cellular.at;

/**
 * Hears what an {@link AtChannel} receives besides command responses (HAL-7). Called on the
 * scheduler's thread, in arrival order.
 */
public interface AtChannelListener {

    /** @param urc an unsolicited result code */
    default void onUnsolicited(Urc urc) {
    }

    /** @param bytes data received in online data mode */
    default void onData(byte[] bytes) {
    }

    /** Online data mode ended with {@code NO CARRIER}. */
    default void onDataModeEnded() {
    }

    /**
     * The channel asks for a module reset: resynchronisation failed or timeouts repeat. The channel
     * has already sent {@link AtChannel#resetCommand()} blind; a board with a reset line pulses it here.
     *
     * @param resets resets in a row, 1 for the first
     */
    default void onResetRequested(int resets) {
    }

    /** The channel resynchronised with the module after a timeout or reset. */
    default void onResynchronised() {
    }

    /** @param droppedBytes bytes of an overlong line that were dropped */
    default void onLineOverflow(int droppedBytes) {
    }
}
