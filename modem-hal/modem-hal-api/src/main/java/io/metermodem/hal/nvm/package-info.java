/**
 * Non-volatile memory for the configuration (HAL-6): NOR-flash semantics with pages, erase to 0xFF
 * and programming that can only clear bits, so that a store written on it survives power cuts.
 */
package io.metermodem.hal.nvm;
