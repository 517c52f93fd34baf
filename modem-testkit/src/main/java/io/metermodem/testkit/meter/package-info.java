/**
 * Simulated meters for tests, in virtual time, on the mock HAL's bit-level serial wire (or any
 * {@link io.metermodem.hal.serial.SerialPort}).
 * <ul>
 *   <li>{@link io.metermodem.testkit.meter.SimulatedIecMeter}: an IEC 62056-21 mode C meter that
 *       answers only when the line is set as a real meter needs (300 baud 7E1 sign-on, the baud
 *       change after the option select), with fault injection (TR-4, TR-9, TR-11). It reuses the
 *       codec of {@code io.metermodem.transparent.iec}.</li>
 *   <li>{@link io.metermodem.testkit.meter.SimpleDlmsMeter}: a small DLMS/COSEM server over HDLC at
 *       9600 8N1 (SNRM/UA, AARQ/AARE, GET of serial number, energy register and clock, DISC).</li>
 * </ul>
 * Both take their time from the {@link io.metermodem.hal.time.Scheduler} only, keep bounded logs and
 * buffers, and treat malformed input and characters with line errors as garbage to count, never as
 * an exception.
 */
package io.metermodem.testkit.meter;
