package io.metermodem.firmware.cli;

import io.metermodem.firmware.ReferenceFirmware;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.pi.JSerialCommPort;
import io.metermodem.hal.pi.SystemScheduler;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.Scheduler;
import io.metermodem.testkit.meter.SimpleDlmsMeter;
import io.metermodem.testkit.meter.SimulatedIecMeter;
import io.metermodem.transparent.bridge.MeterDataFormat;
import io.metermodem.transparent.bridge.TransparentSettings;
import io.metermodem.transparent.bridge.tcp.RealTimePacer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import io.metermodem.config.Configuration;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.firmware.StateDirectory;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.metermodem.cellular.driver.AtCellularModule;
import io.metermodem.hal.gpio.DigitalInput;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./modem run}: runs the main job, transparent meter access (TR-1..TR-5, TR-11).
 *
 * <p>Without {@code --meter-port} it runs the embedded default: a virtual WM-E2S board on the mock
 * HAL, paced in real time, with a simulated IEC 62056-21 mode C meter (or a DLMS/HDLC meter) on its
 * bit-level meter line, and the transparent ports on localhost. With {@code --meter-port DEVICE}
 * the meter line is that serial device, through jSerialComm.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the modem's main job: head-end systems connect to the transparent TCP ports and talk to the meter.",
                "Without --meter-port: a virtual board with a simulated meter, on localhost."})
final class RunCommand implements Callable<Integer> {

    /** The simulated meters of the embedded default. */
    enum SimulatedMeter { iec, dlms }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CellularModuleOptions cellular = new CellularModuleOptions();

    @Option(names = "--meter-port", paramLabel = "DEVICE",
            description = "serial device of a real meter line, e.g. /dev/ttyUSB0 (default: a simulated meter on a virtual board)")
    String meterPort;

    @Option(names = "--meter-baud", paramLabel = "BAUD",
            description = "meter line speed 300..115200 (default: 300 for the simulated IEC meter, else tm.baud of the configuration)")
    Integer meterBaud;

    @Option(names = "--meter-format", paramLabel = "FORMAT",
            description = "auto, 7E1, 8N1, 7O1, 7N2, 8E1, 8O1 or 8N2 (default: tm.data_format of the configuration, auto:"
                    + " IEC 62056-21 first packets select 7E1, anything else 8N1)")
    String meterFormat;

    @Option(names = "--transparent-port", paramLabel = "PORT",
            description = "primary (utility) transparent TCP port; 0 picks a free one (default: m2m.transparent_port, 9000)")
    Integer transparentPort;

