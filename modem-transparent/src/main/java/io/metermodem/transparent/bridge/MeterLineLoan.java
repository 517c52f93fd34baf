package io.metermodem.transparent.bridge;

import io.metermodem.hal.serial.LineSettings;
import java.io.IOException;

/**
 * Exclusive use of the meter line lent by the {@link TransparentBridge} to a
 * {@link MeterLineBorrower}. All methods must be called on the modem's scheduler. {@link #close()}
 * returns the line; the bridge then serves the sessions that waited for it, after the last
 * character written has left the wire.
 */
public interface MeterLineLoan extends AutoCloseable {

    /** @return whether the loan still holds the line (not closed, not revoked) */
    boolean isActive();

    /** @return the meter line's current settings */
    LineSettings settings();

    /**
     * Changes the meter line's settings.
     *
     * @param settings the new settings
     * @throws IOException if the loan has ended or the port refused the change
     */
    void reconfigure(LineSettings settings) throws IOException;

    /**
     * Queues bytes for the meter.
     *
     * @param data the bytes
     * @throws IOException if the loan has ended or the port failed
     */
    void write(byte[] data) throws IOException;

    /** Returns the line. Harmless when the loan has ended already. */
    @Override
    void close();
}
