package io.metermodem.hal;

import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.gpio.DigitalInput;
import io.metermodem.hal.gpio.DigitalOutput;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.nvm.NonVolatileMemory;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.Scheduler;
import java.util.Optional;

/**
 * The hardware of one modem (HAL-8). Every call returns the same part each time; the board owns
 * them and {@link #close()} releases them all.
 *
 * <p>Implementations: {@code MockBoard} (modem-hal-mock, virtual time) and {@code PiBoard}
 * (modem-hal-pi, Pi4J and jSerialComm).
 */
public interface Board extends AutoCloseable {

    /** @return a name for logs, e.g. the serial number */
    String name();

    /** @return the one clock and scheduler of this modem */
    Scheduler scheduler();

    /** @return the RS232/RS485 line to the meter (HAL-1..HAL-3); the modem is its DCE */
    SerialPort meterPort();

    /** @return a separate local console line, if the board has one */
    Optional<SerialPort> consolePort();

    /** @return the cellular module (HAL-7) */
    CellularModule cellularModule();

    /**
     * @param led which LED
     * @return its output line (HAL-4)
     */
    DigitalOutput led(Led led);

    /** @return active while external power is lost and the modem runs on its supercapacitor (HAL-5) */
    DigitalInput powerFail();

    /** @return active while the supercapacitor is charged enough for normal operation (HAL-5) */
    DigitalInput supercapCharged();

    /** @return the configuration flash (HAL-6) */
    NonVolatileMemory nonVolatileMemory();

    /**
     * The device's own secret for encrypting its configuration at rest (CFG-8): 32 bytes, the same
     * at every start of this device, different on every other device, and never stored in the
     * {@link #nonVolatileMemory()} it protects. A flash dump alone therefore reveals no secret.
     *
     * @return a fresh copy of the 256-bit key
     */
    byte[] deviceKey();

    /** Releases every part. Closing twice is harmless. */
    @Override
    void close();
}
