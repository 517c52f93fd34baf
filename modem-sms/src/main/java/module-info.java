/**
 * Configuration and control of the modem by SMS (manual 4.6, SMS-1..SMS-12) and Last Gasp power
 * notifications (manual 3.8, PWR-1, PWR-2).
 * <ul>
 *   <li>{@code io.metermodem.sms.command}: the sans-I/O parser of the {@code pw=}/{@code cmd=}
 *       command language and its executor against the configuration, with the password throttle.</li>
 *   <li>{@code io.metermodem.sms.mread}: the {@code mread} register read (SMS-8, TR-9) through the
 *       IEC 62056-21 session of modem-transparent, on a borrowed or a dedicated meter line.</li>
 *   <li>{@code io.metermodem.sms.service}: the SMS service on the HAL's cellular module (incoming
 *       commands answered, a bounded outgoing queue with retries) and Last Gasp.</li>
 * </ul>
 */
module io.metermodem.sms {
    requires transitive io.metermodem.hal;
    requires transitive io.metermodem.config;
    requires transitive io.metermodem.transparent;
    requires org.slf4j;

    exports io.metermodem.sms.command;
    exports io.metermodem.sms.mread;
    exports io.metermodem.sms.service;
}
