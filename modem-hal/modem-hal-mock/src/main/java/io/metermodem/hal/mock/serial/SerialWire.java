package io.metermodem.hal.mock.serial;

import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.serial.Rs485Mode;
import io.metermodem.hal.time.Scheduler;
import java.util.EnumSet;
import java.util.Set;

/**
 * A point-to-point RS232 cable between a DCE (the modem) and a DTE (a meter or a PC), in virtual
 * time (HAL-1, HAL-2). Each direction carries the sender's waveform bit by bit; the control lines
 * DCD, DSR, CTS, RI (driven by the DCE) and DTR, RTS (driven by the DTE) are seen by both ends.
 *
 * <pre>{@code
 * VirtualScheduler scheduler = new VirtualScheduler();
 * SerialWire wire = new SerialWire(scheduler, "meter-line");
 * MockSerialPort modem = wire.dce("modem");
 * MockSerialPort meter = wire.dte("meter");
 * modem.open(LineSettings.IEC_SIGN_ON);
 * meter.open(LineSettings.IEC_SIGN_ON);
 * modem.write("/?!\r\n".getBytes(StandardCharsets.US_ASCII));
 * scheduler.advance(Duration.ofMillis(200));   // 5 characters at 300 baud take 166.7 ms
 * byte[] got = meter.readAvailable();
 * }</pre>
 *
 * <p>Faults for tests: {@link #flipBit(MockSerialPort, int)} corrupts the next character one end
 * sends, {@link #cut()} disconnects the cable until {@link #reconnect()}.
 */
public final class SerialWire {

    private final WireConnection connection;
    private final Line toDte;
    private final Line toDce;
    private MockSerialPort dce;
    private MockSerialPort dte;

    /**
     * @param scheduler the board's clock and task runner, normally a {@code VirtualScheduler}
     * @param name      the wire's name, used in messages
     * @throws IllegalArgumentException if either is missing
     */
    public SerialWire(Scheduler scheduler, String name) {
        this.connection = new WireConnection(scheduler, name);
        this.toDte = new Line(scheduler, connection.lock, false);
        this.toDce = new Line(scheduler, connection.lock, false);
    }

    /** @return the wire's name */
    public String name() {
        return connection.name;
    }

    /**
     * Creates the DCE end (the modem side), closed.
     *
     * @param portName the port's name
     * @return the port
     * @throws IllegalStateException if the DCE end exists already
     */
    public MockSerialPort dce(String portName) {
        synchronized (connection.lock) {
            if (dce != null) {
                throw new IllegalStateException("wire '" + name() + "' already has its DCE end '" + dce.name() + "'");
            }
            dce = plug(portName, PortRole.DCE, toDte, toDce);
            return dce;
        }
    }

    /**
     * Creates the DTE end (the meter or PC side), closed.
     *
     * @param portName the port's name
     * @return the port
     * @throws IllegalStateException if the DTE end exists already
     */
    public MockSerialPort dte(String portName) {
        synchronized (connection.lock) {
            if (dte != null) {
                throw new IllegalStateException("wire '" + name() + "' already has its DTE end '" + dte.name() + "'");
            }
            dte = plug(portName, PortRole.DTE, toDce, toDte);
            return dte;
        }
    }

    private MockSerialPort plug(String portName, PortRole role, Line out, Line in) {
        MockSerialPort port = new MockSerialPort(portName, role, connection, Rs485Mode.OFF);
        Transmitter tx = new Transmitter(port, out);
        Receiver rx = new Receiver(port, in, null);
        out.transmitters.add(tx);
        in.receivers.add(rx);
        port.attach(tx, rx);
        return port;
    }

    /**
     * Flips one bit of the next character {@code sender} puts on the wire (the first one not yet
     * started, or the next one written): a fault for testing error handling.
     *
     * @param sender   one end of this wire
     * @param frameBit the bit within the frame: 0 start bit, 1.. data bits LSB first, then parity and stop bits
     * @throws IllegalArgumentException if the port is not on this wire or the bit is outside 0..11
     */
    public void flipBit(MockSerialPort sender, int frameBit) {
        if (frameBit < 0 || frameBit > 11) {
            throw new IllegalArgumentException("frame bit " + frameBit + " outside 0..11");
        }
        synchronized (connection.lock) {
            if (sender == null || (sender != dce && sender != dte)) {
                throw new IllegalArgumentException("port " + sender + " is not on wire '" + name() + "'");
            }
            sender.transmitter().flipNextCharacter(frameBit, connection.scheduler.nanoTime());
            sender.transmitter().line.planChanged();
        }
    }

    /** Cuts the cable: from now on nothing passes in either direction (both receivers see an idle line). */
    public void cut() {
        synchronized (connection.lock) {
            long now = connection.scheduler.nanoTime();
            for (Line line : new Line[] {toDte, toDce}) {
                line.settleLazyReceivers(now);
                line.cut(now);
                line.planChanged();
            }
        }
    }

    /** Mends a {@link #cut()} cable; a character in flight at this moment arrives garbled, as on hardware. */
    public void reconnect() {
        synchronized (connection.lock) {
            long now = connection.scheduler.nanoTime();
            for (Line line : new Line[] {toDte, toDce}) {
                line.settleLazyReceivers(now);
                line.reconnect(now);
                line.planChanged();
            }
        }
    }

    /** @return whether the cable is cut */
    public boolean isCut() {
        synchronized (connection.lock) {
            return toDte.isCut();
        }
    }

    @Override
    public String toString() {
        return "SerialWire[" + name() + "]";
    }

    /** Control lines of the cable and the handshake rule of RS232. */
    private final class WireConnection extends Connection {
        private final Set<ControlLine> asserted = EnumSet.noneOf(ControlLine.class);

        WireConnection(Scheduler scheduler, String name) {
            super(scheduler, name);
        }

        @Override
        boolean controlLevel(MockSerialPort port, ControlLine line) {
            return asserted.contains(line);
        }

        @Override
        void driveControlLine(MockSerialPort port, ControlLine line, boolean level) {
            boolean changed = level ? asserted.add(line) : asserted.remove(line);
            if (!changed) {
                return;
            }
            MockSerialPort peer = port == dce ? dte : dce;
            if (peer != null) {
                scheduler.execute(() -> peer.controlLineChanged(line, level));
                if (peer.isOpen()) {
                    peer.handshakeChanged();
                }
            }
        }

        @Override
        boolean clearToSend(MockSerialPort port) {
            // the DTE may send while the DCE asserts CTS; the DCE while the DTE asserts RTS
            return asserted.contains(port.role() == PortRole.DTE ? ControlLine.CTS : ControlLine.RTS);
        }

        @Override
        void checkTransmit(MockSerialPort port) {
            // RS232 cable: any RS485 setting of the port is accepted (a point-to-point RS485 link behaves alike)
        }
    }
}
