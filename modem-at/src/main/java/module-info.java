/**
 * The modem's side of the AT command protocol (AT-1..AT-25): a sans-I/O ITU-T V.250 interpreter
 * for the WM-E2S command set of the manual's chapter 4, and thin drivers that put it on a serial
 * console and on a password-protected TCP connection.
 * <ul>
 *   <li>{@code io.metermodem.at}: the command line assembler, parser, S-registers, result codes and
 *       the interpreter state machine (command mode, online data mode, escape, calls).</li>
 *   <li>{@code io.metermodem.at.script}: AT scripts of {@code command;answer;timeout} steps (AT-25).</li>
 *   <li>{@code io.metermodem.at.driver}: the interpreter on a HAL serial port and on TCP.</li>
 * </ul>
 */
module io.metermodem.at {
    requires transitive io.metermodem.hal;
    requires transitive io.metermodem.config;
    requires org.slf4j;

    exports io.metermodem.at;
    exports io.metermodem.at.script;
    exports io.metermodem.at.driver;
}
