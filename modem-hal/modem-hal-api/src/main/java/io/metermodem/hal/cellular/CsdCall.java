package io.metermodem.hal.cellular;

import java.io.IOException;

/**
 * A connected circuit-switched data call (HAL-7, TR-6): a byte stream to the remote modem.
 */
public interface CsdCall {

    /** @return the remote party's number, as the network presented it */
    String remoteNumber();

    /** @return whether the call is still connected */
    boolean isConnected();

    /**
     * Sends bytes to the remote side.
     *
     * @param data   buffer
     * @param offset first byte
     * @param length number of bytes
     * @throws IOException if the call has ended
     */
    void write(byte[] data, int offset, int length) throws IOException;

    /**
     * Sets where received bytes and the end of the call go.
     *
     * @param receiver the receiver; bytes that arrived before it was set are delivered to it at once
     */
    void setReceiver(CsdReceiver receiver);

    /** Hangs up. Harmless on an ended call. */
    void hangUp();
}
