package io.metermodem.hal.mock.serial;

import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.serial.Rs485Mode;
import io.metermodem.hal.time.Scheduler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An RS485 bus in virtual time (HAL-3): the modem as master and up to {@link Rs485Mode#MAX_METERS}
 * meters as drops, at most {@link Rs485Mode#MAX_BAUD} baud.
 *
 * <p>{@link Rs485Mode#TWO_WIRE}: one pair, half duplex. Every port hears what any other port sends;
 * a port's driver is enabled only while it transmits (its receiver is then disabled, so it does not
 * hear itself), and two drivers enabled at once are a collision: the pair carries the wired-AND of
 * both waveforms, receivers get garbled characters and framing errors, and {@link #collisions()}
 * counts it. {@link Rs485Mode#FOUR_WIRE}: the master transmits on one pair to all meters, the meters
 * share the return pair; collisions can only happen among meters.
 *
 * <pre>{@code
 * Rs485Bus bus = new Rs485Bus(scheduler, "rs485", Rs485Mode.TWO_WIRE);
 * MockSerialPort modem = bus.master("modem");
 * MockSerialPort meter = bus.meter("meter-1");
 * }</pre>
 *
 * <p>Ports made here start in the bus's RS485 mode; one set to another mode cannot transmit on it.
 * There are no handshake lines on the bus: RTS/CTS flow control never holds a port back.
 */
public final class Rs485Bus {

    private final BusConnection connection;
    private final Rs485Mode mode;
    private final Line masterPair;
    private final Line meterPair;
    private MockSerialPort master;
    private final List<MockSerialPort> meters = new ArrayList<>();

    /**
     * @param scheduler the board's clock and task runner
     * @param name      the bus's name, used in messages
     * @param mode      {@link Rs485Mode#TWO_WIRE} or {@link Rs485Mode#FOUR_WIRE}
     * @throws IllegalArgumentException if the mode is OFF or missing
     */
    public Rs485Bus(Scheduler scheduler, String name, Rs485Mode mode) {
        if (mode == null || mode == Rs485Mode.OFF) {
            throw new IllegalArgumentException("an RS485 bus is TWO_WIRE or FOUR_WIRE, not " + mode);
        }
        this.connection = new BusConnection(scheduler, name);
        this.mode = mode;
        this.masterPair = new Line(scheduler, connection.lock, true);
        this.meterPair = mode == Rs485Mode.TWO_WIRE ? masterPair : new Line(scheduler, connection.lock, true);
    }

    /** @return the bus's name */
    public String name() {
        return connection.name;
    }

    /** @return the wiring of the bus */
    public Rs485Mode mode() {
        return mode;
    }

    /**
     * Creates the master port (the modem's meter port), closed.
     *
     * @param portName the port's name
     * @return the port, in this bus's RS485 mode
     * @throws IllegalStateException if the bus has its master already
     */
    public MockSerialPort master(String portName) {
        synchronized (connection.lock) {
            if (master != null) {
                throw new IllegalStateException("bus '" + name() + "' already has its master '" + master.name() + "'");
            }
            master = plug(portName, PortRole.DCE, masterPair, meterPair);
            return master;
        }
    }

    /**
     * Connects another meter, closed.
     *
     * @param portName the port's name
     * @return the port, in this bus's RS485 mode
     * @throws IllegalStateException if {@link Rs485Mode#MAX_METERS} meters are connected already
     */
    public MockSerialPort meter(String portName) {
        synchronized (connection.lock) {
            if (meters.size() >= Rs485Mode.MAX_METERS) {
                throw new IllegalStateException("bus '" + name() + "' carries at most " + Rs485Mode.MAX_METERS
                        + " meters; cannot connect '" + portName + "'");
            }
            MockSerialPort meter = plug(portName, PortRole.DTE, meterPair, masterPair);
            meters.add(meter);
            return meter;
        }
    }

    private MockSerialPort plug(String portName, PortRole role, Line out, Line in) {
        MockSerialPort port = new MockSerialPort(portName, role, connection, mode);
        Transmitter tx = new Transmitter(port, out);
        Receiver rx = new Receiver(port, in, out == in ? tx : null);
        out.transmitters.add(tx);
        in.receivers.add(rx);
        port.attach(tx, rx);
        return port;
    }

    /** @return the meters connected, in order */
    public List<MockSerialPort> meters() {
        synchronized (connection.lock) {
            return List.copyOf(meters);
        }
    }

    /** @return how many times two drivers transmitted on the same pair at once */
    public long collisions() {
        synchronized (connection.lock) {
            return masterPair == meterPair ? masterPair.collisions : masterPair.collisions + meterPair.collisions;
        }
    }

    @Override
    public String toString() {
        return "Rs485Bus[" + name() + ", " + mode + ", " + meters.size() + " meters]";
    }

    /** RS485 has no handshake lines: each port keeps its own levels, nobody sees them. */
    private final class BusConnection extends Connection {
        private final Map<MockSerialPort, EnumMap<ControlLine, Boolean>> levels = new java.util.HashMap<>();

        BusConnection(Scheduler scheduler, String name) {
            super(scheduler, name);
        }

        @Override
        boolean controlLevel(MockSerialPort port, ControlLine line) {
            EnumMap<ControlLine, Boolean> own = levels.get(port);
            return own != null && own.getOrDefault(line, false);
        }

        @Override
        void driveControlLine(MockSerialPort port, ControlLine line, boolean asserted) {
            levels.computeIfAbsent(port, p -> new EnumMap<>(ControlLine.class)).put(line, asserted);
        }

        @Override
        boolean clearToSend(MockSerialPort port) {
            return true;
        }

        @Override
        void checkTransmit(MockSerialPort port) throws IOException {
            if (port.rs485Mode() != mode) {
                throw new IOException("serial port '" + port.name() + "' is in RS485 mode " + port.rs485Mode()
                        + " but bus '" + name() + "' is " + mode + ": it cannot transmit");
            }
        }
    }
}
