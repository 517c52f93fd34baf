/**
 * IEC 62056-21 ("direct local data exchange", the optical/serial meter protocol) in modes C and E,
 * as sans-I/O code.
 *
 * <ul>
 *   <li>Messages: {@link io.metermodem.transparent.iec.IecMessage} and its records (sign-on,
 *       identification, acknowledgement/option select, data, command, break, ACK, NAK), with
 *       {@link io.metermodem.transparent.iec.IecEncoder} and the incremental
 *       {@link io.metermodem.transparent.iec.IecDecoder}, which reports malformed input as values.</li>
 *   <li>{@link io.metermodem.transparent.iec.IecModeCSession}: the client side of a mode C data
 *       readout, used by {@code mread} and IEC polling (TR-9).</li>
 *   <li>{@link io.metermodem.transparent.iec.IecBaudFollower}: watches a bridged exchange and tells
 *       the transparent bridge when the meter line must change speed (TR-11).</li>
 * </ul>
 * Nothing here reads a clock, sleeps or starts a thread: time-outs are reported by the caller.
 */
package io.metermodem.transparent.iec;
