/**
 * The metermodem hardware abstraction: everything a modem firmware needs from its board, as
 * interfaces and value types only (HAL-1..HAL-8). Feature modules depend on this module and never
 * on an implementation; {@code io.metermodem.hal.mock} and {@code io.metermodem.hal.pi} bind it.
 */
module io.metermodem.hal {
    requires transitive org.slf4j;

    exports io.metermodem.hal;
    exports io.metermodem.hal.time;
    exports io.metermodem.hal.serial;
    exports io.metermodem.hal.gpio;
    exports io.metermodem.hal.nvm;
    exports io.metermodem.hal.cellular;
}
