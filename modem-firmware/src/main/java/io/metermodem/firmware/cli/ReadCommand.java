package io.metermodem.firmware.cli;

import io.metermodem.firmware.hes.IecReadException;
import io.metermodem.firmware.hes.IecTcpReader;
import io.metermodem.hal.pi.SystemScheduler;
import io.metermodem.transparent.iec.DataSet;
import io.metermodem.transparent.iec.IecBaudRate;
import io.metermodem.transparent.iec.IecReadout;
import io.metermodem.transparent.iec.SignOn;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./modem read HOST:PORT}: a small head-end system. Connects to a modem's transparent port,
 * performs an IEC 62056-21 mode C readout through it and prints the registers (TR-1, TR-9).
 */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Read a meter with IEC 62056-21 through a modem's transparent TCP port and print its registers.",
                "Exit code 0 on success, 2 when the meter did not answer as expected, 3 on a connection error."})
final class ReadCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "the modem's transparent port, e.g. 127.0.0.1:9000")
    String target;

    @Option(names = "--address", paramLabel = "ADDR", description = "device address for the sign-on (default: none, any meter answers)")
    String address;

    @Option(names = "--max-baud", paramLabel = "BAUD", defaultValue = "19200",
            description = "fastest meter rate to accept: 300..19200 (default: ${DEFAULT-VALUE})")
    int maxBaud;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2S",
            description = "extra allowance for network and modem latency on every IEC timer, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration allowance;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int colon = target.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(target.substring(colon + 1));
            if (colon <= 0 || port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected HOST:PORT, got '" + target + "'");
        }
        String host = target.substring(0, colon);
        IecBaudRate max = IecBaudRate.ofBaud(maxBaud).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--max-baud: " + maxBaud + " is not an IEC 62056-21 rate (300, 600, 1200, 2400, 4800, 9600, 19200)"));
        SignOn signOn = address == null ? SignOn.ANY : new SignOn(address);
        try (SystemScheduler clock = new SystemScheduler()) {
            IecReadout readout = new IecTcpReader(clock, Duration.ofSeconds(5), allowance, signOn, max).read(host, port);
            out.printf("Meter %s%s (manufacturer %s)%n", readout.identification().ident(),
                    readout.meterSerial().map(s -> ", serial " + s).orElse(""), readout.identification().manufacturer());
            for (DataSet set : readout.dataSets()) {
                out.printf("  %-12s %s%s%n", set.address(), set.value(), set.hasUnit() ? " " + set.unit() : "");
            }
            out.flush();
            return 0;
        } catch (IecReadException e) {
            err.println("modem read: the meter did not answer as IEC 62056-21 expects: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("modem read: " + host + ":" + port + ": " + e.getMessage());
            return 3;
        }
    }
}
