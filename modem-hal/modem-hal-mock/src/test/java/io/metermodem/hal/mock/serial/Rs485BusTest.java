package io.metermodem.hal.mock.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.Rs485Mode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Rs485BusTest {

    private static final LineSettings S = LineSettings.STANDARD_9600_8N1;
    private final VirtualScheduler scheduler = new VirtualScheduler();

    @Test
    @DisplayName("HAL-3: a bus carries 31 meters and refuses the 32nd")
    void thirtyOneMeters() {
        Rs485Bus bus = new Rs485Bus(scheduler, "bus", Rs485Mode.TWO_WIRE);
        for (int i = 1; i <= 31; i++) {
            bus.meter("meter-" + i);
        }
        assertEquals(31, bus.meters().size());
        assertThrows(IllegalStateException.class, () -> bus.meter("meter-32"));
    }

    @Test
    @DisplayName("HAL-3: RS485 refuses more than 9600 baud on open, reconfigure and mode change")
    void speedLimit() throws IOException {
        Rs485Bus bus = new Rs485Bus(scheduler, "bus", Rs485Mode.TWO_WIRE);
        MockSerialPort modem = bus.master("modem");
        assertThrows(IllegalArgumentException.class, () -> modem.open(S.withBaud(19200)));
        modem.open(S);
        assertThrows(IllegalArgumentException.class, () -> modem.reconfigure(S.withBaud(19200)));
        SerialWire wire = new SerialWire(scheduler, "w");
        MockSerialPort rs232 = wire.dce("m");
        rs232.open(S.withBaud(115200));
        assertThrows(IllegalArgumentException.class, () -> rs232.setRs485Mode(Rs485Mode.TWO_WIRE));
    }

    @Test
    @DisplayName("HAL-3: two-wire: every drop hears the master, nobody hears itself, the driver is on only while sending")
    void twoWireDirectionControl() throws IOException {
        Rs485Bus bus = new Rs485Bus(scheduler, "bus", Rs485Mode.TWO_WIRE);
        MockSerialPort modem = bus.master("modem");
        MockSerialPort m1 = bus.meter("m1");
        MockSerialPort m2 = bus.meter("m2");
        for (MockSerialPort p : List.of(modem, m1, m2)) {
            p.open(S);
        }
        modem.write(new byte[] {1, 2});
        assertTrue(modem.isDriverEnabled());
        scheduler.advance(Duration.ofMillis(5));
        assertFalse(modem.isDriverEnabled());
        m1.write(new byte[] {9});
        scheduler.advance(Duration.ofMillis(5));
        assertArrayEquals(new byte[] {1, 2, 9}, m2.readAvailable());
        assertArrayEquals(new byte[] {1, 2}, m1.readAvailable());
        assertArrayEquals(new byte[] {9}, modem.readAvailable(), "the master does not hear itself");
        assertEquals(List.of(new DriverEnableChange(0, true), new DriverEnableChange(Math.round(2 * S.frameBits() * 1e9 / S.baud()), false)),
                modem.driverEnableLog());
        assertEquals(0, bus.collisions());
    }

    @Test
    @DisplayName("HAL-3: two-wire: overlapping transmitters collide, are counted and garble what others receive")
    void twoWireCollision() throws IOException {
        Rs485Bus bus = new Rs485Bus(scheduler, "bus", Rs485Mode.TWO_WIRE);
        MockSerialPort modem = bus.master("modem");
        MockSerialPort m1 = bus.meter("m1");
        MockSerialPort m2 = bus.meter("m2");
        for (MockSerialPort p : List.of(modem, m1, m2)) {
            p.open(S);
        }
        Recorder atModem = new Recorder(scheduler);
        modem.setListener(atModem);
        m1.write(new byte[] {0x55, 0x55, 0x55});
        scheduler.advance(Duration.ofNanos(S.frameNanos() / 3));
        m2.write(new byte[] {0x0F, 0x0F, 0x0F});
        scheduler.advance(Duration.ofMillis(10));
        assertEquals(1, bus.collisions());
        assertNotEquals("555555", hex(atModem.data()));
        assertTrue(atModem.count(LineErrorKind.FRAMING) > 0, atModem.events.toString());
    }

    @Test
    @DisplayName("HAL-3: a port on a bus must be in the bus's RS485 mode to transmit")
    void modeMustMatch() throws IOException {
        Rs485Bus bus = new Rs485Bus(scheduler, "bus", Rs485Mode.TWO_WIRE);
        MockSerialPort modem = bus.master("modem");
        modem.open(S);
        modem.setRs485Mode(Rs485Mode.OFF);
        IOException e = assertThrows(IOException.class, () -> modem.write(new byte[] {1}));
        assertTrue(e.getMessage().contains("TWO_WIRE"));
    }

    @Test
    @DisplayName("HAL-3: four-wire is full duplex: master and a meter talk at once without collision")
    void fourWireFullDuplex() throws IOException {
        Rs485Bus bus = new Rs485Bus(scheduler, "bus", Rs485Mode.FOUR_WIRE);
        MockSerialPort modem = bus.master("modem");
        MockSerialPort m1 = bus.meter("m1");
        MockSerialPort m2 = bus.meter("m2");
        for (MockSerialPort p : List.of(modem, m1, m2)) {
            p.open(S);
        }
        modem.write(new byte[] {1, 2, 3});
        m1.write(new byte[] {7, 8, 9});
        scheduler.advance(Duration.ofNanos(3 * S.frameNanos()));
        assertArrayEquals(new byte[] {7, 8, 9}, modem.readAvailable());
        assertArrayEquals(new byte[] {1, 2, 3}, m1.readAvailable());
        assertArrayEquals(new byte[] {1, 2, 3}, m2.readAvailable(), "meters do not hear each other in four-wire");
        assertEquals(0, bus.collisions());
        m1.write(new byte[] {1});
        m2.write(new byte[] {2});
        scheduler.advance(Duration.ofMillis(5));
        assertEquals(1, bus.collisions(), "meters share the return pair");
    }

    private static String hex(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (byte b : data) {
            sb.append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }
}
