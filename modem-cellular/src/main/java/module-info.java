/**
 * Drivers of the modem's cellular module (HAL-7): the AT client and the Quectel EC2x/EC200 and
 * Telit LE910 implementations of the HAL's {@code CellularModule} over a serial port.
 * <ul>
 *   <li>{@code io.metermodem.cellular.at}: the AT client, a sans-I/O core and its serial driver.</li>
 *   <li>{@code io.metermodem.cellular.driver}: what both dialects share (start-up, SIM, registration,
 *       RSSI, SMS in PDU mode, CSD calls).</li>
 *   <li>{@code io.metermodem.cellular.quectel}, {@code io.metermodem.cellular.telit}: the dialects.</li>
 *   <li>{@code io.metermodem.cellular.sms}: the seam to the TS 23.040 PDU codec.</li>
 * </ul>
 */
module io.metermodem.cellular {
    requires transitive io.metermodem.hal;
    requires org.slf4j;
    requires io.metermodem.sms.pdu;

    exports io.metermodem.cellular.at;
    exports io.metermodem.cellular.driver;
    exports io.metermodem.cellular.quectel;
    exports io.metermodem.cellular.telit;
    exports io.metermodem.cellular.sms;
}
