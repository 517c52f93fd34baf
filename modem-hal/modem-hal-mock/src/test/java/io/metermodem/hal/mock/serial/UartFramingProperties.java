package io.metermodem.hal.mock.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HAL-1: the serial wire behaves like UART hardware. Every byte value in every one of the seven
 * formats is sent and received at the same settings, at every other format and at other speeds, and
 * what arrives (characters, parity, framing and break errors, and their virtual times) is exactly
 * what the independent {@link ReferenceUart} predicts from the bit timing; back-to-back characters
 * take exactly {@code frameBits / baud} each.
 */
class UartFramingProperties {

    /** The standard speeds of the meter port. */
    private static final int[] BAUDS = {300, 600, 1200, 2400, 4800, 9600, 19_200, 38_400, 57_600, 115_200};

    /**
     * Sender and receiver speeds that differ: half, double, eight times slower and faster, and the
     * extremes of the meter port's range. All are standard speeds, whose bit times are whole thirds
     * or ninths of a nanosecond, so no arrival time lies half way between two nanoseconds.
     */
    private static final int[][] MISMATCHED_BAUDS = {
            {9600, 4800}, {9600, 19_200}, {9600, 1200}, {1200, 9600}, {115_200, 300}, {300, 115_200},
    };

    private static final class Link {
        final VirtualScheduler scheduler = new VirtualScheduler();
        final SerialWire wire = new SerialWire(scheduler, "line");
        final MockSerialPort modem = wire.dce("modem");
        final MockSerialPort meter = wire.dte("meter");
        final Recorder recorder = new Recorder(scheduler);

        Link(LineSettings sent, LineSettings read) throws IOException {
            modem.open(sent);
            meter.open(read);
            meter.setListener(recorder);
        }

        /** Sends {@code data} at time zero and lets a second of virtual time pass. */
        List<String> transfer(byte[] data) throws IOException {
            modem.write(data);
            scheduler.advance(Duration.ofSeconds(1));
            return recorder.log;
        }
    }

    /** Every byte value in every format: 256 x 7 cases. */
    static Stream<Arguments> everyByteInEveryFormat() {
        return Stream.of(FrameFormat.values())
                .flatMap(format -> IntStream.range(0, 256).mapToObj(value -> Arguments.of(value, format)));
    }

    @ParameterizedTest(name = "0x{0} sent at {1}")
    @MethodSource("everyByteInEveryFormat")
    @DisplayName("HAL-1: any byte round-trips unchanged (masked to the data bits) when both ends agree, at every standard speed")
    void sameSettingsDeliverTheByte(int value, FrameFormat format) throws IOException {
        int mask = (1 << format.dataBits()) - 1;
        for (int baud : BAUDS) {
            LineSettings settings = new LineSettings(baud, format);
            Link link = new Link(settings, settings);
            link.modem.write(new byte[] {(byte) value});
            link.scheduler.advance(Duration.ofNanos(settings.frameNanos()));
            // exactly one character, the data bits of the byte, when the frame ends; no error
            long frameEnd = Math.round(format.frameBits() * 1e9 / baud);
            List<String> expected = List.of(ReferenceUart.data(frameEnd, value & mask));
            assertEquals(expected, link.recorder.log, settings::toString);
            assertEquals(expected, ReferenceUart.receive(new byte[] {(byte) value}, settings, settings),
                    "the reference model agrees");
        }
    }

    @ParameterizedTest(name = "0x{0} sent at {1}")
    @MethodSource("everyByteInEveryFormat")
    @DisplayName("HAL-1: a format mismatch at equal speed yields exactly the bytes and errors of the bit timing")
    void formatMismatchMatchesReferenceUart(int value, FrameFormat sent) throws IOException {
        byte[] data = {(byte) value};
        for (FrameFormat read : FrameFormat.values()) {
            if (read == sent) {
                continue;
            }
            for (int baud : BAUDS) {
                LineSettings tx = new LineSettings(baud, sent);
                LineSettings rx = new LineSettings(baud, read);
                assertEquals(ReferenceUart.receive(data, tx, rx), new Link(tx, rx).transfer(data),
                        () -> "sent at " + tx + ", read at " + rx);
            }
        }
    }

