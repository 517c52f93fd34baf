/**
 * The mock serial hardware (HAL-1..HAL-3), published for users' tests: a {@link
 * io.metermodem.hal.mock.serial.SerialWire} (an RS232 cable with control lines) and an {@link
 * io.metermodem.hal.mock.serial.Rs485Bus} (two- or four-wire, up to 31 meters) connecting {@link
 * io.metermodem.hal.mock.serial.MockSerialPort}s in virtual time.
 *
 * <p>The model is a UART, bit by bit: every character travels as a start bit, 7 or 8 data bits
 * least significant first, an optional parity bit and one or two stop bits, at the sender's baud and
 * format, taking exactly {@code frameBits / baud} of virtual time. The receiver samples that
 * waveform with its own settings, in the middle of each of its bit times, so a 7E1 meter read at 8N1
 * yields its parity bit as bit 7, an 8N1 character read at 7E1 may fail its parity check, and a baud
 * mismatch garbles characters and causes framing errors, exactly like hardware. Breaks, collisions,
 * bit flips and cut cables are faults a test can provoke.
 *
 * <p>Time comes only from the {@link io.metermodem.hal.time.Scheduler} the connection was made with;
 * nothing happens until a test advances its {@code VirtualScheduler}.
 */
package io.metermodem.hal.mock.serial;
