package io.metermodem.hal.cellular;

/** Receives the data and the end of a {@link CsdCall}. Calls never overlap. */
public interface CsdReceiver {

    /**
     * Bytes arrived from the remote side.
     *
     * @param data   buffer, valid only during the call
     * @param offset first byte
     * @param length number of bytes
     */
    void onData(byte[] data, int offset, int length);

    /**
     * The call ended; no more data follows.
     *
     * @param reason why
     */
    void onEnded(CallEndReason reason);
}