    @ParameterizedTest(name = "0x{0} sent at {1}")
    @MethodSource("everyByteInEveryFormat")
    @DisplayName("HAL-1: a speed mismatch yields exactly the bytes, errors and breaks of the bit timing, in every receiving format")
    void speedMismatchMatchesReferenceUart(int value, FrameFormat sent) throws IOException {
        byte[] data = {(byte) value};
        for (FrameFormat read : FrameFormat.values()) {
            for (int[] bauds : MISMATCHED_BAUDS) {
                LineSettings tx = new LineSettings(bauds[0], sent);
                LineSettings rx = new LineSettings(bauds[1], read);
                assertEquals(ReferenceUart.receive(data, tx, rx), new Link(tx, rx).transfer(data),
                        () -> "sent at " + tx + ", read at " + rx);
            }
        }
    }

    @Property(tries = 300)
    @DisplayName("HAL-1: any bytes sent at any standard settings and read at any others arrive as the bit timing says")
    void burstsMatchReferenceUart(Gen gen) throws IOException {
        byte[] data = gen.bytes(1, 24);
        LineSettings tx = new LineSettings(gen.oneOf(List.of(9600, 300, 2400, 115_200)), gen.oneOf(FrameFormat.values()));
        // mostly the same speed, where the framing differences matter; sometimes another one
        int rxBaud = gen.chance(0.7) ? tx.baud() : BAUDS[gen.uniformInt(0, BAUDS.length - 1)];
        LineSettings rx = new LineSettings(rxBaud, gen.oneOf(FrameFormat.values()));
        Link link = new Link(tx, rx);
        link.modem.write(data);
        link.scheduler.advance(Duration.ofSeconds(2)); // 24 characters of 11 bits at 300 baud take 0.88 s
        assertEquals(ReferenceUart.receive(data, tx, rx), link.recorder.log, () -> "sent at " + tx + ", read at " + rx);
    }

    @Property(tries = 100)
    @DisplayName("HAL-1: N back-to-back characters take N * frameBits / baud of virtual time")
    void timingOfBackToBackCharacters(Gen gen) throws IOException {
        byte[] data = gen.bytes(1, 300);
        FrameFormat format = gen.oneOf(FrameFormat.values());
        int baud = BAUDS[gen.uniformInt(0, BAUDS.length - 1)];
        LineSettings settings = new LineSettings(baud, format);
        Link link = new Link(settings, settings);
        link.scheduler.advance(Duration.ofNanos(12_345));
        long t0 = link.scheduler.nanoTime();
        link.modem.write(data);
        link.scheduler.runUntilIdle(Duration.ofHours(1));
        assertEquals(data.length, link.recorder.times.size());
        int mask = (1 << format.dataBits()) - 1;
        byte[] masked = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            masked[i] = (byte) (data[i] & mask);
            double exact = t0 + (i + 1) * (double) format.frameBits() * 1e9 / baud;
            assertTrue(Math.abs(link.recorder.times.get(i) - exact) <= 1.0,
                    "character " + i + " arrived at " + link.recorder.times.get(i) + ", expected " + exact);
        }
        assertArrayEquals(masked, link.recorder.data());
        assertEquals(List.of(), link.recorder.errors);
    }

    @Test
    @DisplayName("HAL-1: the reference model reproduces the known 7E1-read-as-8N1 and 8N1-read-as-7E1 results")
    void referenceModelKnownCases() {
        LineSettings e71 = new LineSettings(9600, FrameFormat.F7E1);
        LineSettings n81 = LineSettings.STANDARD_9600_8N1;
        long frame = Math.round(10 * 1e9 / 9600);
        // '/' 0x2F has five one bits: the even parity bit (1) is read as bit 7 at 8N1
        assertEquals(List.of(ReferenceUart.data(frame, 0xAF)), ReferenceUart.receive(new byte[] {0x2F}, e71, n81));
        // 0x2F at 8N1 read at 7E1: bit 7 (0) is taken as the parity bit of five ones, wrong for even
        // parity; 0xAF carries a 1 there, the right one
        assertEquals(List.of(ReferenceUart.data(frame, 0x2F), ReferenceUart.error(frame, LineErrorKind.PARITY, 0x2F)),
                ReferenceUart.receive(new byte[] {0x2F}, n81, e71));
        assertEquals(List.of(ReferenceUart.data(frame, 0x2F)), ReferenceUart.receive(new byte[] {(byte) 0xAF}, n81, e71));
        // a zero byte at 8N1 read at 7N2: the stop bit sample falls on data bit 7 (a space), and the
        // 8N1 stop bit rises before the 7N2 frame ends, so it is a framing error, not a break
        assertEquals(List.of(ReferenceUart.data(frame, 0x00), ReferenceUart.error(frame, LineErrorKind.FRAMING, 0x00)),
                ReferenceUart.receive(new byte[] {0}, n81, new LineSettings(9600, FrameFormat.F7N2)));
    }
}
