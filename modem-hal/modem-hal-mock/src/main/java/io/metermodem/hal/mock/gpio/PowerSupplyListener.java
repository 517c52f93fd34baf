package io.metermodem.hal.mock.gpio;

/**
 * Hears a {@link MockPowerSupply} kill and revive the board (HAL-5). A firmware never sees these: a
 * dead modem runs no code. The mock board uses them to stop and restart the firmware it hosts.
 */
public interface PowerSupplyListener {

    /**
     * External power is off and the supercapacitor ran empty: the board stopped.
     *
     * @param nanoTime when, on the board's clock
     */
    default void onBrownOut(long nanoTime) {
    }

    /**
     * External power came back after a brown-out: the board starts again from reset.
     *
     * @param nanoTime when, on the board's clock
     */
    default void onPowerUp(long nanoTime) {
    }
}
