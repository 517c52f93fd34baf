package io.metermodem.hal.serial;

/**
 * How the modem drives DCD towards the meter (HAL-2, manual 3.5 "Data control direction").
 * Itron SL7000 meters read the line to know the direction of the data flow.
 */
public enum DcdMode {
    /** Always logical 0. */
    FIX_0,
    /** Always logical 1. */
    FIX_1,
    /** Asserted while a connection (carrier) is up. */
    STANDARD,
    /** The opposite of {@link #STANDARD}: asserted while no connection is up. */
    INVERTED;

    /**
     * The DCD level this mode outputs.
     *
     * @param connected whether a remote connection (TCP session or CSD carrier) is up
     * @return {@code true} for an asserted line
     */
    public boolean level(boolean connected) {
        return switch (this) {
            case FIX_0 -> false;
            case FIX_1 -> true;
            case STANDARD -> connected;
            case INVERTED -> !connected;
        };
    }
}
