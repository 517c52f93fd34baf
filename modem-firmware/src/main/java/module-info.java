/**
 * The reference WM-E2S firmware assembled from the SDK's modules, and the {@code ./modem} command
 * line. Depends on both HAL implementations: the mock board for the embedded default, the Raspberry
 * Pi / jSerialComm binding for a real meter line.
 */
module io.metermodem.firmware {
    requires io.metermodem.hal.mock;
    requires io.metermodem.hal.pi;
    requires io.metermodem.transparent;
    requires io.metermodem.config;
    requires io.metermodem.sms.pdu;
    requires io.metermodem.led;
    requires com.pi4j.plugin.gpiod;
    requires io.metermodem.at;
    requires io.metermodem.testkit;
    requires io.metermodem.cellular;
    requires io.metermodem.sms;
    requires info.picocli;
    requires java.management;
    requires org.slf4j;

    exports io.metermodem.firmware;
    exports io.metermodem.firmware.hes;
    exports io.metermodem.firmware.led;

    // picocli fills the command objects by reflection.
    opens io.metermodem.firmware.cli to info.picocli;
}
