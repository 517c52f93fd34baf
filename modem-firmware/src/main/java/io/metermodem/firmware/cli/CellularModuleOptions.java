package io.metermodem.firmware.cli;

import io.metermodem.cellular.driver.AtCellularModule;
import io.metermodem.cellular.driver.CellularDrivers;
import io.metermodem.cellular.driver.ModuleType;
import io.metermodem.cellular.sms.Ts23040SmsPduCodec;
import io.metermodem.hal.cellular.CellularListener;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.cellular.ModuleFault;
import io.metermodem.hal.pi.JSerialCommPort;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.time.Scheduler;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The cellular module options of {@code ./modem run} (HAL-7): {@code --module-port DEVICE} puts the
 * Quectel or Telit driver ({@code --module-type}) on a real module UART and prints the module's
 * status as it changes. Without {@code --module-port} nothing happens. SMS need a PDU codec, which
 * is not plugged in yet: received messages stay in the module's storage.
 */
final class CellularModuleOptions {

    @Option(names = "--module-port", paramLabel = "DEVICE",
            description = "serial device of a real cellular module (Quectel EC2x/EC200 or Telit LE910), e.g. /dev/ttyUSB2")
    String modulePort;

    @Option(names = "--module-type", paramLabel = "TYPE", defaultValue = "quectel",
            description = "the module on --module-port: quectel or telit (default: ${DEFAULT-VALUE})")
    String moduleType;

    /**
     * Starts the driver when {@code --module-port} was given.
     *
     * @param scheduler runs the driver
     * @param resources gets what must be closed at the end, first
     * @param out       prints status lines
     * @param cli       for parameter errors
     * @return the started driver, or empty without {@code --module-port}
     * @throws IOException when the device cannot be opened
     */
    Optional<AtCellularModule> start(Scheduler scheduler, List<AutoCloseable> resources, PrintWriter out,
                                     CommandLine cli) throws IOException {
        ModuleType type;
        try {
            type = ModuleType.parse(moduleType);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, "--module-type: " + e.getMessage());
        }
        if (modulePort == null) {
            return Optional.empty();
        }
        JSerialCommPort port = JSerialCommPort.builder(modulePort).role(PortRole.DTE).scheduler(scheduler).build();
        resources.add(0, port);
        AtCellularModule module = CellularDrivers.start(type, port, scheduler, new Ts23040SmsPduCodec());
        resources.add(0, module);
        module.addListener(new CellularListener() {
            @Override
            public void onStatusChanged(CellularStatus s) {
                out.printf("  cellular          %s, SIM %s, %s, %s%s%n", s.registration(), s.sim(), s.technology(),
                        s.rssiDbm().isPresent() ? s.rssiDbm().getAsInt() + " dBm" : "no signal",
                        s.operator().map(o -> ", " + o).orElse(""));
                out.flush();
            }

            @Override
            public void onFault(ModuleFault fault) {
                out.printf("  cellular fault    %s%n", fault);
                out.flush();
            }
        });
        out.printf("  cellular module   %s on %s%n", type.name().toLowerCase(java.util.Locale.ROOT), modulePort);
        return Optional.of(module);
    }
}
