package io.metermodem.cellular.driver;

import io.metermodem.cellular.quectel.QuectelModule;
import io.metermodem.cellular.sms.SmsPduCodec;
import io.metermodem.cellular.telit.TelitModule;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Entry point for boards (HAL-7): builds and starts the driver of a module type on its UART, for
 * example as the binding a Raspberry Pi board takes:
 *
 * <pre>{@code
 * PiBoard.builder()...cellularModule(CellularDrivers.binding(ModuleType.QUECTEL, scheduler, codec), "/dev/ttyUSB2")
 * }</pre>
 */
public final class CellularDrivers {

    /** The UART settings of both modules out of the box: 115200 8N1. */
    public static final LineSettings MODULE_LINE = new LineSettings(115_200, FrameFormat.F8N1);

    private CellularDrivers() {
    }

    /**
     * Opens the port at {@link #MODULE_LINE} when it is closed, builds the driver and starts it
     * (start-up runs in the background; its state shows in {@code status()}).
     *
     * @param type      the module
     * @param port      its UART
     * @param scheduler runs the driver
     * @param codec     the SMS PDU codec
     * @return the started driver
     * @throws IOException if the port cannot be opened
     */
    public static AtCellularModule start(ModuleType type, SerialPort port, Scheduler scheduler, SmsPduCodec codec)
            throws IOException {
        Objects.requireNonNull(type, "type");
        if (!port.isOpen()) {
            port.open(MODULE_LINE);
        }
        AtCellularModule module = switch (type) {
            case QUECTEL -> new QuectelModule(port, scheduler, codec);
            case TELIT -> new TelitModule(port, scheduler, codec);
        };
        module.start();
        return module;
    }

    /**
     * @param type      the module
     * @param scheduler runs the driver
     * @param codec     the SMS PDU codec
     * @return a function from the (closed) module UART to the started driver, as boards take it
     */
    public static Function<SerialPort, CellularModule> binding(ModuleType type, Scheduler scheduler,
                                                               SmsPduCodec codec) {
        return port -> {
            try {
                return start(type, port, scheduler, codec);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the module UART " + port.name(), e);
            }
        };
    }
}
