package io.metermodem.testkit.meter;

import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.FlowControl;
import io.metermodem.hal.serial.LineError;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.serial.Rs485Mode;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.serial.SerialPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * TEST DOUBLE: the meter end of a line without the bit-level wire, for fuzzing at thousands of
 * inputs a second. What the test {@linkplain #deliver delivers} goes straight to the meter's
 * listener as received characters, as the UART would hand them over; what the meter writes is
 * collected; every line setting the meter switches to is recorded. There is no timing and no
 * receive buffer: the simulated meters always set a listener and never read.
 */
final class DirectPort implements SerialPort {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<LineSettings> settingsHistory = new ArrayList<>();
    private SerialListener listener;
    private LineSettings settings;
    private boolean open;
    private FlowControl flowControl = FlowControl.NONE;
    private Rs485Mode rs485Mode = Rs485Mode.OFF;

    /** Hands characters to the meter as received without error. */
    void deliver(byte[] data, int offset, int length) {
        if (listener != null && length > 0) {
            listener.onData(data, offset, length);
        }
    }

    /** Hands one character to the meter followed by the report of a line error on it. */
    void deliverDamaged(int character, LineErrorKind kind) {
        if (listener != null) {
            listener.onData(new byte[] {(byte) character}, 0, 1);
            listener.onLineError(new LineError(kind, 0, character & 0xFF));
        }
    }

    /** @return what the meter wrote since the last call */
    byte[] takeWritten() {
        byte[] out = written.toByteArray();
        written.reset();
        return out;
    }

    /** @return every setting the meter opened or reconfigured the line with, in order */
    List<LineSettings> settingsHistory() {
        return List.copyOf(settingsHistory);
    }

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public PortRole role() {
        return PortRole.DCE;
    }

    @Override
    public void open(LineSettings lineSettings) {
        if (open) {
            throw new IllegalStateException("already open");
        }
        open = true;
        settings = lineSettings;
        settingsHistory.add(lineSettings);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public LineSettings settings() {
        if (settings == null) {
            throw new IllegalStateException("never opened");
        }
        return settings;
    }

    @Override
    public void reconfigure(LineSettings lineSettings) {
        if (!open) {
            throw new IllegalStateException("closed");
        }
        rs485Mode.checkSpeed(lineSettings);
        settings = lineSettings;
        settingsHistory.add(lineSettings);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (!open) {
            throw new IOException("port closed");
        }
        written.write(data, offset, length);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) {
        throw new UnsupportedOperationException("the simulated meters never read: they set a listener");
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public void setListener(SerialListener serialListener) {
        this.listener = serialListener;
    }

    @Override
    public void setControlLine(ControlLine line, boolean asserted) {
        if (line.drivenBy() != role()) {
            throw new IllegalArgumentException(line + " is driven by the other end");
        }
    }

    @Override
    public boolean controlLine(ControlLine line) {
        return false;
    }

    @Override
    public void setFlowControl(FlowControl mode) {
        this.flowControl = mode;
    }

    @Override
    public FlowControl flowControl() {
        return flowControl;
    }

    @Override
    public void setRs485Mode(Rs485Mode mode) {
        mode.checkSpeed(settings());
        this.rs485Mode = mode;
    }

    @Override
    public Rs485Mode rs485Mode() {
        return rs485Mode;
    }

    @Override
    public void sendBreak(Duration duration) throws IOException {
        if (!open) {
            throw new IOException("port closed");
        }
    }

    @Override
    public void close() {
        open = false;
    }
}
