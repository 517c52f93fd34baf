package io.metermodem.firmware;

import io.metermodem.at.AtInterpreter;
import io.metermodem.at.driver.RemoteAtServer;
import io.metermodem.at.driver.SerialAtConsole;
import io.metermodem.config.ConfigurationService;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.Scheduler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The reference firmware's AT interfaces (AT-1..AT-25): the local interface on a console serial
 * port and on the meter port while no transparent session runs ({@link MeterPortSharing}), and the
 * remote interface on TCP behind the communication password. Each is optional. Both
 * run interpreters on the firmware's scheduler, cellular module and configuration; received bytes
 * are handed to the scheduler so the interpreters run on the modem's own thread.
 */
public final class AtInterfaces implements AutoCloseable {

    private final SerialAtConsole console;
    private final SerialAtConsole meterConsole;
    private final RemoteAtServer remote;

    private AtInterfaces(SerialAtConsole console, SerialAtConsole meterConsole, RemoteAtServer remote) {
        this.console = console;
        this.meterConsole = meterConsole;
        this.remote = remote;
    }

    /**
     * Starts the interfaces asked for.
     *
     * @param scheduler     the firmware's scheduler
     * @param module        the cellular module
     * @param configuration the configuration service ({@code AT&W} saves there)
     * @param consolePort   the local console port, or {@code null} for none
     * @param consoleBaud   the console's speed (8N1; 7E1 terminals are recognised)
     * @param meterPort     the meter port shared with the transparent bridge, for the local interface
     *                      while no transparent session runs, or {@code null} for none
     * @param remoteAddress where the remote interface listens, or {@code null} for none
     * @return the running interfaces
     * @throws IOException when the port cannot be opened or the address bound
     */
    public static AtInterfaces start(Scheduler scheduler, CellularModule module, ConfigurationService configuration,
                                     SerialPort consolePort, int consoleBaud, MeterPortSharing meterPort,
                                     InetSocketAddress remoteAddress) throws IOException {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(configuration, "configuration");
        SerialAtConsole console = null;
        SerialAtConsole meterConsole = null;
        RemoteAtServer remote = null;
        try {
            if (consolePort != null) {
                console = SerialAtConsole.start(consolePort, consoleBaud,
                        builder(scheduler, module, configuration), scheduler::execute);
            }
            if (meterPort != null) {
                meterConsole = SerialAtConsole.start(meterPort.atPort(), consoleBaud,
                        builder(scheduler, module, configuration), scheduler::execute);
            }
            if (remoteAddress != null) {
                remote = RemoteAtServer.start(remoteAddress, configuration,
                        () -> builder(scheduler, module, configuration), scheduler::execute);
            }
            return new AtInterfaces(console, meterConsole, remote);
        } catch (IOException | RuntimeException e) {
            if (console != null) {
                console.close();
            }
            if (meterConsole != null) {
                meterConsole.close();
            }
            throw e;
        }
    }

    private static AtInterpreter.Builder builder(Scheduler scheduler, CellularModule module,
                                                 ConfigurationService configuration) {
        return AtInterpreter.builder().scheduler(scheduler).cellularModule(module).configuration(configuration);
    }

    /** @return the remote interface's TCP port, if it runs */
    public OptionalInt remotePort() {
        return remote == null ? OptionalInt.empty() : OptionalInt.of(remote.port());
    }

    /** @return whether the local console runs */
    public boolean hasConsole() {
        return console != null;
    }

    @Override
    public void close() {
        if (remote != null) {
            remote.close();
        }
        if (console != null) {
            console.close();
        }
        if (meterConsole != null) {
            meterConsole.close();
        }
    }
}
