package io.metermodem.hal.mock.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineErrorKind;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.Parity;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** HAL-1: the serial wire behaves like UART hardware for every format and standard speed. */
class UartFramingProperties {

    @Provide
    Arbitrary<Integer> bauds() {
        return Arbitraries.of(300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200);
    }

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
    }

    @Property(tries = 400)
    @Label("HAL-1: any byte round-trips unchanged (masked to the data bits) when both ends agree")
    void matchingSettingsRoundTrip(@ForAll @IntRange(min = 0, max = 255) int value,
                                   @ForAll FrameFormat format, @ForAll("bauds") int baud) throws IOException {
        LineSettings settings = new LineSettings(baud, format);
        Link link = new Link(settings, settings);
        link.modem.write(new byte[] {(byte) value});
        link.scheduler.advance(Duration.ofNanos(settings.frameNanos()));
        int mask = (1 << format.dataBits()) - 1;
        assertArrayEquals(new byte[] {(byte) (value & mask)}, link.recorder.data());
        assertEquals(List.of(), link.recorder.errors);
    }

    @Property(tries = 300)
    @Label("HAL-1: a format mismatch at equal baud yields the bytes and errors real hardware does")
    void formatMismatchMatchesReferenceUart(@ForAll @IntRange(min = 0, max = 255) int value,
                                            @ForAll FrameFormat sent, @ForAll FrameFormat read,
                                            @ForAll("bauds") int baud) throws IOException {
        Link link = new Link(new LineSettings(baud, sent), new LineSettings(baud, read));
        link.modem.write(new byte[] {(byte) value});
        link.scheduler.advance(Duration.ofSeconds(1));
        Expected expected = referenceUart(value, sent, read);
        assertArrayEquals(expected.bytes, link.recorder.data());
        List<LineErrorKind> kinds = new ArrayList<>();
        link.recorder.errors.forEach(e -> kinds.add(e.kind()));
        assertEquals(expected.errors, kinds);
    }

    @Property(tries = 100)
    @Label("HAL-1: N back-to-back characters take N * frameBits / baud of virtual time")
    void timingOfBackToBackCharacters(@ForAll @Size(min = 1, max = 300) byte[] data,
                                      @ForAll FrameFormat format, @ForAll("bauds") int baud) throws IOException {
        LineSettings settings = new LineSettings(baud, format);
        Link link = new Link(settings, settings);
        link.scheduler.advance(Duration.ofNanos(12_345));
        long t0 = link.scheduler.nanoTime();
        link.modem.write(data);
        link.scheduler.runUntilIdle(Duration.ofHours(1));
        assertEquals(data.length, link.recorder.times.size());
        for (int i = 0; i < data.length; i++) {
            double exact = t0 + (i + 1) * (double) format.frameBits() * 1e9 / baud;
            assertTrue(Math.abs(link.recorder.times.get(i) - exact) <= 1.0,
                    "character " + i + " arrived at " + link.recorder.times.get(i) + ", expected " + exact);
        }
    }

    private record Expected(byte[] bytes, List<LineErrorKind> errors) {
    }

    /**
     * Independent oracle: lay out the sender's frame as a bit vector followed by idle mark, and read it
     * like a receiver at the same baud with its own layout: receiver bit {@code k} after an edge at line
     * bit {@code e} is line bit {@code e + k}. After each frame the receiver hunts again for a 1-to-0
     * step after its stop bit sample, so a short receiver frame may find a second "start bit" inside
     * the sender's longer frame, as hardware does.
     */
    private static Expected referenceUart(int value, FrameFormat sent, FrameFormat read) {
        List<Integer> line = new ArrayList<>();
        line.add(0);
        for (int k = 0; k < sent.dataBits(); k++) {
            line.add((value >> k) & 1);
        }
        if (sent.parity() != Parity.NONE) {
            int ones = Integer.bitCount(value & ((1 << sent.dataBits()) - 1));
            line.add(sent.parity() == Parity.EVEN ? ones & 1 : (ones & 1) ^ 1);
        }
        for (int s = 0; s < sent.stopBits().count(); s++) {
            line.add(1);
        }
        while (line.size() < 40) {
            line.add(1); // idle line after an isolated character
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        List<LineErrorKind> errors = new ArrayList<>();
        int edge = 0;
        while (edge >= 0) {
            boolean lowForWholeFrame = true;
            for (int k = 0; k < read.frameBits(); k++) {
                lowForWholeFrame &= line.get(edge + k) == 0;
            }
            int data = 0;
            for (int k = 0; k < read.dataBits(); k++) {
                data |= line.get(edge + 1 + k) << k;
            }
            int pos = edge + 1 + read.dataBits();
            int resume;
            if (lowForWholeFrame) {
                errors.add(LineErrorKind.BREAK); // a break delivers no character
                resume = edge + read.frameBits();
                while (line.get(resume) == 0) {
                    resume++;
                }
            } else {
                bytes.write(data);
                if (read.parity() != Parity.NONE) {
                    int ones = Integer.bitCount(data) + line.get(pos);
                    boolean ok = read.parity() == Parity.EVEN ? ones % 2 == 0 : ones % 2 == 1;
                    if (!ok) {
                        errors.add(LineErrorKind.PARITY);
                    }
                    pos++;
                }
                if (line.get(pos) == 0) {
                    errors.add(LineErrorKind.FRAMING);
                }
                resume = pos + 1; // hunting starts at the stop bit's middle: the next boundary is pos + 1
            }
            edge = -1;
            for (int i = resume; i < 30; i++) {
                if (line.get(i - 1) == 1 && line.get(i) == 0) {
                    edge = i;
                    break;
                }
            }
        }
        return new Expected(bytes.toByteArray(), errors);
    }
}
