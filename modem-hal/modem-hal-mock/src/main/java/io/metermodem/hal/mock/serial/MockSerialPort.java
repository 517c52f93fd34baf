package io.metermodem.hal.mock.serial;

import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.FlowControl;
import io.metermodem.hal.serial.LineError;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.serial.Rs485Mode;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.serial.SerialTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * A serial port in virtual time (HAL-1..HAL-3), one end of a {@link SerialWire} or a drop on an
 * {@link Rs485Bus}. It behaves like a UART: characters leave one after the other, each taking
 * {@code frameBits / baud} of virtual time at this port's settings, and the far end decodes the
 * waveform with its own settings, so mismatched settings produce the same wrong bytes and
 * parity, framing and break errors as real hardware.
 *
 * <p>Without a listener, received characters go to a bounded receive buffer (4096 characters unless
 * {@link #setReceiveBufferCapacity(int) changed}); one arriving with the buffer full is lost and
 * reported as {@link LineErrorKind#OVERRUN}. With a listener, characters, errors and control line
 * changes are delivered by scheduler tasks at the exact virtual time they happen.
 *
 * <p>{@link #read(byte[], int, int, Duration)} blocks the calling thread until data arrives or the
 * timeout has passed on the scheduler's clock, which another thread advances. Errors without a
 * listener are counted in {@link #statistics()} and kept in {@link #lineErrors()}.
 *
 * <p>Ports are made by their connection: {@link SerialWire#dce(String)}, {@link SerialWire#dte(String)},
 * {@link Rs485Bus#master(String)} and {@link Rs485Bus#meter(String)}. Thread-safe.
 */
public final class MockSerialPort implements SerialPort {

    /** Receive buffer size of a new port. */
    public static final int DEFAULT_RECEIVE_BUFFER = 4096;
    /** Most characters kept by {@link #lineErrors()}; older errors are only counted. */
    public static final int ERROR_LOG_SIZE = 256;
    private static final byte[] NO_BYTES = new byte[0];

    private final String name;
    private final PortRole role;
    private final Connection connection;
    private final Object lock;
    private Transmitter transmitter;
    private Receiver receiver;

    private LineSettings settings;
    private boolean open;
    private FlowControl flowControl = FlowControl.NONE;
    private Rs485Mode rs485Mode;
    private SerialListener listener;
    private int waitingReaders;

    private int receiveCapacity = DEFAULT_RECEIVE_BUFFER;

    private int fifoTrigger = 1;
    private byte[] rxBuf = NO_BYTES;
    private int rxHead;
    private int rxSize;

    private long bytesWritten;
    private long bytesReceived;
    private long parityErrors;
    private long framingErrors;
    private long overrunErrors;
    private long breaks;
    private ArrayDeque<LineError> errorLog;

    MockSerialPort(String name, PortRole role, Connection connection, Rs485Mode rs485Mode) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a port needs a name");
        }
        this.name = name;
        this.role = Objects.requireNonNull(role, "role");
        this.connection = connection;
        this.lock = connection.lock;
        this.rs485Mode = rs485Mode;
    }

    void attach(Transmitter tx, Receiver rx) {
        this.transmitter = tx;
        this.receiver = rx;
    }

    Transmitter transmitter() {
        return transmitter;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PortRole role() {
        return role;
    }

    @Override
    public void open(LineSettings newSettings) throws IOException {
        Objects.requireNonNull(newSettings, "settings");
        synchronized (lock) {
            if (open) {
                throw new IllegalStateException("serial port '" + name + "' is already open");
            }
            rs485Mode.checkSpeed(newSettings);
            long now = now();
            receiver.settle(now); // a closed receiver only moves its hunt position
            settings = newSettings;
            open = true;
            receiver.startHunting(now);
            receiver.rearm();
        }
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return open;
        }
    }

    @Override
    public LineSettings settings() {
        synchronized (lock) {
            if (settings == null) {
                throw new IllegalStateException("serial port '" + name + "' was never opened");
            }
            return settings;
        }
    }

    @Override
    public void reconfigure(LineSettings newSettings) throws IOException {
        Objects.requireNonNull(newSettings, "settings");
        synchronized (lock) {
            requireOpenState();
            rs485Mode.checkSpeed(newSettings);
            long now = now();
            if (!pushesDeliveries()) {
                receiver.settle(now); // what arrived so far was decoded with the old settings
            }
            // characters already on the wire finish at the old settings; the rest are re-planned
            transmitter.unscheduleFrom(now);
            settings = newSettings;
            transmitter.schedule(now);
            transmitter.line.planChanged();
            receiver.line.planChanged();
        }
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        synchronized (lock) {
            if (!open) {
                throw new IOException("serial port '" + name + "' is closed");
            }
            connection.checkTransmit(this);
            if (length == 0) {
                return;
            }
            long now = now();
            transmitter.line.settleLazyReceivers(now);
            transmitter.append(data, offset, length);
            bytesWritten += length;
            transmitter.schedule(now);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length < 1) {
            throw new IllegalArgumentException("read length must be at least 1, got " + length);
        }
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or positive, got " + timeout);
        }
        synchronized (lock) {
            if (listener != null) {
                throw new IllegalStateException("serial port '" + name + "' has a listener: characters go there, not to read()");
            }
            long start = now();
            long deadline = saturatedAdd(start, timeout);
            io.metermodem.hal.time.ScheduledTask wake = null;
            try {
                while (true) {
                    if (!open) {
                        return -1;
                    }
                    long now = now();
                    receiver.settle(now);
                    if (rxSize > 0) {
                        return take(buffer, offset, length);
                    }
                    if (now >= deadline) {
                        throw new SerialTimeoutException("nothing arrived on serial port '" + name + "' within " + timeout);
                    }
                    if (wake == null) {
                        wake = connection.scheduler.scheduleAt(deadline, this::wakeReaders);
                    }
                    waitingReaders++;
                    try {
                        receiver.rearm();
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("read on serial port '" + name + "' interrupted");
                    } finally {
                        waitingReaders--;
                    }
                }
            } finally {
                if (wake != null) {
                    wake.cancel();
                }
                receiver.rearm();
            }
        }
    }

    private void wakeReaders() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private static long saturatedAdd(long now, Duration timeout) {
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        long sum = now + nanos;
        return sum < now ? Long.MAX_VALUE : sum;
    }

    private int take(byte[] buffer, int offset, int length) {
        int n = Math.min(length, rxSize);
        int first = Math.min(n, rxBuf.length - rxHead);
        System.arraycopy(rxBuf, rxHead, buffer, offset, first);
        System.arraycopy(rxBuf, 0, buffer, offset + first, n - first);
        rxHead = (rxHead + n) % rxBuf.length;
        rxSize -= n;
        if (rxSize == 0) {
            rxHead = 0;
        }
        return n;
    }

    /**
     * Reads everything in the receive buffer without waiting; a convenience for tests.
     *
     * @return the buffered characters, possibly none
     */
    public byte[] readAvailable() {
        synchronized (lock) {
            if (open && !pushesDeliveries()) {
                receiver.settle(now());
            }
            byte[] out = new byte[rxSize];
            if (rxSize > 0) {
                take(out, 0, rxSize);
            }
            return out;
        }
    }

    @Override
    public int available() {
        synchronized (lock) {
            if (open && listener == null) {
                receiver.settle(now());
            }
            return rxSize;
        }
    }

    @Override
    public void setListener(SerialListener newListener) {
        synchronized (lock) {
            if (listener == null && open) {
                receiver.settle(now()); // what arrived before stays readable from the buffer
            }
            listener = newListener;
            receiver.rearm();
        }
    }

    @Override
    public void setControlLine(ControlLine line, boolean asserted) throws IOException {
        Objects.requireNonNull(line, "line");
        if (line.drivenBy() != role) {
            throw new IllegalArgumentException("serial port '" + name + "' is a " + role + " and cannot drive "
                    + line + ", which the " + line.drivenBy() + " drives");
        }
        synchronized (lock) {
            if (!open) {
                throw new IOException("serial port '" + name + "' is closed");
            }
            connection.driveControlLine(this, line, asserted);
        }
    }

    @Override
    public boolean controlLine(ControlLine line) {
        Objects.requireNonNull(line, "line");
        synchronized (lock) {
            return connection.controlLevel(this, line);
        }
    }

    /** The far end changed a control line: delivered to the listener from a scheduler task. */
    void controlLineChanged(ControlLine line, boolean asserted) {
        SerialListener l;
        synchronized (lock) {
            l = open ? listener : null;
        }
        if (l != null) {
            l.onControlLineChanged(line, asserted);
        }
    }

    /** A handshake input changed: start held characters or hold unstarted ones. */
    void handshakeChanged() {
        long now = now();
        if (mayTransmit()) {
            transmitter.schedule(now);
        } else {
            transmitter.unscheduleFrom(now);
            transmitter.line.planChanged();
        }
    }

    @Override
    public void setFlowControl(FlowControl mode) {
        Objects.requireNonNull(mode, "flow control");
        synchronized (lock) {
            flowControl = mode;
            handshakeChanged();
        }
    }

    @Override
    public FlowControl flowControl() {
        synchronized (lock) {
            return flowControl;
        }
    }

    @Override
    public void setRs485Mode(Rs485Mode mode) {
        Objects.requireNonNull(mode, "RS485 mode");
        synchronized (lock) {
            if (settings != null) {
                mode.checkSpeed(settings);
            }
            rs485Mode = mode;
        }
    }

    @Override
    public Rs485Mode rs485Mode() {
        synchronized (lock) {
            return rs485Mode;
        }
    }

    @Override
    public void sendBreak(Duration duration) throws IOException {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("break duration must be positive, got " + duration);
        }
        synchronized (lock) {
            if (!open) {
                throw new IOException("serial port '" + name + "' is closed");
            }
            connection.checkTransmit(this);
            transmitter.appendBreak(duration.toNanos());
            transmitter.schedule(now());
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (!open) {
                return;
            }
            long now = now();
            transmitter.discardPending(now);
            for (ControlLine line : ControlLine.values()) {
                if (line.drivenBy() == role && connection.controlLevel(this, line)) {
                    connection.driveControlLine(this, line, false);
                }
            }
            open = false;
            rxSize = 0;
            rxHead = 0;
            rxBuf = NO_BYTES;
            receiver.cancel();
            transmitter.line.planChanged();
            lock.notifyAll();
        }
    }

    // ---- test helpers ----

    /**
     * Changes the size of the receive buffer; characters arriving with it full are lost (OVERRUN).
     *
     * @param capacity 1..1,048,576 characters
     * @throws IllegalArgumentException outside that range
     * @throws IllegalStateException    if more characters are buffered than the new size holds
     */
    public void setReceiveBufferCapacity(int capacity) {
        if (capacity < 1 || capacity > (1 << 20)) {
            throw new IllegalArgumentException("receive buffer capacity " + capacity + " outside 1..1048576");
        }
        synchronized (lock) {
            if (rxSize > capacity) {
                throw new IllegalStateException("serial port '" + name + "' holds " + rxSize
                        + " characters, more than the new capacity " + capacity);
            }
            receiveCapacity = capacity;
        }
    }

    /**
     * Sets the receive FIFO trigger level, as on a hardware UART (a 16550 triggers at 1, 4, 8 or 14
     * characters, a Raspberry Pi PL011 at 4..28 of 32). With level {@code n}, a listener or waiting
     * reader is handed received characters once {@code n} of them have arrived, or when the line
     * falls idle with fewer pending (the end of a burst); each character still carries its own arrival
     * time in the buffer and the statistics. Level 1, the default, delivers every character at the
     * instant its stop bit ends. Higher levels cut the scheduler work per character, for long
     * transfers and fleet simulations; deliveries of mismatched (bit-sampled) characters are always
     * per character.
     *
     * @param level 1..4096 characters
     * @throws IllegalArgumentException outside that range
     */
    public void setReceiveFifoTrigger(int level) {
        if (level < 1 || level > 4096) {
            throw new IllegalArgumentException("receive FIFO trigger level " + level + " outside 1..4096");
        }
        synchronized (lock) {
            fifoTrigger = level;
            transmitter.line.planChanged();
        }
    }

    /** @return the receive FIFO trigger level, 1 by default */
    public int receiveFifoTrigger() {
        synchronized (lock) {
            return fifoTrigger;
        }
    }

    /** @return the receive buffer size */
    public int receiveBufferCapacity() {
        synchronized (lock) {
            return receiveCapacity;
        }
    }

    /** @return the counters of this port at the current virtual time */
    public PortStatistics statistics() {
        synchronized (lock) {
            long now = now();
            if (open && !pushesDeliveries()) {
                receiver.settle(now);
            }
            return new PortStatistics(bytesWritten, transmitter.transmittedBy(now), bytesReceived,
                    parityErrors, framingErrors, overrunErrors, breaks);
        }
    }

    /** @return the latest receive errors, oldest first (at most {@link #ERROR_LOG_SIZE}) */
    public List<LineError> lineErrors() {
        synchronized (lock) {
            if (open && !pushesDeliveries()) {
                receiver.settle(now());
            }
            return errorLog == null ? List.of() : List.copyOf(errorLog);
        }
    }

    /** @return characters written but not yet fully received by the far end (the transmit queue) */
    public int transmitQueueLength() {
        synchronized (lock) {
            transmitter.line.settleLazyReceivers(now());
            return transmitter.queued();
        }
    }

    /**
     * @return whether this port's line driver is driving at the current virtual time (HAL-3: in
     *         two-wire RS485 only while it transmits)
     */
    public boolean isDriverEnabled() {
        synchronized (lock) {
            return transmitter.driving(now(), false);
        }
    }

    /**
     * The driver enable switches of this port on an {@link Rs485Bus} up to now (HAL-3 direction
     * control); empty on a {@link SerialWire}.
     *
     * @return the switches in time order
     */
    public List<DriverEnableChange> driverEnableLog() {
        synchronized (lock) {
            return List.copyOf(transmitter.directionLog(now()));
        }
    }

    @Override
    public String toString() {
        return "MockSerialPort[" + name + ", " + role + (open ? ", " + settings : ", closed") + "]";
    }

    // ---- called by the transmitter and receiver under the lock ----

    /** @return the settings while open, else null (no exception: called on delivery paths) */
    LineSettings settingsIfOpen() {
        return open ? settings : null;
    }

    boolean mayTransmit() {
        return open && (flowControl == FlowControl.NONE || connection.clearToSend(this));
    }

    /** @return whether deliveries must happen at their exact time (a listener or a waiting reader) */
    boolean pushesDeliveries() {
        return open && (listener != null || waitingReaders > 0);
    }

    boolean hasWaitingReaders() {
        return waitingReaders > 0;
    }

    int fifoTriggerLevel() {
        return fifoTrigger;
    }

    int receiveRoom() {
        return listener != null ? Integer.MAX_VALUE : receiveCapacity - rxSize;
    }

    void received(byte[] data, int offset, int length, long nanoTime) {
        if (!open) {
            return; // nobody listens: the characters are lost on the wire
        }
        if (listener != null) {
            bytesReceived += length;
            listener.onData(data, offset, length);
            return;
        }
        int take = Math.min(length, receiveCapacity - rxSize);
        if (take > 0) {
            if (rxSize + take > rxBuf.length) {
                growReceiveBuffer(rxSize + take);
            }
            int tail = (rxHead + rxSize) % rxBuf.length;
            int first = Math.min(take, rxBuf.length - tail);
            System.arraycopy(data, offset, rxBuf, tail, first);
            System.arraycopy(data, offset + first, rxBuf, 0, take - first);
            rxSize += take;
            bytesReceived += take;
        }
        for (int i = take; i < length; i++) {
            lineError(LineErrorKind.OVERRUN, nanoTime, -1);
        }
    }

    private void growReceiveBuffer(int needed) {
        int cap = Math.max(64, rxBuf.length);
        while (cap < needed) {
            cap <<= 1;
        }
        cap = Math.min(cap, Math.max(needed, receiveCapacity));
        byte[] grown = new byte[cap];
        for (int i = 0; i < rxSize; i++) {
            grown[i] = rxBuf[(rxHead + i) % rxBuf.length];
        }
        rxBuf = grown;
        rxHead = 0;
    }

    void lineError(LineErrorKind kind, long nanoTime, int character) {
        if (!open) {
            return;
        }
        switch (kind) {
            case PARITY -> parityErrors++;
            case FRAMING -> framingErrors++;
            case OVERRUN -> overrunErrors++;
            case BREAK -> breaks++;
        }
        LineError error = new LineError(kind, nanoTime, character);
        if (errorLog == null) {
            errorLog = new ArrayDeque<>(8);
        }
        if (errorLog.size() == ERROR_LOG_SIZE) {
            errorLog.pollFirst();
        }
        errorLog.addLast(error);
        if (listener != null) {
            listener.onLineError(error);
        }
    }

    private void requireOpenState() {
        if (!open) {
            throw new IllegalStateException("serial port '" + name + "' is closed");
        }
    }

    private long now() {
        return connection.scheduler.nanoTime();
    }
}