    @Option(names = "--customer-port", paramLabel = "PORT",
            description = "secondary (customer) TCP port, lower priority; 0 picks a free one"
                    + " (default: m2m.customer_port of the configuration, where 0 means none)")
    Integer customerPort;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = "state",
            description = "state directory: the modem's flash (configuration) and device key (default: ${DEFAULT-VALUE})")
    Path state;

    @Option(names = "--no-customer-port", description = "do not open the customer port")
    boolean noCustomerPort;

    @Option(names = "--report-line-errors",
            description = {"log parity, framing, break and overrun errors of a real meter line. jSerialComm watches for them",
                    "on a thread of its own that wakes on every received chunk, which lengthens each round trip,",
                    "so it is off by default; the bridge passes bytes on unchanged either way"})
    boolean reportLineErrors;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--simulated-meter", paramLabel = "KIND", defaultValue = "iec",
            description = "meter of the embedded default: iec (IEC 62056-21 mode C) or dlms (DLMS/COSEM over HDLC) (default: ${DEFAULT-VALUE})")
    SimulatedMeter simulatedMeter;

    @Option(names = "--led-log", paramLabel = "FILE",
            description = "write every LED transition as a JSON line: {\"t_ms\":1500,\"led\":\"LED3\",\"on\":true}")
    Path ledLog;

    @Option(names = "--led-line", paramLabel = "WHEN", defaultValue = "auto",
            description = "show the LEDs as a status line: auto (only on a terminal), always or never (default: ${DEFAULT-VALUE})")
    RunLeds.When ledLine;

    @Option(names = "--led-gpio",
            description = "drive the Raspberry Pi's LED pins (BCM 17 LED3, 27 LED1, 22 LED2; gpiod) instead of virtual LEDs")
    boolean ledGpio;

    @CommandLine.Mixin
    AtOptions atOptions = new AtOptions();

    @Option(names = "--for", paramLabel = "DURATION",
            description = "stop after this long, ISO-8601 (e.g. PT30S); default: until Ctrl-C")
    Duration runFor;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            // The stored configuration (CFG-2) gives the defaults; options given on the command line win.
            StateDirectory stateDir = StateDirectory.open(state, ParameterRegistry.wmE2s());
            resources.add(stateDir);
            Configuration config = stateDir.configuration().current();
            MeterDataFormat format;
            try {
                format = MeterDataFormat.parse(meterFormat != null ? meterFormat : config.word("tm.data_format"));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--meter-format: " + e.getMessage());
            }
            int baud = meterBaud != null ? meterBaud
                    : meterPort == null && simulatedMeter == SimulatedMeter.iec ? 300 : config.intValue("tm.baud");
            int primary = transparentPort != null ? transparentPort : config.intValue("m2m.transparent_port");
            int customer = customerPort != null ? customerPort : config.intValue("m2m.customer_port");
            boolean withCustomer = !noCustomerPort && (customerPort != null || customer != 0);
            TransparentSettings settings;
            try {
                TransparentSettings.Builder b = TransparentSettings.builder()
                        .bindAddress(bind).primaryPort(primary).dataFormat(format).meterBaud(baud);
                if (withCustomer) {
                    b.secondaryPort(customer);
                } else {
                    b.noSecondaryPort();
                }
                settings = b.build();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }

            String what;
            Scheduler scheduler;
            SerialPort port;
            MockBoard ledBoard = null;
            io.metermodem.hal.cellular.CellularModule module = null;
            Optional<DigitalInput> powerFail = Optional.empty();
            if (meterPort == null) {
                VirtualScheduler virtual = new VirtualScheduler(Instant.now());
                MockBoard board = MockBoard.builder().name("virtual-wm-e2s").scheduler(virtual).build();
                resources.add(board);
                what = startSimulatedMeter(board);
                board.network().networkAvailable(io.metermodem.hal.cellular.AccessTechnology.LTE, "metermodem").rssi(-75);
                ledBoard = board;
                RealTimePacer pacer = new RealTimePacer(virtual::nanoTime, virtual::advanceTo, Duration.ofMillis(1));
                pacer.start();
                resources.add(0, pacer);
                scheduler = virtual;
                port = board.meterPort();
                module = board.cellularModule();
                powerFail = Optional.of(board.powerFail());
            } else {
                SystemScheduler real = new SystemScheduler();
                resources.add(real);
                port = JSerialCommPort.builder(meterPort).role(PortRole.DCE).scheduler(real).monitorLineEvents(reportLineErrors).build();
                resources.add(0, port);
                scheduler = real;
                what = "meter line " + meterPort;
            }
            Optional<AtCellularModule> driver = cellular.start(scheduler, resources, out, spec.commandLine());
            if (driver.isPresent()) {
                module = driver.get();
            }
            // LEDs (LED-1..LED-12): on the virtual board's outputs, or virtual beside a real meter line.
            RunLeds leds = RunLeds.start(scheduler, ledBoard, config, baud, ledLog, ledLine, out, ledGpio);
            resources.add(0, leds);
            io.metermodem.firmware.MeterPortSharing sharing = atOptions.shareMeterPort(port);
            ReferenceFirmware firmware = sharing == null
                    ? ReferenceFirmware.start(scheduler, port, settings, leds.bridgeListener())
                    : ReferenceFirmware.start(scheduler, sharing.bridgePort(), settings, sharing.sessions(leds.bridgeListener()));
            resources.add(0, firmware);
            CountDownLatch stop = new CountDownLatch(1);
            long startupMillis = ManagementFactory.getRuntimeMXBean().getUptime();

            out.printf("metermodem reference firmware: %s%n", what);
            out.printf("  state             %s%n", state.toAbsolutePath());
            out.printf("  meter line        %d baud, data format %s%n", baud, format);
            out.printf("  transparent port  %s:%d (utility, primary)%n", bind, firmware.primaryPort());
            firmware.secondaryPort().ifPresent(p -> out.printf("  customer port     %s:%d (secondary, lower priority)%n", bind, p));
            atOptions.start(out, scheduler, module, stateDir.configuration(), bind, sharing, resources);
            if (module != null) {
                resources.add(0, RunSms.start(scheduler, module, powerFail, stateDir.configuration(), firmware.bridge(),
                        reason -> {
                            out.printf("restart requested (%s): the modem stops; start it again%n", reason);
                            out.flush();
                            stop.countDown();
                        }, out));
            }
            out.printf("  listening %d ms after JVM start%n", startupMillis);
            if (meterPort == null && simulatedMeter == SimulatedMeter.iec) {
                out.printf("Read the meter as a head-end would:  ./modem read %s:%d%n",
                        "0.0.0.0".equals(bind) ? "127.0.0.1" : bind, firmware.primaryPort());
            }
            if (ledLog != null) {
                out.printf("  LED log           %s%n", ledLog.toAbsolutePath());
            }
            out.println(runFor == null ? "Ctrl-C stops." : "Stopping after " + runFor + ".");
            out.flush();
            leds.showLine();

            Thread hook = new Thread(stop::countDown, "modem-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            if (runFor == null) {
                stop.await();
            } else {
                stop.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("modem run: " + e.getMessage());
            return 1;
        } finally {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // Shutting down: keep releasing the rest.
                }
            }
        }
    }

    private String startSimulatedMeter(MockBoard board) throws IOException {
        return switch (simulatedMeter) {
            case iec -> {
                SimulatedIecMeter meter = SimulatedIecMeter.builder().build(board);
                yield "virtual board with a simulated IEC 62056-21 mode C meter (" + meter.identification().ident()
                        + ", 300 baud 7E1, up to 9600 baud)";
            }
            case dlms -> {
                SimpleDlmsMeter.builder().build(board);
                yield "virtual board with a simulated DLMS/COSEM meter over HDLC (9600 8N1)";
            }
        };
    }
}
