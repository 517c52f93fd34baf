/**
 * The metermodem test kit: simulated meters that sit on the far end of the mock HAL's bit-level
 * serial wire, in virtual time, so modem firmware and meter gateways can be tested against meters
 * that behave like real ones, including their line settings and timing.
 * <ul>
 *   <li>{@code io.metermodem.testkit.meter}: {@code SimulatedIecMeter}, an IEC 62056-21 mode C
 *       meter (TR-4, TR-9, TR-11), and {@code SimpleDlmsMeter}, a DLMS/COSEM server over HDLC.</li>
 *   <li>{@code io.metermodem.testkit.hdlc}: the HDLC frame codec of IEC 62056-46 (frames,
 *       addresses, control fields, CRC-16/X.25), usable on the client side of a test as well.</li>
 *   <li>{@code io.metermodem.testkit.module}: {@code SimulatedCellularModule}, a Quectel or Telit
 *       cellular module speaking AT on the module UART, with a scriptable network and faults (HAL-7).</li>
 * </ul>
 */
module io.metermodem.testkit {
    requires transitive io.metermodem.hal.mock;
    requires transitive io.metermodem.transparent;
    requires io.metermodem.sms.pdu;

    exports io.metermodem.testkit.meter;
    exports io.metermodem.testkit.hdlc;
    exports io.metermodem.testkit.module;
}
