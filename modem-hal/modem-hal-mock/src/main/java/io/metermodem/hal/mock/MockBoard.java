package io.metermodem.hal.mock;

import io.metermodem.hal.Board;
import io.metermodem.hal.gpio.DigitalInput;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.mock.cellular.MockCellularNetwork;
import io.metermodem.hal.mock.cellular.MockCellularTimings;
import io.metermodem.hal.mock.gpio.MockDigitalOutput;
import io.metermodem.hal.mock.gpio.MockPowerSupply;
import io.metermodem.hal.mock.gpio.SupercapSettings;
import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.mock.serial.Rs485Bus;
import io.metermodem.hal.mock.serial.SerialWire;
import io.metermodem.hal.serial.Rs485Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete WM-E2S board in memory and virtual time (HAL-8): the meter line as a bit-level
 * {@link SerialWire} (or an {@link Rs485Bus}), three recording LEDs, a power supply with
 * supercapacitor, flash with fault injection and a scriptable cellular network, all on one
 * {@link VirtualScheduler}. The firmware sees the {@link Board} interface; the test holds the far
 * ends:
 *
 * <pre>{@code
 * try (MockBoard board = MockBoard.builder().build()) {
 *     MockSerialPort meter = board.meterEnd();           // plug a simulated meter in here
 *     meter.open(LineSettings.IEC_SIGN_ON);
 *     board.meterPort().open(LineSettings.IEC_SIGN_ON);   // what the firmware does
 *     board.meterPort().write("/?!\r\n".getBytes(StandardCharsets.US_ASCII));
 *     board.advance(Duration.ofMillis(200));
 *     assertArrayEquals("/?!\r\n".getBytes(StandardCharsets.US_ASCII), meter.readAvailable());
 *     board.network().registerOn(AccessTechnology.LTE, "Operator");
 *     board.powerSupply().cutPower();
 * }
 * }</pre>
 *
 * <p>Nothing runs on its own: time moves only through {@link #advance(Duration)} or the
 * scheduler. The board holds no thread and, unused, retains a few kilobytes of heap.
 */
public final class MockBoard implements Board {

    private final String name;
    private final VirtualScheduler scheduler;
    private final SerialWire meterWire;
    private final Rs485Bus meterBus;
    private final MockSerialPort meterPort;
    private final MockSerialPort meterEnd;
    private final SerialWire consoleWire;
    private final MockSerialPort consolePort;
    private final MockSerialPort consoleEnd;
    private final MockCellularNetwork network;
    private final Map<Led, MockDigitalOutput> leds = new EnumMap<>(Led.class);
    private final MockPowerSupply powerSupply;
    private final MockFlash flash;
    private final byte[] deviceKey;
    private boolean closed;

    private MockBoard(Builder b) {
        this.name = b.name;
        this.scheduler = b.scheduler != null ? b.scheduler : new VirtualScheduler(b.epoch);
        if (b.rs485Mode == Rs485Mode.OFF) {
            this.meterBus = null;
            this.meterWire = new SerialWire(scheduler, name + "/meter-line");
            this.meterPort = meterWire.dce("meter-port");
            this.meterEnd = meterWire.dte("meter");
        } else {
            this.meterWire = null;
            this.meterBus = new Rs485Bus(scheduler, name + "/rs485", b.rs485Mode);
            this.meterPort = meterBus.master("meter-port");
            this.meterEnd = null;
        }
        if (b.console) {
            this.consoleWire = new SerialWire(scheduler, name + "/console-line");
            this.consolePort = consoleWire.dce("console-port");
            this.consoleEnd = consoleWire.dte("terminal");
        } else {
            this.consoleWire = null;
            this.consolePort = null;
            this.consoleEnd = null;
        }
        this.network = new MockCellularNetwork(scheduler, b.timings);
        for (Led led : Led.values()) {
            leds.put(led, new MockDigitalOutput(led.name(), scheduler));
        }
        this.powerSupply = new MockPowerSupply(scheduler, b.supercap, b.initialCharge);
        this.flash = new MockFlash(b.flashPageSize, b.flashPageCount);
        this.deviceKey = b.deviceKey != null ? b.deviceKey.clone() : keyFor(name);
    }

    private static byte[] keyFor(String boardName) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("metermodem mock device key:" + boardName).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** @return a builder with the defaults: RS232 meter line, no console, charged supercapacitor, 8 x 4 KiB flash */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public VirtualScheduler scheduler() {
        return scheduler;
    }

    /**
     * Moves virtual time forward, running everything that falls due.
     *
     * @param duration how far
     * @return this board, for chaining in tests
     */
    public MockBoard advance(Duration duration) {
        scheduler.advance(duration);
        return this;
    }

    @Override
    public MockSerialPort meterPort() {
        return meterPort;
    }

    /**
     * The meter's end of the RS232 meter line, where a simulated meter (or the test) listens and
     * answers. It decodes what the modem sends with its own line settings, bit by bit.
     *
     * @return the DTE end of the meter line
     * @throws IllegalStateException when the board was built with an RS485 bus; use {@link #meterBus()}
     */
    public MockSerialPort meterEnd() {
        if (meterEnd == null) {
            throw new IllegalStateException("board '" + name + "' has an RS485 meter bus: add meters with meterBus().meter(name)");
        }
        return meterEnd;
    }

    /** @return the RS232 meter cable, for fault injection (cut, bit flips); empty on an RS485 board */
    public Optional<SerialWire> meterWire() {
        return Optional.ofNullable(meterWire);
    }

    /** @return the RS485 bus the meter port is master of; empty on an RS232 board */
    public Optional<Rs485Bus> meterBus() {
        return Optional.ofNullable(meterBus);
    }

    @Override
    public Optional<io.metermodem.hal.serial.SerialPort> consolePort() {
        return Optional.ofNullable(consolePort);
    }

    /**
     * @return the terminal's end of the console line
     * @throws IllegalStateException when the board was built without a console
     */
    public MockSerialPort consoleEnd() {
        if (consoleEnd == null) {
            throw new IllegalStateException("board '" + name + "' has no console line: build it with withConsole()");
        }
        return consoleEnd;
    }

    @Override
    public MockCellularNetwork cellularModule() {
        return network;
    }

    /** @return the scriptable network and module, the same object as {@link #cellularModule()} */
    public MockCellularNetwork network() {
        return network;
    }

    @Override
    public MockDigitalOutput led(Led led) {
        return leds.get(Objects.requireNonNull(led, "led"));
    }

    @Override
    public DigitalInput powerFail() {
        return powerSupply.powerFail();
    }

    @Override
    public DigitalInput supercapCharged() {
        return powerSupply.supercapCharged();
    }

    /** @return the power supply, to cut and restore external power */
    public MockPowerSupply powerSupply() {
        return powerSupply;
    }

    @Override
    public MockFlash nonVolatileMemory() {
        return flash;
    }

    /**
     * The board's key, derived from its name (SHA-256 of {@code "metermodem mock device key:" + name})
     * unless the builder set one: two mock boards of one name share a key, so a test can "move" a
     * flash image to a board of the same name and read it, and a board of another name cannot.
     */
    @Override
    public byte[] deviceKey() {
        return deviceKey.clone();
    }

    /** @return whether {@link #close()} was called */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Closes the serial ports. The recordings (LED timelines, flash contents) stay readable. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        meterPort.close();
        if (meterEnd != null) {
            meterEnd.close();
        }
        if (consolePort != null) {
            consolePort.close();
            consoleEnd.close();
        }
    }

    @Override
    public String toString() {
        return "MockBoard[" + name + ", t=" + scheduler.elapsed() + "]";
    }

    /** Configures a {@link MockBoard}. */
    public static final class Builder {
        private String name = "wm-e2s";
        private Instant epoch = VirtualScheduler.DEFAULT_EPOCH;
        private VirtualScheduler scheduler;
        private Rs485Mode rs485Mode = Rs485Mode.OFF;
        private boolean console;
        private MockCellularTimings timings = MockCellularTimings.DEFAULT;
        private SupercapSettings supercap = SupercapSettings.DEFAULT;
        private double initialCharge = 1.0;
        private int flashPageSize = MockFlash.DEFAULT_PAGE_SIZE;
        private int flashPageCount = MockFlash.DEFAULT_PAGE_COUNT;
        private byte[] deviceKey;

        private Builder() {
        }

        /** @param boardName name used in logs and wire names @return this builder */
        public Builder name(String boardName) {
            if (boardName == null || boardName.isBlank()) {
                throw new IllegalArgumentException("board name must not be blank");
            }
            this.name = boardName;
            return this;
        }

        /** @param wallClockAtZero the calendar time virtual time zero stands for @return this builder */
        public Builder epoch(Instant wallClockAtZero) {
            this.epoch = Objects.requireNonNull(wallClockAtZero, "epoch");
            return this;
        }

        /**
         * Shares a scheduler, e.g. to run a fleet of boards (and simulated meters) on one clock.
         *
         * @param shared the scheduler
         * @return this builder
         */
        public Builder scheduler(VirtualScheduler shared) {
            this.scheduler = Objects.requireNonNull(shared, "scheduler");
            return this;
        }

        /**
         * Puts the meter port on an RS485 bus (HAL-3) instead of an RS232 cable.
         *
         * @param mode {@link Rs485Mode#TWO_WIRE} or {@link Rs485Mode#FOUR_WIRE}; {@code OFF} for RS232
         * @return this builder
         */
        public Builder meterRs485(Rs485Mode mode) {
            this.rs485Mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** @return this builder, with a separate local console line */
        public Builder withConsole() {
            this.console = true;
            return this;
        }

        /** @param moduleTimings latencies of the simulated module and network @return this builder */
        public Builder cellularTimings(MockCellularTimings moduleTimings) {
            this.timings = Objects.requireNonNull(moduleTimings, "timings");
            return this;
        }

        /**
         * @param settings supercapacitor charge and hold-up times
         * @param charge   initial charge 0..1 (0 models a board that was long without power)
         * @return this builder
         */
        public Builder supercap(SupercapSettings settings, double charge) {
            if (!(charge >= 0 && charge <= 1)) {
                throw new IllegalArgumentException("charge must be within 0..1, got " + charge);
            }
            this.supercap = Objects.requireNonNull(settings, "settings");
            this.initialCharge = charge;
            return this;
        }

        /**
         * @param pageSize  bytes per page, a power of two
         * @param pageCount number of pages
         * @return this builder
         */
        public Builder flash(int pageSize, int pageCount) {
            this.flashPageSize = pageSize;
            this.flashPageCount = pageCount;
            return this;
        }

        /**
         * @param key the device key, 32 bytes (default: derived from the board name)
         * @return this builder
         */
        public Builder deviceKey(byte[] key) {
            if (key == null || key.length != 32) {
                throw new IllegalArgumentException("a device key has 32 bytes");
            }
            this.deviceKey = key.clone();
            return this;
        }

        /** @return the board */
        public MockBoard build() {
            return new MockBoard(this);
        }
    }

    /** @return the virtual time elapsed since zero */
    public Duration elapsed() {
        return scheduler.elapsed();
    }
}
