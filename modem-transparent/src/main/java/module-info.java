/**
 * Transparent meter access (TR-1..TR-11): the protocol cores a WM-E2S needs to pass a head-end
 * system's (HES) traffic to the meter and to read the meter itself.
 *
 * <p>The codecs and state machines are sans-I/O: they take bytes (and the caller's notion of time,
 * as explicit calls) and return messages, events or bytes to send. The bridge runs them on the
 * modem's scheduler; the TCP driver puts it on sockets.
 * <ul>
 *   <li>{@code io.metermodem.transparent.detect}: first-packet protocol detection for the
 *       {@code Auto} data format (TR-4).</li>
 *   <li>{@code io.metermodem.transparent.iec}: IEC 62056-21 codec, mode C readout session (TR-9)
 *       and the baud-rate follower of the bridge (TR-11).</li>
 *   <li>{@code io.metermodem.transparent.csd}: readout over an incoming CSD call (TR-6).</li>
 *   <li>{@code io.metermodem.transparent.push}: push readouts at intervals and on events (TR-7).</li>
 *   <li>{@code io.metermodem.transparent.amm}: the AMM/EI client with login (TR-8).</li>
 *   <li>{@code io.metermodem.transparent.outbound}: outbound TCP/TLS connections for push and AMM.</li>
 *   <li>{@code io.metermodem.transparent.tls}: TLS settings, certificate bank and contexts (TR-10, SEC-6).</li>
 *   <li>{@code io.metermodem.transparent.bridge}: the bridge core between head-end links and the
 *       meter port: Auto format, port priority and pre-emption (TR-1, TR-3..TR-5, TR-11).</li>
 *   <li>{@code io.metermodem.transparent.bridge.tcp}: its TCP listeners and the real-time pacer
 *       for virtual-time boards.</li>
 * </ul>
 */
module io.metermodem.transparent {
    requires transitive io.metermodem.hal;
    requires org.slf4j;

    exports io.metermodem.transparent.detect;
    exports io.metermodem.transparent.bridge;
    exports io.metermodem.transparent.bridge.tcp;
    exports io.metermodem.transparent.iec;
    exports io.metermodem.transparent.csd;
    exports io.metermodem.transparent.push;
    exports io.metermodem.transparent.amm;
    exports io.metermodem.transparent.outbound;
    exports io.metermodem.transparent.tls;
}
