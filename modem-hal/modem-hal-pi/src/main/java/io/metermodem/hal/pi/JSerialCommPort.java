package io.metermodem.hal.pi;

import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.metermodem.hal.gpio.DigitalOutput;
import io.metermodem.hal.pi.internal.ReceiveBuffer;
import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.FlowControl;
import io.metermodem.hal.serial.LineError;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.serial.Rs485Mode;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.serial.SerialPortUnavailableException;
import io.metermodem.hal.serial.SerialTimeoutException;
import io.metermodem.hal.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SerialPort} on a real UART through jSerialComm (HAL-1..HAL-3), e.g. the Pi's
 * {@code /dev/ttyAMA0} towards the meter or a USB adapter.
 *
 * <h2>Receiving</h2>
 * While open, one daemon platform thread named {@code serial-reader-<device>} reads the device with
 * jSerialComm's semi-blocking reads (100 ms poll) and hands the characters, in order, either to the
 * {@link SerialListener} or to a bounded receive buffer that {@link #read} takes from. A character
 * arriving with the buffer full is dropped and counted as an {@link LineErrorKind#OVERRUN}; the
 * overrun is reported to the next listener that is set and counted in {@link #overruns()}.
 * Setting a listener first hands it what the buffer still holds.
 *
 * <p>Line errors come from jSerialComm's event listener ({@code LISTENING_EVENT_PARITY_ERROR},
 * {@code _FRAMING_ERROR}, {@code _BREAK_INTERRUPT}, {@code _FIRMWARE_OVERRUN_ERROR},
 * {@code _SOFTWARE_OVERRUN_ERROR}), which on Linux reads the driver's interrupt counters
 * ({@code TIOCGICOUNT}). Limits worth knowing: the kernel drops characters with a parity error
 * (jSerialComm sets {@code INPCK|IGNPAR}), so a parity error is reported with character -1 and no
 * data; the error events arrive on jSerialComm's own thread, so their order relative to the data is
 * only approximate; pseudo-terminals and many USB adapters report no counters at all.
 *
 * <p>The reader is deliberately a platform thread, not a virtual one: jSerialComm reads in native
 * code, and a virtual thread blocked in a JNI call pins its carrier. Each open port would then take
 * one carrier of the virtual-thread scheduler for good, and on a two- or four-core machine two or
 * three ports starve every other virtual thread of the process (observed on a two-core build host:
 * nothing else ran). One small platform thread per UART costs nothing in comparison.
 *
 * <h2>Control lines (HAL-2)</h2>
 * A PC or Pi UART is electrically a DTE. In the {@link PortRole#DTE} role DTR and RTS are driven
 * through the UART and CTS, DSR, DCD and RI read from it. In the {@link PortRole#DCE} role (the
 * modem towards the meter) the modem's outputs DCD, DSR, CTS and RI are GPIO pins given to the
 * builder; the meter's DTR and RTS arrive through the crossed cable on the UART's DSR and CTS
 * inputs. Driving a DCE line that has no pin throws {@link IllegalStateException}.
 *
 * <h2>RS485 (HAL-3)</h2>
 * {@link Rs485Mode#TWO_WIRE} needs direction control. With a driver-enable pin from the board (the
 * Pi's UARTs have no kernel RS485 support) the pin is raised before a write, the write waits until
 * the UART has sent its last character ({@code tcdrain}), and the pin drops again, so in that mode
 * {@link #write} blocks for the transmission time. Without a pin the kernel's RS485 mode is asked
 * for through {@code setRs485ModeParameters} (RTS as driver enable); jSerialComm cannot tell if the
 * driver accepted it. RS485 modes refuse speeds above {@link Rs485Mode#MAX_BAUD}.
 *
 * <pre>{@code
 * SerialPort meter = JSerialCommPort.builder("/dev/ttyAMA0")
 *         .role(PortRole.DCE).scheduler(scheduler)
 *         .controlLineOutput(ControlLine.DCD, dcdPin)
 *         .driverEnable(dePin)
 *         .build();
 * meter.open(LineSettings.IEC_SIGN_ON);
 * }</pre>
 */
public final class JSerialCommPort implements SerialPort {

    /** Default capacity of the receive buffer in characters. */
    public static final int DEFAULT_RECEIVE_BUFFER = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(JSerialCommPort.class);
    /** Reader poll period: bounds how long close() waits for the reader to notice. */
    private static final int POLL_MILLIS = 100;
    private static final int LINE_EVENTS = com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_PARITY_ERROR
            | com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_FRAMING_ERROR
            | com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_BREAK_INTERRUPT
            | com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_FIRMWARE_OVERRUN_ERROR
            | com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_SOFTWARE_OVERRUN_ERROR;

    private final String device;
    private final PortRole role;
    private final Scheduler scheduler;
    private final Map<ControlLine, DigitalOutput> outputs;
    private final DigitalOutput driverEnable;
    private final boolean monitorLineEvents;
    private final ReceiveBuffer buffer;
    private final Object stateLock = new Object();
    private final Object writeLock = new Object();
    private final Object deliveryLock = new Object();
    private final AtomicLong overruns = new AtomicLong();

    private volatile com.fazecast.jSerialComm.SerialPort port;
    private volatile LineSettings settings;
    private volatile SerialListener listener;
    private volatile FlowControl flowControl = FlowControl.NONE;
    private volatile Rs485Mode rs485Mode = Rs485Mode.OFF;
    private boolean overrunUnreported;
    private boolean kernelRs485;
    private Thread reader;

    private JSerialCommPort(Builder builder) {
        this.device = builder.device;
        this.role = builder.role;
        this.scheduler = Objects.requireNonNull(builder.scheduler,
                "a Scheduler is required (breaks and line error time stamps use it)");
        this.outputs = new EnumMap<>(builder.outputs);
        this.driverEnable = builder.driverEnable;
        this.monitorLineEvents = builder.monitorLineEvents;
        this.buffer = new ReceiveBuffer(builder.receiveBufferSize);
    }

    /**
     * Starts describing a port.
     *
     * @param device the device path, e.g. {@code /dev/ttyAMA0}
     * @return a builder; {@link Builder#scheduler(Scheduler)} is required
     */
    public static Builder builder(String device) {
        return new Builder(device);
    }

    @Override
    public String name() {
        return device;
    }

    @Override
    public PortRole role() {
        return role;
    }

    /**
     * Opens the device at {@code settings} (HAL-1).
     *
     * @throws SerialPortUnavailableException naming the device when it is missing, busy or not
     *                                        permitted
     */
    @Override
    public void open(LineSettings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        synchronized (stateLock) {
            if (port != null) {
                throw new IllegalStateException("serial port " + device + " is already open");
            }
            rs485Mode.checkSpeed(settings);
            if (!Files.exists(Path.of(device))) {
                throw new SerialPortUnavailableException(device, "no such device");
            }
            com.fazecast.jSerialComm.SerialPort candidate;
            try {
                candidate = com.fazecast.jSerialComm.SerialPort.getCommPort(device);
            } catch (SerialPortInvalidPortException e) {
                throw new SerialPortUnavailableException(device, "not a serial port (" + e.getMessage() + ")");
            }
            applySettings(candidate, settings);
            candidate.setFlowControl(flowControlBits(flowControl));
            if (!candidate.openPort(0)) {
                int errno = candidate.getLastErrorCode();
                throw new SerialPortUnavailableException(device, "open failed (errno " + errno + ": "
                        + (errno == 13 ? "permission denied" : errno == 16 || errno == 11 ? "busy" : "see errno") + ")");
            }
            port = candidate;
            this.settings = settings;
            kernelRs485 = false;
            applyTimeouts(candidate);
            applyRs485(candidate, rs485Mode);
            if (monitorLineEvents && !candidate.addDataListener(new LineEvents(candidate))) {
                LOG.debug("{}: line error events unavailable", device);
            }
            buffer.reset();
            reader = Thread.ofPlatform().name("serial-reader-" + device).daemon(true)
                    .start(() -> readLoop(candidate));
            LOG.debug("{}: opened at {}", device, settings);
        }
    }

    @Override
    public boolean isOpen() {
        return port != null;
    }

    @Override
    public LineSettings settings() {
        LineSettings current = settings;
        if (current == null) {
            throw new IllegalStateException("serial port " + device + " was never opened");
        }
        return current;
    }

    @Override
    public void reconfigure(LineSettings newSettings) throws IOException {
        Objects.requireNonNull(newSettings, "settings");
        synchronized (stateLock) {
            com.fazecast.jSerialComm.SerialPort current = requireOpen();
            rs485Mode.checkSpeed(newSettings);
            if (!applySettings(current, newSettings)) {
                throw new IOException("serial port " + device + " refused " + newSettings
                        + " (errno " + current.getLastErrorCode() + ")");
            }
            settings = newSettings;
        }
    }

    /**
     * Queues characters for transmission. In {@link Rs485Mode#TWO_WIRE} with a driver-enable pin it
     * returns only once the characters have left the UART, so the pin can drop.
     */
    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        synchronized (writeLock) {
            com.fazecast.jSerialComm.SerialPort current = port;
            if (current == null) {
                throw new IOException("serial port " + device + " is closed");
            }
            boolean direction = usesGpioDirection(rs485Mode);
            if (direction) {
                driverEnable.on();
            }
            try {
                int written = 0;
                while (written < length) {
                    int n = current.writeBytes(data, length - written, offset + written);
                    if (n < 0) {
                        throw new IOException("write to serial port " + device + " failed (errno "
                                + current.getLastErrorCode() + ")");
                    }
                    written += n;
                }
            } finally {
                if (direction) {
                    driverEnable.off();
                }
            }
        }
    }

    /**
     * Reads buffered characters, waiting in real time up to {@code timeout}.
     *
     * @throws IllegalStateException while a listener is set
     */
    @Override
    public int read(byte[] target, int offset, int length, Duration timeout) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length < 1) {
            throw new IllegalArgumentException("read length must be at least 1");
        }
        if (listener != null) {
            throw new IllegalStateException("serial port " + device + " delivers to a listener; read is unavailable");
        }
        if (port == null) {
            return -1;
        }
        int n = buffer.take(target, offset, length, Math.max(0, timeout.toNanos()));
        if (n == ReceiveBuffer.TIMED_OUT) {
            throw new SerialTimeoutException("nothing received on serial port " + device + " within " + timeout);
        }
        return n;
    }

    @Override
    public int available() {
        return buffer.size();
    }

    @Override
    public void setListener(SerialListener newListener) {
        synchronized (deliveryLock) {
            if (newListener != null) {
                byte[] pending = new byte[buffer.capacity()];
                int n = buffer.poll(pending, 0, pending.length);
                if (n > 0) {
                    deliverTo(newListener, pending, n);
                }
                if (overrunUnreported) {
                    overrunUnreported = false;
                    reportTo(newListener, new LineError(LineErrorKind.OVERRUN, scheduler.nanoTime(), -1));
                }
            }
            listener = newListener;
        }
    }

    /** @return characters dropped because the receive buffer was full, since this port was built */
    public long overruns() {
        return overruns.get();
    }

    @Override
    public void setControlLine(ControlLine line, boolean asserted) throws IOException {
        Objects.requireNonNull(line, "line");
        if (line.drivenBy() != role) {
            throw new IllegalArgumentException(line + " is driven by the " + line.drivenBy()
                    + ", not by this " + role + " port " + device);
        }
        if (role == PortRole.DCE) {
            DigitalOutput pin = outputs.get(line);
            if (pin == null) {
                throw new IllegalStateException("serial port " + device + " has no GPIO pin for " + line
                        + ": a Pi UART cannot drive DCE lines itself; configure the pin in the PinMap");
            }
            pin.set(asserted);
            return;
        }
        com.fazecast.jSerialComm.SerialPort current = port;
        if (current == null) {
            throw new IOException("serial port " + device + " is closed");
        }
        boolean ok = switch (line) {
            case DTR -> asserted ? current.setDTR() : current.clearDTR();
            case RTS -> asserted ? current.setRTS() : current.clearRTS();
            default -> throw new IllegalArgumentException(line + " is not a DTE output");
        };
        if (!ok) {
            throw new IOException("serial port " + device + " refused to set " + line
                    + " (errno " + current.getLastErrorCode() + ")");
        }
    }

    @Override
    public boolean controlLine(ControlLine line) {
        Objects.requireNonNull(line, "line");
        if (role == PortRole.DCE && line.drivenBy() == PortRole.DCE) {
            DigitalOutput pin = outputs.get(line);
            return pin != null && pin.isOn();
        }
        com.fazecast.jSerialComm.SerialPort current = port;
        if (current == null) {
            return false;
        }
        if (role == PortRole.DCE) {
            // Crossed cable: the meter's DTR arrives on our DSR input, its RTS on our CTS input.
            return line == ControlLine.DTR ? current.getDSR() : current.getCTS();
        }
        return switch (line) {
            case DTR -> current.getDTR();
            case RTS -> current.getRTS();
            case CTS -> current.getCTS();
            case DSR -> current.getDSR();
            case DCD -> current.getDCD();
            case RI -> current.getRI();
        };
    }

    /**
     * Sets RTS/CTS flow control. The UART drives RTS and obeys CTS in both roles; with the crossed
     * cable of a DCE this is the meter's CTS and RTS.
     */
    @Override
    public void setFlowControl(FlowControl mode) throws IOException {
        Objects.requireNonNull(mode, "flowControl");
        synchronized (stateLock) {
            com.fazecast.jSerialComm.SerialPort current = port;
            if (current != null && !current.setFlowControl(flowControlBits(mode))) {
                throw new IOException("serial port " + device + " refused flow control " + mode);
            }
            flowControl = mode;
        }
    }

    @Override
    public FlowControl flowControl() {
        return flowControl;
    }

    @Override
    public void setRs485Mode(Rs485Mode mode) throws IOException {
        Objects.requireNonNull(mode, "mode");
        synchronized (stateLock) {
            LineSettings current = settings;
            if (port != null && current != null) {
                mode.checkSpeed(current);
            }
            rs485Mode = mode;
            com.fazecast.jSerialComm.SerialPort open = port;
            if (open != null) {
                applyTimeouts(open);
                applyRs485(open, mode);
            }
            if (driverEnable != null && !usesGpioDirection(mode)) {
                driverEnable.off();
            }
        }
    }

    @Override
    public Rs485Mode rs485Mode() {
        return rs485Mode;
    }

    /**
     * Holds the line at space for {@code duration}; the release is scheduled on the board's
     * scheduler rather than waited for, so this returns at once.
     */
    @Override
    public void sendBreak(Duration duration) throws IOException {
        Objects.requireNonNull(duration, "duration");
        com.fazecast.jSerialComm.SerialPort current = port;
        if (current == null) {
            throw new IOException("serial port " + device + " is closed");
        }
        if (!current.setBreak()) {
            throw new IOException("serial port " + device + " cannot send a break (errno "
                    + current.getLastErrorCode() + ")");
        }
        scheduler.schedule(duration, () -> {
            if (port == current && !current.clearBreak()) {
                LOG.warn("{}: clearing the break failed (errno {})", device, current.getLastErrorCode());
            }
        });
    }

    @Override
    public void close() {
        Thread oldReader;
        synchronized (stateLock) {
            com.fazecast.jSerialComm.SerialPort current = port;
            if (current == null) {
                return;
            }
            port = null;
            buffer.close();
            if (monitorLineEvents) {
                current.removeDataListener();
            }
            // closePort switches the descriptor to non-blocking, which ends the reader's read.
            current.closePort();
            oldReader = reader;
            reader = null;
            if (driverEnable != null) {
                driverEnable.off();
            }
        }
        if (oldReader != null && oldReader != Thread.currentThread()) {
            try {
                if (!oldReader.join(Duration.ofSeconds(2))) {
                    LOG.warn("{}: reader thread did not end after close", device);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.debug("{}: closed", device);
    }

    @Override
    public String toString() {
        return "JSerialCommPort[" + device + ", " + role + (settings == null ? "" : ", " + settings) + "]";
    }

    private void readLoop(com.fazecast.jSerialComm.SerialPort source) {
        byte[] chunk = new byte[512];
        while (port == source) {
            int n = source.readBytes(chunk, chunk.length, 0);
            if (n < 0) {
                if (port == source) {
                    LOG.warn("{}: device read failed (errno {}); no more input", device, source.getLastErrorCode());
                    buffer.close();
                }
                return;
            }
            if (n > 0) {
                deliver(chunk, n);
            }
        }
    }

    private void deliver(byte[] data, int length) {
        synchronized (deliveryLock) {
            SerialListener current = listener;
            if (current != null) {
                deliverTo(current, data, length);
                return;
            }
            int dropped = buffer.offer(data, 0, length);
            if (dropped > 0) {
                overruns.addAndGet(dropped);
                overrunUnreported = true;
                LOG.warn("{}: receive buffer full ({} characters), {} dropped", device, buffer.capacity(), dropped);
            }
        }
    }

    private void deliverTo(SerialListener target, byte[] data, int length) {
        try {
            target.onData(data, 0, length);
        } catch (RuntimeException e) {
            LOG.error("{}: serial listener failed on data", device, e);
        }
    }

    private void reportTo(SerialListener target, LineError error) {
        try {
            target.onLineError(error);
        } catch (RuntimeException e) {
            LOG.error("{}: serial listener failed on {}", device, error, e);
        }
    }

    private void lineError(LineErrorKind kind) {
        synchronized (deliveryLock) {
            SerialListener current = listener;
            LineError error = new LineError(kind, scheduler.nanoTime(), -1);
            if (current != null) {
                reportTo(current, error);
            } else {
                LOG.debug("{}: {} with no listener", device, error);
                if (kind == LineErrorKind.OVERRUN) {
                    overrunUnreported = true;
                }
            }
        }
    }

    private void controlLineChanged(ControlLine line, boolean asserted) {
        synchronized (deliveryLock) {
            SerialListener current = listener;
            if (current != null) {
                try {
                    current.onControlLineChanged(line, asserted);
                } catch (RuntimeException e) {
                    LOG.error("{}: serial listener failed on {} change", device, line, e);
                }
            }
        }
    }

    private com.fazecast.jSerialComm.SerialPort requireOpen() {
        com.fazecast.jSerialComm.SerialPort current = port;
        if (current == null) {
            throw new IllegalStateException("serial port " + device + " is closed");
        }
        return current;
    }

    private boolean usesGpioDirection(Rs485Mode mode) {
        return mode == Rs485Mode.TWO_WIRE && driverEnable != null;
    }

    private void applyTimeouts(com.fazecast.jSerialComm.SerialPort target) {
        int mode = com.fazecast.jSerialComm.SerialPort.TIMEOUT_READ_SEMI_BLOCKING;
        if (usesGpioDirection(rs485Mode)) {
            // Write-blocking makes jSerialComm call tcdrain after write: the driver-enable pin may
            // only drop once the last stop bit is on the wire.
            mode |= com.fazecast.jSerialComm.SerialPort.TIMEOUT_WRITE_BLOCKING;
        }
        target.setComPortTimeouts(mode, POLL_MILLIS, 0);
    }

    private void applyRs485(com.fazecast.jSerialComm.SerialPort target, Rs485Mode mode) {
        if (mode == Rs485Mode.TWO_WIRE && driverEnable == null) {
            target.setRs485ModeParameters(true, true, 0, 0);
            kernelRs485 = true;
        } else if (kernelRs485) {
            target.disableRs485ModeControl();
            kernelRs485 = false;
        }
    }

    private static boolean applySettings(com.fazecast.jSerialComm.SerialPort target, LineSettings settings) {
        int parity = switch (settings.format().parity()) {
            case NONE -> com.fazecast.jSerialComm.SerialPort.NO_PARITY;
            case EVEN -> com.fazecast.jSerialComm.SerialPort.EVEN_PARITY;
            case ODD -> com.fazecast.jSerialComm.SerialPort.ODD_PARITY;
        };
        int stopBits = switch (settings.format().stopBits()) {
            case ONE -> com.fazecast.jSerialComm.SerialPort.ONE_STOP_BIT;
            case TWO -> com.fazecast.jSerialComm.SerialPort.TWO_STOP_BITS;
        };
        return target.setComPortParameters(settings.baud(), settings.format().dataBits(), stopBits, parity);
    }

    private static int flowControlBits(FlowControl mode) {
        return switch (mode) {
            case NONE -> com.fazecast.jSerialComm.SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> com.fazecast.jSerialComm.SerialPort.FLOW_CONTROL_RTS_ENABLED
                    | com.fazecast.jSerialComm.SerialPort.FLOW_CONTROL_CTS_ENABLED;
        };
    }

    /** Bridges jSerialComm's event thread: line errors and control line changes. */
    private final class LineEvents implements SerialPortDataListener {
        private final com.fazecast.jSerialComm.SerialPort source;

        LineEvents(com.fazecast.jSerialComm.SerialPort source) {
            this.source = source;
        }

        @Override
        public int getListeningEvents() {
            // No DATA_* events: the reader thread owns the data, jSerialComm must not read it.
            return LINE_EVENTS
                    | com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_CTS
                    | com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_DSR
                    | com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_CARRIER_DETECT
                    | com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_RING_INDICATOR;
        }

        @Override
        public void serialEvent(SerialPortEvent event) {
            int type = event.getEventType();
            if ((type & com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_PARITY_ERROR) != 0) {
                lineError(LineErrorKind.PARITY);
            }
            if ((type & com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_FRAMING_ERROR) != 0) {
                lineError(LineErrorKind.FRAMING);
            }
            if ((type & (com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_FIRMWARE_OVERRUN_ERROR
                    | com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_SOFTWARE_OVERRUN_ERROR)) != 0) {
                lineError(LineErrorKind.OVERRUN);
            }
            if ((type & com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_BREAK_INTERRUPT) != 0) {
                lineError(LineErrorKind.BREAK);
            }
            if ((type & com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_CTS) != 0) {
                controlLineChanged(role == PortRole.DCE ? ControlLine.RTS : ControlLine.CTS, source.getCTS());
            }
            if ((type & com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_DSR) != 0) {
                controlLineChanged(role == PortRole.DCE ? ControlLine.DTR : ControlLine.DSR, source.getDSR());
            }
            if (role == PortRole.DTE
                    && (type & com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_CARRIER_DETECT) != 0) {
                controlLineChanged(ControlLine.DCD, source.getDCD());
            }
            if (role == PortRole.DTE
                    && (type & com.fazecast.jSerialComm.SerialPort.LISTENING_EVENT_RING_INDICATOR) != 0) {
                controlLineChanged(ControlLine.RI, source.getRI());
            }
        }
    }

    /**
     * Describes a {@link JSerialCommPort}: device, role, scheduler and the board's GPIO pins for the
     * lines a UART cannot drive itself.
     */
    public static final class Builder {
        private final String device;
        private PortRole role = PortRole.DTE;
        private Scheduler scheduler;
        private final Map<ControlLine, DigitalOutput> outputs = new EnumMap<>(ControlLine.class);
        private DigitalOutput driverEnable;
        private int receiveBufferSize = DEFAULT_RECEIVE_BUFFER;
        private boolean monitorLineEvents = true;

        private Builder(String device) {
            if (device == null || device.isBlank()) {
                throw new IllegalArgumentException("a serial device path is required");
            }
            this.device = device;
        }

        /**
         * @param portRole which control lines this end drives; default {@link PortRole#DTE}
         * @return this builder
         */
        public Builder role(PortRole portRole) {
            this.role = Objects.requireNonNull(portRole, "role");
            return this;
        }

        /**
         * @param clock the board's scheduler: times line errors and ends breaks (required)
         * @return this builder
         */
        public Builder scheduler(Scheduler clock) {
            this.scheduler = Objects.requireNonNull(clock, "scheduler");
            return this;
        }

        /**
         * Realises a DCE output (DCD, DSR, CTS, RI) through a GPIO pin (HAL-2).
         *
         * @param line a line driven by the DCE
         * @param pin  the output driving it
         * @return this builder
         */
        public Builder controlLineOutput(ControlLine line, DigitalOutput pin) {
            Objects.requireNonNull(line, "line");
            if (line.drivenBy() != PortRole.DCE) {
                throw new IllegalArgumentException(line + " is driven by the DTE; only DCE lines need a GPIO pin");
            }
            outputs.put(line, Objects.requireNonNull(pin, "pin"));
            return this;
        }

        /**
         * @param pin the RS485 transceiver's driver-enable output, raised while sending in
         *            {@link Rs485Mode#TWO_WIRE} (HAL-3)
         * @return this builder
         */
        public Builder driverEnable(DigitalOutput pin) {
            this.driverEnable = Objects.requireNonNull(pin, "pin");
            return this;
        }

        /**
         * @param characters capacity of the receive buffer, at least 1; default {@value #DEFAULT_RECEIVE_BUFFER}
         * @return this builder
         */
        public Builder receiveBufferSize(int characters) {
            if (characters < 1) {
                throw new IllegalArgumentException("receive buffer size must be at least 1, got " + characters);
            }
            this.receiveBufferSize = characters;
            return this;
        }

        /**
         * @param enabled whether to register jSerialComm's event listener for line errors and control
         *                line changes; default {@code true}. Closing a monitored port can take up to
         *                about a second while jSerialComm's event thread winds down.
         * @return this builder
         */
        public Builder monitorLineEvents(boolean enabled) {
            this.monitorLineEvents = enabled;
            return this;
        }

        /** @return the port, closed */
        public JSerialCommPort build() {
            return new JSerialCommPort(this);
        }
    }
}
