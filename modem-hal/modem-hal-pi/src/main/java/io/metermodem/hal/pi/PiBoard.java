package io.metermodem.hal.pi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import io.metermodem.hal.Board;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.gpio.DigitalInput;
import io.metermodem.hal.gpio.DigitalOutput;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.nvm.NonVolatileMemory;
import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.serial.SerialPortUnavailableException;
import io.metermodem.hal.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WM-E2S hardware on a Raspberry Pi (HAL-8): LEDs and board signals on GPIO pins through Pi4J
 * (gpiod), the meter line and an optional console on UARTs through jSerialComm, the configuration
 * flash in a file, and a real-time {@link SystemScheduler}.
 *
 * <p>The serial ports are handed out closed: the firmware opens the meter port with the settings of
 * its configuration. The meter and console ports are DCE ports (the modem is the meter's modem);
 * the meter port's DCD/DSR/CTS outputs and RS485 driver enable are the GPIO pins of the
 * {@link PinMap}. The cellular module's UART is a DTE port handed, closed, to the module driver
 * bound with {@link Builder#cellularModule(Function, String)} (the AT drivers of modem-cellular).
 *
 * <pre>{@code
 * try (PiBoard board = PiBoard.builder()
 *         .meterDevice("/dev/ttyAMA0")
 *         .nvmFile(Path.of("/var/lib/metermodem/flash.bin"))
 *         .cellularModule(QuectelDriver::new, "/dev/ttyUSB2")
 *         .build()) {
 *     board.led(Led.LED3).on();
 *     board.meterPort().open(LineSettings.STANDARD_9600_8N1);
 * }
 * }</pre>
 */
public final class PiBoard implements Board {

    /** Default flash geometry: 256 pages of 4 KiB, like a 1 MiB SPI NOR flash. */
    public static final int DEFAULT_NVM_PAGE_SIZE = 4096;
    /** Default number of flash pages. */
    public static final int DEFAULT_NVM_PAGE_COUNT = 256;

    private static final Logger LOG = LoggerFactory.getLogger(PiBoard.class);

    private final String name;
    private final Scheduler scheduler;
    private final SystemScheduler ownedScheduler;
    private final Context pi4j;
    private final boolean ownsPi4j;
    private final Map<Led, PiDigitalOutput> leds;
    private final PiDigitalOutput[] otherOutputs;
    private final PiDigitalInput powerFail;
    private final PiDigitalInput supercapCharged;
    private final JSerialCommPort meterPort;
    private final JSerialCommPort consolePort;
    private final JSerialCommPort modulePort;
    private final CellularModule cellularModule;
    private final FileNonVolatileMemory nvm;
    private final byte[] deviceKey;
    private final PinMap pinMap;
    private boolean closed;

    private PiBoard(Parts parts) {
        this.name = parts.name;
        this.scheduler = parts.scheduler;
        this.ownedScheduler = parts.ownedScheduler;
        this.pi4j = parts.pi4j;
        this.ownsPi4j = parts.ownsPi4j;
        this.leds = parts.leds;
        this.otherOutputs = parts.otherOutputs;
        this.powerFail = parts.powerFail;
        this.supercapCharged = parts.supercapCharged;
        this.meterPort = parts.meterPort;
        this.consolePort = parts.consolePort;
        this.modulePort = parts.modulePort;
        this.cellularModule = parts.cellularModule;
        this.nvm = parts.nvm;
        this.deviceKey = parts.deviceKey;
        this.pinMap = parts.pinMap;
    }

    /** @return a builder; the meter device and the flash file are required */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public SerialPort meterPort() {
        return meterPort;
    }

    @Override
    public Optional<SerialPort> consolePort() {
        return Optional.ofNullable(consolePort);
    }

    /**
     * @throws IllegalStateException when no cellular module driver was bound in the builder
     */
    @Override
    public CellularModule cellularModule() {
        if (cellularModule == null) {
            throw new IllegalStateException("board " + name + " has no cellular module driver bound: call "
                    + "PiBoard.builder().cellularModule(driver, device) with an AT driver from modem-cellular");
        }
        return cellularModule;
    }

    @Override
    public DigitalOutput led(Led led) {
        return leds.get(Objects.requireNonNull(led, "led"));
    }

    @Override
    public DigitalInput powerFail() {
        return powerFail;
    }

    @Override
    public DigitalInput supercapCharged() {
        return supercapCharged;
    }

    @Override
    public byte[] deviceKey() {
        return deviceKey.clone();
    }

    @Override
    public NonVolatileMemory nonVolatileMemory() {
        return nvm;
    }

    /** @return the pins this board uses */
    public PinMap pinMap() {
        return pinMap;
    }

    /** @return the cellular module's UART, if a driver was bound */
    public Optional<SerialPort> modulePort() {
        return Optional.ofNullable(modulePort);
    }

    /**
     * Releases everything: closes the serial ports and the flash, turns the outputs off, releases
     * the GPIO pins (shutting the Pi4J context down if the board created it) and stops the scheduler
     * if the board created it. Closing twice is harmless.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (cellularModule instanceof AutoCloseable closeable) {
            quietly("cellular module", closeable::close);
        }
        for (JSerialCommPort port : new JSerialCommPort[] {meterPort, consolePort, modulePort}) {
            if (port != null) {
                port.close();
            }
        }
        quietly("flash " + nvm.file(), nvm::close);
        for (PiDigitalOutput led : leds.values()) {
            quietly(led.name(), led::off);
        }
        for (PiDigitalOutput output : otherOutputs) {
            quietly(output.name(), output::off);
        }
        if (ownsPi4j) {
            quietly("Pi4J context", pi4j::shutdown);
        } else {
            // A borrowed context lives on: release our pins so a new board can claim them.
            for (String id : ioIds()) {
                quietly("GPIO " + id, () -> pi4j.shutdown(id));
            }
        }
        if (ownedScheduler != null) {
            ownedScheduler.close();
        }
        LOG.info("board {} closed", name);
    }

    @Override
    public String toString() {
        return "PiBoard[" + name + ", meter " + meterPort.name() + ", " + pinMap + "]";
    }

    private java.util.List<String> ioIds() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (PiDigitalOutput led : leds.values()) {
            ids.add(led.pi4jId());
        }
        for (PiDigitalOutput output : otherOutputs) {
            ids.add(output.pi4jId());
        }
        ids.add(powerFail.pi4jId());
        ids.add(supercapCharged.pi4jId());
        return ids;
    }

    private static void quietly(String what, Action action) {
        try {
            action.run();
        } catch (Exception e) {
            LOG.warn("releasing {} failed: {}", what, e.toString());
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    /** What a successful build hands to the constructor. */
    private static final class Parts {
        String name;
        Scheduler scheduler;
        SystemScheduler ownedScheduler;
        Context pi4j;
        boolean ownsPi4j;
        Map<Led, PiDigitalOutput> leds = new EnumMap<>(Led.class);
        byte[] deviceKey;
        PiDigitalOutput[] otherOutputs;
        PiDigitalInput powerFail;
        PiDigitalInput supercapCharged;
        JSerialCommPort meterPort;
        JSerialCommPort consolePort;
        JSerialCommPort modulePort;
        CellularModule cellularModule;
        FileNonVolatileMemory nvm;
        PinMap pinMap;
    }

    /**
     * Describes a {@link PiBoard}. Only {@link #meterDevice(String)} and {@link #nvmFile(Path)} are
     * required; everything else has a documented default.
     */
    public static final class Builder {
        private String name = "wm-e2s-pi";
        private String meterDevice;
        private String consoleDevice;
        private PinMap pinMap = PinMap.defaults();
        private Path nvmFile;
        private Path deviceKeyFile;
        private int nvmPageSize = DEFAULT_NVM_PAGE_SIZE;
        private int nvmPageCount = DEFAULT_NVM_PAGE_COUNT;
        private Context pi4j;
        private String gpioChip;
        private Scheduler scheduler;
        private Duration inputDebounce = PiDigitalInput.DEFAULT_DEBOUNCE;
        private Function<SerialPort, CellularModule> driver;
        private String moduleDevice;

        private Builder() {
        }

        /**
         * @param boardName a name for logs; default {@code wm-e2s-pi}
         * @return this builder
         */
        public Builder name(String boardName) {
            this.name = Objects.requireNonNull(boardName, "name");
            return this;
        }

        /**
         * @param device the meter UART, e.g. {@code /dev/ttyAMA0} (required)
         * @return this builder
         */
        public Builder meterDevice(String device) {
            this.meterDevice = Objects.requireNonNull(device, "meterDevice");
            return this;
        }

        /**
         * @param device a separate local console UART; none by default
         * @return this builder
         */
        public Builder consoleDevice(String device) {
            this.consoleDevice = Objects.requireNonNull(device, "consoleDevice");
            return this;
        }

        /**
         * @param pins the GPIO assignment; default {@link PinMap#defaults()}
         * @return this builder
         */
        public Builder pinMap(PinMap pins) {
            this.pinMap = Objects.requireNonNull(pins, "pinMap");
            return this;
        }

        /**
         * @param file the device key (CFG-8), created on first use; default: the flash image's name
         *             plus {@code .key} beside it. Put it on another medium than the flash image.
         * @return this builder
         */
        public Builder deviceKeyFile(Path file) {
            this.deviceKeyFile = Objects.requireNonNull(file, "deviceKeyFile");
            return this;
        }

        /**
         * @param file the flash image, created erased when missing (required)
         * @return this builder
         */
        public Builder nvmFile(Path file) {
            this.nvmFile = Objects.requireNonNull(file, "nvmFile");
            return this;
        }

        /**
         * @param pageSize  bytes per page; default {@value PiBoard#DEFAULT_NVM_PAGE_SIZE}
         * @param pageCount pages; default {@value PiBoard#DEFAULT_NVM_PAGE_COUNT}
         * @return this builder
         */
        public Builder nvmGeometry(int pageSize, int pageCount) {
            this.nvmPageSize = pageSize;
            this.nvmPageCount = pageCount;
            return this;
        }

        /**
         * Uses a Pi4J context owned by the caller (e.g. a mock context in tests). The board then
         * releases only its own pins on close and leaves the context running.
         *
         * @param context the context; by default the board builds a gpiod context and owns it
         * @return this builder
         */
        public Builder pi4j(Context context) {
            this.pi4j = Objects.requireNonNull(context, "pi4j");
            return this;
        }

        /**
         * @param chip the gpiod chip of the default context, e.g. {@code gpiochip0}; Pi4J's default
         *             when not set
         * @return this builder
         */
        public Builder gpioChip(String chip) {
            this.gpioChip = Objects.requireNonNull(chip, "gpioChip");
            return this;
        }

        /**
         * @param clock a scheduler owned by the caller; by default the board starts a
         *              {@link SystemScheduler} and stops it on close
         * @return this builder
         */
        public Builder scheduler(Scheduler clock) {
            this.scheduler = Objects.requireNonNull(clock, "scheduler");
            return this;
        }

        /**
         * @param debounce debounce of the power-fail and supercapacitor inputs; default 10 ms
         * @return this builder
         */
        public Builder inputDebounce(Duration debounce) {
            this.inputDebounce = Objects.requireNonNull(debounce, "inputDebounce");
            return this;
        }

        /**
         * Binds the cellular module driver (HAL-7), e.g. an AT driver of modem-cellular.
         *
         * @param moduleDriver builds the module over its UART; it receives the port closed and opens
         *                     it at the speed its module needs
         * @param device       the module's UART, e.g. {@code /dev/ttyUSB2}
         * @return this builder
         */
        public Builder cellularModule(Function<SerialPort, CellularModule> moduleDriver, String device) {
            this.driver = Objects.requireNonNull(moduleDriver, "driver");
            this.moduleDevice = Objects.requireNonNull(device, "moduleDevice");
            return this;
        }

        /**
         * Claims the pins, checks the serial devices and opens the flash.
         *
         * @return the board
         * @throws IllegalStateException          if the meter device or flash file is not set
         * @throws SerialPortUnavailableException naming a serial device that does not exist
         * @throws IOException                    if GPIO or the flash file is unavailable
         */
        public PiBoard build() throws IOException {
            if (meterDevice == null) {
                throw new IllegalStateException("PiBoard needs meterDevice(...), e.g. /dev/ttyAMA0");
            }
            if (nvmFile == null) {
                throw new IllegalStateException("PiBoard needs nvmFile(...), the configuration flash image");
            }
            requireDevice(meterDevice);
            if (consoleDevice != null) {
                requireDevice(consoleDevice);
            }
            if (moduleDevice != null) {
                requireDevice(moduleDevice);
            }
            Parts parts = new Parts();
            Deque<Action> undo = new ArrayDeque<>();
            try {
                parts.name = name;
                parts.pinMap = pinMap;
                if (scheduler != null) {
                    parts.scheduler = scheduler;
                } else {
                    parts.ownedScheduler = new SystemScheduler();
                    parts.scheduler = parts.ownedScheduler;
                    undo.push(parts.ownedScheduler::close);
                }
                if (pi4j != null) {
                    parts.pi4j = pi4j;
                } else {
                    parts.pi4j = gpiodContext();
                    parts.ownsPi4j = true;
                    undo.push(parts.pi4j::shutdown);
                }
                Context ctx = parts.pi4j;
                for (Led led : Led.values()) {
                    PiDigitalOutput output = claim(() -> PiDigitalOutput.create(ctx, led.name(), pinMap.led(led)), ctx, undo);
                    parts.leds.put(led, output);
                }
                PiDigitalOutput de = claim(() -> PiDigitalOutput.create(ctx, "RS485_DE", pinMap.rs485DriverEnable()), ctx, undo);
                Map<ControlLine, PiDigitalOutput> lines = new EnumMap<>(ControlLine.class);
                if (pinMap.dcd() != PinMap.NONE) {
                    lines.put(ControlLine.DCD, claim(() -> PiDigitalOutput.create(ctx, "DCD", pinMap.dcd()), ctx, undo));
                }
                if (pinMap.dsr() != PinMap.NONE) {
                    lines.put(ControlLine.DSR, claim(() -> PiDigitalOutput.create(ctx, "DSR", pinMap.dsr()), ctx, undo));
                }
                if (pinMap.cts() != PinMap.NONE) {
                    lines.put(ControlLine.CTS, claim(() -> PiDigitalOutput.create(ctx, "CTS", pinMap.cts()), ctx, undo));
                }
                java.util.List<PiDigitalOutput> others = new java.util.ArrayList<>();
                others.add(de);
                others.addAll(lines.values());
                parts.otherOutputs = others.toArray(PiDigitalOutput[]::new);
                Scheduler clock = parts.scheduler;
                parts.powerFail = claim(() -> PiDigitalInput.create(ctx, "POWER_FAIL", pinMap.powerFail(),
                        pinMap.powerFailActiveLow(), inputDebounce, clock), ctx, undo);
                parts.supercapCharged = claim(() -> PiDigitalInput.create(ctx, "SUPERCAP_CHARGED",
                        pinMap.supercapCharged(), pinMap.supercapActiveLow(), inputDebounce, clock), ctx, undo);

                JSerialCommPort.Builder meter = JSerialCommPort.builder(meterDevice)
                        .role(PortRole.DCE).scheduler(clock).driverEnable(de);
                lines.forEach(meter::controlLineOutput);
                parts.meterPort = meter.build();
                undo.push(parts.meterPort::close);
                if (consoleDevice != null) {
                    parts.consolePort = JSerialCommPort.builder(consoleDevice).role(PortRole.DCE).scheduler(clock).build();
                    undo.push(parts.consolePort::close);
                }
                parts.deviceKey = DeviceKeyFile.loadOrCreate(deviceKeyFile != null ? deviceKeyFile
                        : nvmFile.resolveSibling(nvmFile.getFileName() + ".key"));
                parts.nvm = FileNonVolatileMemory.open(nvmFile, nvmPageSize, nvmPageCount);
                undo.push(parts.nvm::close);
                if (driver != null) {
                    parts.modulePort = JSerialCommPort.builder(moduleDevice).role(PortRole.DTE).scheduler(clock).build();
                    undo.push(parts.modulePort::close);
                    parts.cellularModule = Objects.requireNonNull(driver.apply(parts.modulePort),
                            "the cellular module driver returned null");
                }
                PiBoard board = new PiBoard(parts);
                LOG.info("board {} ready: meter {}, pins {}", name, meterDevice, pinMap);
                return board;
            } catch (IOException | RuntimeException e) {
                while (!undo.isEmpty()) {
                    quietly("partly built board", undo.pop());
                }
                throw e;
            }
        }

        private Context gpiodContext() throws IOException {
            try {
                var builder = Pi4J.newContextBuilder().noAutoDetect()
                        .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance());
                if (gpioChip != null) {
                    builder.setGpioChipName(gpioChip);
                }
                return builder.build();
            } catch (RuntimeException | LinkageError e) {
                throw new IOException("GPIO unavailable: the Pi4J gpiod provider could not start (" + e
                        + "); it runs only on a Raspberry Pi with libgpiod; elsewhere pass a context with pi4j(...)", e);
            }
        }

        private static <T> T claim(java.util.function.Supplier<T> creation, Context ctx, Deque<Action> undo)
                throws IOException {
            T io;
            try {
                io = creation.get();
            } catch (RuntimeException | LinkageError e) {
                throw new IOException("GPIO unavailable: " + e.getMessage(), e);
            }
            String id = io instanceof PiDigitalOutput out ? out.pi4jId() : ((PiDigitalInput) io).pi4jId();
            undo.push(() -> ctx.shutdown(id));
            return io;
        }

        private static void requireDevice(String device) throws SerialPortUnavailableException {
            if (!Files.exists(Path.of(device))) {
                throw new SerialPortUnavailableException(device, "no such device");
            }
        }
    }
}
