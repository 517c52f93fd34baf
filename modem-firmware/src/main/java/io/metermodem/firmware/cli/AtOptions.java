package io.metermodem.firmware.cli;

import io.metermodem.config.ConfigurationService;
import io.metermodem.firmware.AtInterfaces;
import io.metermodem.firmware.MeterPortSharing;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.mock.cellular.MockCellularNetwork;
import io.metermodem.hal.pi.JSerialCommPort;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.Scheduler;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The AT interface options of {@code ./modem run} (AT-1, AT-19): a local AT console on a serial
 * device and the remote AT interface on the configuration TCP port.
 */
final class AtOptions {

    @Option(names = "--console-port", paramLabel = "DEVICE",
            description = "serial device for the local AT interface, e.g. /dev/ttyUSB1 (8N1 or 7E1 terminals)")
    String consolePort;

    @Option(names = "--console-baud", paramLabel = "BAUD", defaultValue = "9600",
            description = "speed of the AT console (default: ${DEFAULT-VALUE})")
    int consoleBaud;

    @Option(names = "--meter-at",
            description = "serve the local AT interface on the meter port while no transparent session runs, as the device does")
    boolean meterAt;

    @Option(names = "--remote-at",
            description = "serve remote AT commands on the configuration port (m2m.config_port), behind sec.comm_password")
    boolean remoteAt;

    @Option(names = "--remote-at-port", paramLabel = "PORT",
            description = "serve remote AT on this TCP port instead (0 picks a free one); implies --remote-at")
    Integer remoteAtPort;

    /**
     * Shares the meter port with the local AT interface when {@code --meter-at} asks for it.
     *
     * @param port the meter port
     * @return the sharing, or {@code null} without {@code --meter-at}
     */
    MeterPortSharing shareMeterPort(SerialPort port) {
        return meterAt ? new MeterPortSharing(port) : null;
    }

    /**
     * Starts the AT interfaces asked for, adding them to the resources to close.
     *
     * @param out           where the summary lines go
     * @param scheduler     the firmware's scheduler
     * @param module        the board's cellular module, or {@code null} when the board has none yet
     * @param configuration the configuration service
     * @param bind          the listen address
     * @param meterPort     the meter port shared with the bridge (with {@code --meter-at}), or {@code null}
     * @param resources     closed by the command in order
     * @throws IOException when the console cannot be opened or the port bound
     */
    void start(PrintWriter out, Scheduler scheduler, CellularModule module, ConfigurationService configuration,
               String bind, MeterPortSharing meterPort, List<AutoCloseable> resources) throws IOException {
        if (consolePort == null && meterPort == null && !remoteAt && remoteAtPort == null) {
            return;
        }
        CellularModule cellular = module;
        if (cellular == null) {
            // A real meter line without --module-port: the AT interface talks to a simulated module.
            MockCellularNetwork simulated = new MockCellularNetwork(scheduler);
            scheduler.execute(() -> simulated.registerOn(AccessTechnology.LTE, "metermodem"));
            cellular = simulated;
        }
        SerialPort port = null;
        if (consolePort != null) {
            port = JSerialCommPort.builder(consolePort).role(PortRole.DCE).scheduler(scheduler).build();
            resources.add(0, port);
        }
        InetSocketAddress remote = null;
        if (remoteAt || remoteAtPort != null) {
            int tcp = remoteAtPort != null ? remoteAtPort : configuration.current().intValue("m2m.config_port");
            remote = new InetSocketAddress(bind, tcp);
        }
        AtInterfaces interfaces = AtInterfaces.start(scheduler, cellular, configuration, port, consoleBaud, meterPort,
                remote);
        resources.add(0, interfaces);
        if (consolePort != null) {
            out.printf("  AT console        %s, %d baud 8N1 or 7E1 (local AT interface)%n", consolePort, consoleBaud);
        }
        if (meterPort != null) {
            out.printf("  AT on meter port  while no transparent session runs%n");
        }
        interfaces.remotePort().ifPresent(p ->
                out.printf("  remote AT         %s:%d (password: sec.comm_password)%n", bind, p));
    }
}
