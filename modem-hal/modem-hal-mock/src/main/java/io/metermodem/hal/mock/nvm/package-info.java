/**
 * In-memory flash for the configuration store (HAL-6): {@link io.metermodem.hal.mock.nvm.MockFlash}
 * keeps NOR semantics (erase to {@code 0xFF} per page, programming only clears bits) and lets a test
 * cut power after any byte of a write or in the middle of an erase, flip single bits, count wear and
 * inspect a copy of the whole contents.
 */
package io.metermodem.hal.mock.nvm;
