package io.metermodem.hal.mock.serial;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.LineError;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.SerialListener;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A listener that records what a port received and when, for assertions. */
final class Recorder implements SerialListener {
    final VirtualScheduler scheduler;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Long> times = new ArrayList<>();
    final List<LineError> errors = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final List<String> controlChanges = new ArrayList<>();
    /** Every character and error with its virtual time, in the form {@link ReferenceUart} predicts. */
    final List<String> log = new ArrayList<>();
    int calls;

    Recorder(VirtualScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void onData(byte[] data, int offset, int length) {
        calls++;
        bytes.write(data, offset, length);
        for (int i = 0; i < length; i++) {
            times.add(scheduler.nanoTime());
            events.add(String.format("data %02X", data[offset + i] & 0xFF));
            log.add(ReferenceUart.data(scheduler.nanoTime(), data[offset + i] & 0xFF));
        }
    }

    @Override
    public void onLineError(LineError error) {
        errors.add(error);
        events.add("error " + error.kind());
        log.add(ReferenceUart.error(error.nanoTime(), error.kind(), error.character()));
    }

    @Override
    public void onControlLineChanged(ControlLine line, boolean asserted) {
        controlChanges.add(line + "=" + asserted);
    }

    byte[] data() {
        return bytes.toByteArray();
    }

    long count(LineErrorKind kind) {
        return errors.stream().filter(e -> e.kind() == kind).count();
    }
}
