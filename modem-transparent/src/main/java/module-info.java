/**
 * Transparent meter access (TR-1..TR-11): the protocol cores a WM-E2S needs to pass a head-end
 * system's (HES) traffic to the meter and to read the meter itself.
 *
 * <p>Everything here is sans-I/O: codecs and state machines take bytes (and the caller's notion of
 * time, as explicit calls) and return messages, events or bytes to send. Drivers that put them on
 * sockets and serial ports live elsewhere.
 * <ul>
 *   <li>{@code io.metermodem.transparent.detect}: first-packet protocol detection for the
 *       {@code Auto} data format (TR-4).</li>
 *   <li>{@code io.metermodem.transparent.iec}: IEC 62056-21 codec, mode C readout session (TR-9)
 *       and the baud-rate follower of the bridge (TR-11).</li>
 * </ul>
 */
module io.metermodem.transparent {
    requires transitive io.metermodem.hal;

    exports io.metermodem.transparent.detect;
    exports io.metermodem.transparent.bridge;
    exports io.metermodem.transparent.iec;
}
