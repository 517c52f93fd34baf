/**
 * The Raspberry Pi binding of the metermodem HAL (HAL-8): GPIO through Pi4J 3 (gpiod provider),
 * UARTs through jSerialComm, the configuration flash as a crash-safe file, and a real-time
 * scheduler. Only {@code io.metermodem.hal.pi} is exported; helpers live in a non-exported
 * {@code internal} package.
 *
 * <p>Module names of the dependencies: Pi4J 3.0.3 ships real module descriptors
 * ({@code com.pi4j}, {@code com.pi4j.plugin.gpiod}, which itself requires
 * {@code com.pi4j.library.gpiod}); jSerialComm 2.11.4 is a multi-release jar whose
 * {@code META-INF/versions/9/module-info.class} declares {@code com.fazecast.jSerialComm}.
 */
module io.metermodem.hal.pi {
    requires transitive io.metermodem.hal;
    // transitive: PiBoard.Builder#pi4j(Context) and PiDigitalInput/Output take Pi4J types.
    requires transitive com.pi4j;
    requires com.pi4j.plugin.gpiod;
    requires com.fazecast.jSerialComm;
    requires org.slf4j;

    exports io.metermodem.hal.pi;
}
