package io.metermodem.firmware;

import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.FlowControl;
import io.metermodem.hal.serial.LineError;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.serial.Rs485Mode;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.transparent.bridge.BridgeListener;
import io.metermodem.transparent.bridge.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Shares the meter serial port between the transparent bridge and the local AT interface, as on the
 * device: the AT interface hears the line and may answer only while no transparent session runs.
 * The bridge gets {@link #bridgePort()} (the port itself, its listener kept here), the AT console
 * {@link #atPort()} (a view that delivers received bytes and accepts writes only while idle), and
 * {@link #sessions(BridgeListener)} wraps the bridge's listener to follow the sessions.
 */
public final class MeterPortSharing {

    private final SerialPort port;
    private volatile SerialListener bridgeListener;
    private volatile SerialListener atListener;
    private int activeSessions;

    /**
     * Takes over the listener of a meter port.
     *
     * @param port the meter port
     */
    public MeterPortSharing(SerialPort port) {
        this.port = Objects.requireNonNull(port, "port");
        port.setListener(new SerialListener() {
            @Override
            public void onData(byte[] data, int offset, int length) {
                SerialListener bridge = bridgeListener;
                if (bridge != null) {
                    bridge.onData(data, offset, length);
                }
                SerialListener at = atListener;
                if (at != null && idle()) {
                    at.onData(data, offset, length);
                }
            }

            @Override
            public void onLineError(LineError error) {
                SerialListener bridge = bridgeListener;
                if (bridge != null) {
                    bridge.onLineError(error);
                }
            }

            @Override
            public void onControlLineChanged(ControlLine line, boolean asserted) {
                SerialListener bridge = bridgeListener;
                if (bridge != null) {
                    bridge.onControlLineChanged(line, asserted);
                }
                SerialListener at = atListener;
                if (at != null && idle()) {
                    at.onControlLineChanged(line, asserted);
                }
            }
        });
    }

    /** @return whether no transparent session runs */
    public synchronized boolean idle() {
        return activeSessions == 0;
    }

    /** @return the port for the bridge */
    public SerialPort bridgePort() {
        return new View(false);
    }

    /** @return the port for the local AT interface */
    public SerialPort atPort() {
        return new View(true);
    }

    /**
     * Wraps the bridge's listener so that this sharing follows its sessions.
     *
     * @param next the listener to pass everything on to
     * @return the wrapping listener
     */
    public BridgeListener sessions(BridgeListener next) {
        Objects.requireNonNull(next, "next");
        return new BridgeListener() {
            @Override
            public void sessionStarted(Channel channel, String link) {
                synchronized (MeterPortSharing.this) {
                    activeSessions++;
                }
                next.sessionStarted(channel, link);
            }

            @Override
            public void sessionEnded(Channel channel, String link, String reason) {
                synchronized (MeterPortSharing.this) {
                    activeSessions = Math.max(0, activeSessions - 1);
                }
                next.sessionEnded(channel, link, reason);
            }

            @Override
            public void sessionPreempted(Channel channel, String link, Channel by) {
                next.sessionPreempted(channel, link, by);
            }

            @Override
            public void sessionResumed(Channel channel, String link) {
                next.sessionResumed(channel, link);
            }

            @Override
            public void meterAnswering() {
                next.meterAnswering();
            }

            @Override
            public void meterSilent() {
                next.meterSilent();
            }

            @Override
            public void meterPortError(IOException error) {
                next.meterPortError(error);
            }

            @Override
            public void connectionRefused(String link, String reason) {
                next.connectionRefused(link, reason);
            }

            @Override
            public void lineSettingsChanged(LineSettings settings, String reason) {
                next.lineSettingsChanged(settings, reason);
            }
        };
    }

    /** One user's view of the port: its own listener; the AT view writes only while idle. */
    private final class View implements SerialPort {
        private final boolean at;

        View(boolean at) {
            this.at = at;
        }

        @Override
        public String name() {
            return port.name();
        }

        @Override
        public PortRole role() {
            return port.role();
        }

        @Override
        public void open(LineSettings settings) throws IOException {
            if (!port.isOpen()) {
                port.open(settings);
            }
        }

        @Override
        public boolean isOpen() {
            return port.isOpen();
        }

        @Override
        public LineSettings settings() {
            return port.settings();
        }

        @Override
        public void reconfigure(LineSettings settings) throws IOException {
            if (!at) {
                port.reconfigure(settings);
            }
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            if (!at || idle()) {
                port.write(data, offset, length);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
            throw new UnsupportedOperationException("the shared meter port delivers to listeners only");
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public void setListener(SerialListener listener) {
            if (at) {
                atListener = listener;
            } else {
                bridgeListener = listener;
            }
        }

        @Override
        public void setControlLine(ControlLine line, boolean asserted) throws IOException {
            if (!at || idle()) {
                port.setControlLine(line, asserted);
            }
        }

        @Override
        public boolean controlLine(ControlLine line) {
            return port.controlLine(line);
        }

        @Override
        public void setFlowControl(FlowControl flowControl) throws IOException {
            if (!at) {
                port.setFlowControl(flowControl);
            }
        }

        @Override
        public FlowControl flowControl() {
            return port.flowControl();
        }

        @Override
        public void setRs485Mode(Rs485Mode mode) throws IOException {
            if (!at) {
                port.setRs485Mode(mode);
            }
        }

        @Override
        public Rs485Mode rs485Mode() {
            return port.rs485Mode();
        }

        @Override
        public void sendBreak(Duration duration) throws IOException {
            if (!at) {
                port.sendBreak(duration);
            }
        }

        @Override
        public void close() {
            if (!at) {
                port.close();
            }
        }
    }
}
