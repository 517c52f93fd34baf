/**
 * The in-memory modem board in virtual time (HAL-8), published for users' tests: a virtual
 * scheduler, a serial wire that models UART framing bit by bit, an RS485 bus, recording LEDs, flash
 * with power cuts and bit flips, a power supply and a scriptable cellular network.
 */
module io.metermodem.hal.mock {
    requires transitive io.metermodem.hal;

    exports io.metermodem.hal.mock;
    exports io.metermodem.hal.mock.serial;
    exports io.metermodem.hal.mock.gpio;
    exports io.metermodem.hal.mock.nvm;
    exports io.metermodem.hal.mock.cellular;
}
