package io.metermodem.hal.mock.serial;

/**
 * One switch of an RS485 port's line driver (HAL-3 direction control): in two-wire mode a port
 * enables its driver only while it transmits, so a test can assert that the modem releases the bus.
 *
 * @param nanoTime when the driver switched, on the scheduler's clock
 * @param enabled  {@code true} when the driver started driving the bus
 */
public record DriverEnableChange(long nanoTime, boolean enabled) {
}
