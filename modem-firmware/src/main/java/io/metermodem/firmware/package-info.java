/**
 * The reference WM-E2S firmware assembled from the SDK's modules, on a
 * {@link io.metermodem.hal.Board}'s meter port or a real serial device:
 * <ul>
 *   <li>{@link io.metermodem.firmware.ReferenceFirmware}: the transparent meter access (TR-1..TR-11),
 *       the bridge with its TCP ports on the modem's scheduler;</li>
 *   <li>{@link io.metermodem.firmware.AtInterfaces}: the local AT interface on a console port and on the
 *       meter port between transparent sessions ({@link io.metermodem.firmware.MeterPortSharing}), and
 *       remote AT over TCP behind the communication password (AT-1..AT-25);</li>
 *   <li>{@link io.metermodem.firmware.StateDirectory}: the configuration store and device key kept in a
 *       directory when the modem runs on a PC (CFG-2, CFG-8).</li>
 * </ul>
 * The SMS commands, Last Gasp, the LEDs and the cellular module are wired in by {@code ./modem run}
 * (package {@code io.metermodem.firmware.cli}) and {@link io.metermodem.firmware.led}.
 */
package io.metermodem.firmware;
