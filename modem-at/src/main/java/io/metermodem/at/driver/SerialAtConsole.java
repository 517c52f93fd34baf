package io.metermodem.at.driver;

import io.metermodem.at.AtInterface;
import io.metermodem.at.AtInterpreter;
import io.metermodem.at.TerminalLines;
import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.FlowControl;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.serial.FrameFormat;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local AT interface on a HAL serial port (AT-1): received bytes go to an {@link AtInterpreter}
 * built for {@link AtInterface#LOCAL}, its output is written to the port, {@code AT&C} drives DCD,
 * {@code AT&K} the port's flow control, and the terminal's DTR reaches {@code AT&D}. The port runs
 * 8N1; a 7E1 terminal is recognised by the interpreter from the bits of its {@code AT} and answered
 * in 7E1 frames (see {@link io.metermodem.at.LineFraming}).
 */
public final class SerialAtConsole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialAtConsole.class);

    private final SerialPort port;
    private final AtInterpreter interpreter;
    private volatile boolean closed;

    private SerialAtConsole(SerialPort port, AtInterpreter.Builder builder, Executor deliverOn) {
        this.port = port;
        this.interpreter = builder.interfaceType(AtInterface.LOCAL)
                .terminal(this::write)
                .lines(new PortLines(port))
                .build();
        port.setListener(new SerialListener() {
            @Override
            public void onData(byte[] data, int offset, int length) {
                if (deliverOn == null) {
                    interpreter.receive(data, offset, length);
                } else {
                    byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
                    deliverOn.execute(() -> interpreter.receive(copy, 0, copy.length));
                }
            }

            @Override
            public void onControlLineChanged(ControlLine line, boolean asserted) {
                if (line == ControlLine.DTR) {
                    if (deliverOn == null) {
                        interpreter.dtrChanged(asserted);
                    } else {
                        deliverOn.execute(() -> interpreter.dtrChanged(asserted));
                    }
                }
            }
        });
    }

    /**
     * Serves the local AT interface on a port, opening it at {@code baud} 8N1 unless it is open.
     *
     * @param port    the console or meter port
     * @param baud    the line speed when the port must be opened
     * @param builder an interpreter builder with scheduler, module and configuration set; its
     *                interface, terminal and lines are set here
     * @return the running console
     * @throws IOException when the port cannot be opened
     */
    public static SerialAtConsole start(SerialPort port, int baud, AtInterpreter.Builder builder) throws IOException {
        return start(port, baud, builder, null);
    }

    /**
     * Like {@link #start(SerialPort, int, AtInterpreter.Builder)}, handing each received chunk to an
     * executor first: a firmware passes its scheduler so that the interpreter, the cellular module and
     * the configuration are only touched from the modem's own thread.
     *
     * @param port      the console or meter port
     * @param baud      the line speed when the port must be opened
     * @param builder   an interpreter builder with scheduler, module and configuration set
     * @param deliverOn runs the deliveries, or {@code null} to deliver on the port's thread
     * @return the running console
     * @throws IOException when the port cannot be opened
     */
    public static SerialAtConsole start(SerialPort port, int baud, AtInterpreter.Builder builder, Executor deliverOn)
            throws IOException {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(builder, "builder");
        if (!port.isOpen()) {
            port.open(new LineSettings(baud, FrameFormat.F8N1));
        }
        return new SerialAtConsole(port, builder, deliverOn);
    }

    /** @return the interpreter behind the port */
    public AtInterpreter interpreter() {
        return interpreter;
    }

    private void write(byte[] data) {
        if (closed) {
            return;
        }
        try {
            port.write(data, 0, data.length);
        } catch (IOException e) {
            LOG.warn("AT console {}: write failed: {}", port.name(), e.getMessage());
        }
    }

    /** Stops serving: the port's listener is removed and the interpreter closed; the port stays open. */
    @Override
    public void close() {
        closed = true;
        port.setListener(null);
        interpreter.close();
    }

    /** DCD and flow control on the port; failures are logged, the interpreter carries on. */
    private record PortLines(SerialPort port) implements TerminalLines {
        @Override
        public void setDcd(boolean asserted) {
            try {
                port.setControlLine(ControlLine.DCD, asserted);
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: DCD not set: {}", port.name(), e.getMessage());
            }
        }

        @Override
        public void setFlowControl(FlowControl flowControl) {
            try {
                port.setFlowControl(flowControl);
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: flow control not set: {}", port.name(), e.getMessage());
            }
        }
    }
}
