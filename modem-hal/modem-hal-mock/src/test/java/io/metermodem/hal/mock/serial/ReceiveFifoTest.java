package io.metermodem.hal.mock.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.serial.LineSettings;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReceiveFifoTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final SerialWire wire = new SerialWire(scheduler, "fifo-line");
    private final MockSerialPort sender = wire.dce("sender");
    private final MockSerialPort receiver = wire.dte("receiver");
    private final Recorder recorder = new Recorder(scheduler);

    /** Arrival time of character {@code i} of a burst started at zero, 9600 8N1. */
    private static long arrival(int i) {
        return Math.round((i + 1) * 10 * 1e9 / 9600);
    }

    @Test
    @DisplayName("HAL-1: with a receive FIFO trigger of 4 the listener gets characters in fours, the rest when the line falls idle")
    void triggerLevelGroupsCharacters() throws IOException {
        sender.open(LineSettings.STANDARD_9600_8N1);
        receiver.open(LineSettings.STANDARD_9600_8N1);
        receiver.setReceiveFifoTrigger(4);
        receiver.setListener(recorder);
        byte[] ten = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

        sender.write(ten);
        scheduler.advanceTo(arrival(3) - 1);
        assertEquals(0, recorder.calls, "three characters are not yet a trigger's worth");
        scheduler.advanceTo(arrival(3));
        assertEquals(1, recorder.calls);
        scheduler.advanceTo(arrival(9));

        assertArrayEquals(ten, recorder.data());
        assertEquals(3, recorder.calls, "4 + 4 + the last 2 at the end of the burst");
        assertEquals(List.of(arrival(3), arrival(3), arrival(3), arrival(3), arrival(7), arrival(7), arrival(7),
                arrival(7), arrival(9), arrival(9)), recorder.times);
    }

    @Test
    @DisplayName("HAL-1: the default FIFO trigger of 1 hands over every character when its stop bit ends")
    void defaultDeliversEachCharacter() throws IOException {
        sender.open(LineSettings.STANDARD_9600_8N1);
        receiver.open(LineSettings.STANDARD_9600_8N1);
        receiver.setListener(recorder);
        assertEquals(1, receiver.receiveFifoTrigger());

        sender.write(new byte[] {10, 20, 30});
        scheduler.advanceTo(arrival(2));

        assertEquals(3, recorder.calls);
        assertEquals(List.of(arrival(0), arrival(1), arrival(2)), recorder.times);
        assertThrows(IllegalArgumentException.class, () -> receiver.setReceiveFifoTrigger(0));
    }
}
