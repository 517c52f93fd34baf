package io.metermodem.led;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimelineSvgTest {

    private static final long S = 1_000_000_000L;

    private static List<String> bars(String svg, String colour) {
        Matcher m = Pattern.compile("<rect x=\"([0-9.]+)\" y=\"\\d+\" width=\"([0-9.]+)\" height=\"\\d+\" fill=\""
                + Pattern.quote(colour) + "\"/>").matcher(svg);
        List<String> list = new java.util.ArrayList<>();
        while (m.find()) {
            list.add(m.group(1) + "+" + m.group(2));
        }
        return list;
    }

    @Test
    @DisplayName("one bar per lit interval, at its place on the time axis (720 px for the window)")
    void barsWhereTheLedWasOn() {
        // On 1..2 s and from 3 s to the end of a 4 s window.
        String svg = TimelineSvg.render("t", 0, 4 * S,
                List.of(new TimelineSvg.Track("LED3", "green", false, new long[] {S, 2 * S, 3 * S})));
        assertEquals(List.of("250.00+180.00", "610.00+180.00"), bars(svg, "green"));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.contains(">0 s<") && svg.contains(">4 s<"), "axis labels");
    }

    @Test
    @DisplayName("a track lit before the window starts is drawn from the window start; changes outside are clipped")
    void clipping() {
        String svg = TimelineSvg.render("t", 2 * S, 4 * S,
                List.of(new TimelineSvg.Track("LED1", "blue", true, new long[] {3 * S, 5 * S})));
        assertEquals(List.of("70.00+360.00"), bars(svg, "blue"));
    }

    @Test
    @DisplayName("text is escaped, an empty window and unordered changes are refused")
    void escapingAndErrors() {
        String svg = TimelineSvg.render("a<b & \"c\"", 0, S, List.of());
        assertTrue(svg.contains("a&lt;b &amp; &quot;c&quot;"));
        assertThrows(IllegalArgumentException.class, () -> TimelineSvg.render("t", S, S, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new TimelineSvg.Track("x", "red", false, new long[] {2, 1}));
    }
}
