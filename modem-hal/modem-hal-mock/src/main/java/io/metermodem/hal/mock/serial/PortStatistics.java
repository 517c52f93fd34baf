package io.metermodem.hal.mock.serial;

/**
 * Counters of a {@link MockSerialPort}, for assertions in tests (HAL-1).
 *
 * @param bytesWritten     characters accepted by {@code write}
 * @param bytesTransmitted characters whose frame has completely left the port
 * @param bytesReceived    characters delivered to the receive buffer or the listener
 * @param parityErrors     characters received with a wrong parity bit
 * @param framingErrors    characters received with a space where the stop bit belongs
 * @param overrunErrors    characters lost because the receive buffer was full
 * @param breaks           breaks detected (line at space for at least a whole frame)
 */
public record PortStatistics(long bytesWritten, long bytesTransmitted, long bytesReceived,
                             long parityErrors, long framingErrors, long overrunErrors, long breaks) {

    /** @return all receive errors together */
    public long lineErrors() {
        return parityErrors + framingErrors + overrunErrors + breaks;
    }
}
