package io.metermodem.hal.mock.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LedTimelineTest {

    private static final long S = 1_000_000_000L;

    @Test
    @DisplayName("HAL-4: changes before the window decide its starting level; later ones are ignored")
    void startingLevel() {
        LedTimeline t = LedTimeline.of(5 * S, 8 * S, false, 1 * S, 2 * S, 3 * S, 6 * S, 9 * S);

        assertTrue(t.isOnAt(5 * S));
        assertFalse(t.isOnAt(6 * S));
        assertEquals(List.of(new Transition(6 * S, false)), t.transitions());
        assertEquals(0, t.flashCount());
        assertEquals(Duration.ofSeconds(1), t.onTime());
        assertEquals(Duration.ofSeconds(2), t.longestOffGap());
    }

    @Test
    @DisplayName("HAL-4: a rising edge exactly at the window end belongs to the next window")
    void halfOpenCounting() {
        LedTimeline t = LedTimeline.of(0, 2 * S, false, 1 * S, 1 * S + 1, 2 * S);

        assertEquals(1, t.flashCount());
        assertEquals(0, t.between(0, S - 1).flashCount());
        assertEquals(1, t.between(S, 2 * S).flashCount());
        assertTrue(t.isOnAt(2 * S));
        assertTrue(t.isOnAtEnd());
        assertEquals(Duration.ofNanos(1), t.onTime());
    }

    @Test
    @DisplayName("HAL-4: timelines reject reversed windows, unordered changes and windows outside themselves")
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> LedTimeline.of(2, 1, false));
        assertThrows(IllegalArgumentException.class, () -> LedTimeline.of(0, 10, false, 5, 3));
        LedTimeline t = LedTimeline.of(0, 10, false);
        assertThrows(IllegalArgumentException.class, () -> t.between(0, 11));
        assertThrows(IllegalStateException.class, () -> t.between(3, 3).frequencyHz());
        assertThrows(IllegalArgumentException.class, () -> new Pulse(5, 4));
    }
}
