package io.metermodem.hal.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HAL-1 line settings: the seven meter formats with their frame lengths, parsing and printing, the
 * meter port's speed range, parity bits and the time a character takes on the wire; HAL-3's RS485
 * speed limit.
 */
class LineSettingsTest {

    @Test
    @DisplayName("HAL-1: the seven meter formats of the manual exist with their frame lengths")
    void sevenFormats() {
        Set<String> labels = EnumSet.allOf(FrameFormat.class).stream().map(FrameFormat::label).collect(Collectors.toSet());
        assertEquals(Set.of("7E1", "8N1", "7O1", "7N2", "8E1", "8O1", "8N2"), labels);
        assertEquals(10, FrameFormat.F7E1.frameBits());
        assertEquals(10, FrameFormat.F8N1.frameBits());
        assertEquals(10, FrameFormat.F7N2.frameBits());
        assertEquals(11, FrameFormat.F8E1.frameBits());
        assertEquals(11, FrameFormat.F8N2.frameBits());
    }

    @ParameterizedTest
    @CsvSource({"7e1,F7E1", " 8N1 ,F8N1", "7o1,F7O1", "8n2,F8N2"})
    @DisplayName("HAL-1: format names parse case-insensitively")
    void parsesFormats(String text, FrameFormat expected) {
        assertEquals(expected, FrameFormat.parse(text));
    }

    @Test
    @DisplayName("HAL-1: an unknown format is refused with the list of accepted ones")
    void refusesUnknownFormat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameFormat.parse("9X1"));
        assertTrue(e.getMessage().contains("9X1") && e.getMessage().contains("7E1, 8N1"), e.getMessage());
    }

    @Test
    @DisplayName("HAL-1: the meter port accepts 300..115200 baud and nothing outside")
    void meterBaudRange() {
        assertEquals(300, LineSettings.meter(300, FrameFormat.F7E1).baud());
        assertEquals(115_200, LineSettings.meter(115_200, FrameFormat.F8N1).baud());
        assertThrows(IllegalArgumentException.class, () -> LineSettings.meter(299, FrameFormat.F7E1));
        assertThrows(IllegalArgumentException.class, () -> LineSettings.meter(230_400, FrameFormat.F8N1));
    }

    @Test
    @DisplayName("HAL-1: settings parse from '<baud> <format>' and print the same way")
    void parseAndPrint() {
        LineSettings settings = LineSettings.parse("9600,7E1");
        assertEquals(new LineSettings(9600, FrameFormat.F7E1), settings);
        assertEquals("9600 7E1", settings.toString());
        assertThrows(IllegalArgumentException.class, () -> LineSettings.parse("fast 8N1"));
        assertThrows(IllegalArgumentException.class, () -> LineSettings.parse("9600"));
    }

    @Property(tries = 1000)
    @DisplayName("HAL-1: a character takes frameBits / baud on the wire")
    void frameTime(Gen gen) {
        int baud = gen.intBetween(LineSettings.MIN_METER_BAUD, LineSettings.MAX_METER_BAUD);
        FrameFormat format = gen.oneOf(FrameFormat.values());
        assertFrameTime(new LineSettings(baud, format));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FrameFormat.class)
    @DisplayName("HAL-1: at every standard meter speed a character takes frameBits / baud on the wire")
    void frameTimeAtStandardSpeeds(FrameFormat format) {
        for (int baud : new int[] {300, 600, 1200, 2400, 4800, 9600, 19_200, 38_400, 57_600, 115_200}) {
            assertFrameTime(new LineSettings(baud, format));
        }
    }

    /** The frame time, from integers only: frameBits * 10^9 / baud rounded half up. */
    private static void assertFrameTime(LineSettings settings) {
        long numerator = settings.format().frameBits() * 1_000_000_000L;
        long rounded = (2 * numerator + settings.baud()) / (2L * settings.baud());
        assertEquals(rounded, settings.frameNanos(), settings::toString);
    }

    @Test
    @DisplayName("HAL-1: even and odd parity bits follow the count of one bits")
    void parityBits() {
        // '/' = 0x2F has five one bits among its seven data bits.
        assertEquals(1, Parity.EVEN.bitFor(0x2F, 7));
        assertEquals(0, Parity.ODD.bitFor(0x2F, 7));
        // '?' = 0x3F has six.
        assertEquals(0, Parity.EVEN.bitFor(0x3F, 7));
        assertEquals(1, Parity.ODD.bitFor(0x3F, 7));
        // Bits above the data width do not count.
        assertEquals(Parity.EVEN.bitFor(0x2F, 7), Parity.EVEN.bitFor(0xAF, 7));
        assertEquals(0, Parity.NONE.bitFor(0xFF, 8));
    }

    @Test
    @DisplayName("HAL-3: RS485 modes refuse more than 9600 baud; RS232 does not")
    void rs485SpeedLimit() {
        LineSettings fast = new LineSettings(19_200, FrameFormat.F8N1);
        Rs485Mode.OFF.checkSpeed(fast);
        Rs485Mode.TWO_WIRE.checkSpeed(LineSettings.STANDARD_9600_8N1);
        assertThrows(IllegalArgumentException.class, () -> Rs485Mode.TWO_WIRE.checkSpeed(fast));
        assertThrows(IllegalArgumentException.class, () -> Rs485Mode.FOUR_WIRE.checkSpeed(fast));
        assertEquals(31, Rs485Mode.MAX_METERS);
    }
}
