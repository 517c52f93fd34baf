package io.metermodem.transparent.bridge;

import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.serial.LineError;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A scripted meter on the meter end of a mock board: records what it decodes (with its own line
 * settings, bit by bit) and answers each received chunk through a reply function.
 */
final class TestMeter implements SerialListener {

    private final MockSerialPort port;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final List<LineError> errors = new ArrayList<>();
    private Function<byte[], byte[]> reply = bytes -> new byte[0];

    TestMeter(MockSerialPort port, LineSettings settings) {
        this.port = port;
        try {
            port.open(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port.setListener(this);
    }

    /** Echoes every byte it receives. */
    TestMeter echo() {
        reply = bytes -> bytes;
        return this;
    }

    TestMeter replying(Function<byte[], byte[]> answer) {
        reply = answer;
        return this;
    }

    void send(byte[] data) {
        try {
            port.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void switchTo(LineSettings settings) {
        try {
            port.reconfigure(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] received() {
        return received.toByteArray();
    }

    MockSerialPort port() {
        return port;
    }

    @Override
    public void onData(byte[] data, int offset, int length) {
        byte[] chunk = java.util.Arrays.copyOfRange(data, offset, offset + length);
        received.writeBytes(chunk);
        byte[] answer = reply.apply(chunk);
        if (answer != null && answer.length > 0) {
            send(answer);
        }
    }

    @Override
    public void onLineError(LineError error) {
        errors.add(error);
    }
}
