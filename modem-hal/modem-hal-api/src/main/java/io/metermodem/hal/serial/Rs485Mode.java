package io.metermodem.hal.serial;

/**
 * RS485 operation of the meter port (HAL-3, manual 2.4 and 3.3 step 6). RS485 runs at most
 * {@link #MAX_BAUD} and carries at most {@link #MAX_METERS} meters.
 */
public enum Rs485Mode {
    /** RS485 off: the port is an RS232 line. */
    OFF,
    /** Two-wire half duplex: the driver is enabled only while this end transmits (direction control). */
    TWO_WIRE,
    /** Four-wire full duplex: separate transmit and receive pairs. */
    FOUR_WIRE;

    /** Highest speed the device supports on RS485. */
    public static final int MAX_BAUD = 9600;
    /** Meters one RS485 bus of the device can carry. */
    public static final int MAX_METERS = 31;

    /**
     * Checks that a line speed is allowed in this mode.
     *
     * @param settings the line settings
     * @throws IllegalArgumentException when an RS485 mode is on and the baud exceeds {@link #MAX_BAUD}
     */
    public void checkSpeed(LineSettings settings) {
        if (this != OFF && settings.baud() > MAX_BAUD) {
            throw new IllegalArgumentException("RS485 supports at most " + MAX_BAUD + " baud, not " + settings.baud());
        }
    }
}
