package io.metermodem.transparent.interop;

import io.metermodem.hal.serial.LineSettings;
import java.io.IOException;
import java.time.Duration;

/**
 * The blocking byte pipe a {@link GuruxHes} talks through: a TCP socket to the modem (the production
 * path) or a serial port of the mock wire (the baseline without modem). Each channel has its own
 * clock: virtual for a serial port in virtual time, the wall clock for a socket.
 */
public interface HesByteChannel extends AutoCloseable {

    /**
     * Sends bytes.
     *
     * @param data what to send
     * @throws IOException if the channel is broken
     */
    void write(byte[] data) throws IOException;

    /**
     * Waits for bytes.
     *
     * @param timeout the longest wait on this channel's clock
     * @return what arrived, at least one byte, or an empty array if nothing arrived in time
     * @throws IOException if the channel is broken or closed by the peer
     */
    byte[] read(Duration timeout) throws IOException;

    /** @return this channel's clock in nanoseconds (virtual or wall), for deadlines */
    long nanoTime();

    /**
     * The IEC 62056-21 option select asks both ends to change speed. A serial channel waits until
     * what it sent has left the port and then changes its own line; a TCP channel does nothing,
     * because over TCP the modem's bridge is the one that follows (TR-11).
     *
     * @param settings the new line settings
     * @throws IOException if the line cannot be changed
     */
    default void followLineChange(LineSettings settings) throws IOException {
    }

    /** Closes the channel; never throws. */
    @Override
    void close();
}
