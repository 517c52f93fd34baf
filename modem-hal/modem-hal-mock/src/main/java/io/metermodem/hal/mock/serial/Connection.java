package io.metermodem.hal.mock.serial;

import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.time.Scheduler;
import java.io.IOException;

/**
 * What a {@link MockSerialPort} is plugged into: a {@link SerialWire} or an {@link Rs485Bus}. It owns
 * the lock all its ports share, the control lines and the rules for transmitting.
 */
abstract class Connection {

    final Scheduler scheduler;
    final Object lock = new Object();
    final String name;

    Connection(Scheduler scheduler, String name) {
        if (scheduler == null) {
            throw new IllegalArgumentException("scheduler is required");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a connection needs a name");
        }
        this.scheduler = scheduler;
        this.name = name;
    }

    /** @return the level of {@code line} as {@code port} sees it */
    abstract boolean controlLevel(MockSerialPort port, ControlLine line);

    /** Sets a line {@code port} drives; the caller checked the role. */
    abstract void driveControlLine(MockSerialPort port, ControlLine line, boolean asserted);

    /** @return whether the hardware handshake input of {@code port} allows it to start a character */
    abstract boolean clearToSend(MockSerialPort port);

    /** @throws IOException if {@code port} cannot transmit on this connection in its current mode */
    abstract void checkTransmit(MockSerialPort port) throws IOException;
}
