package io.metermodem.hal.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LedTest {

    @Test
    @DisplayName("HAL-4: from top to bottom the LEDs are LED3 green, LED1 blue, LED2 red")
    void ledOrderAndColours() {
        List<Led> topToBottom = Arrays.stream(Led.values()).sorted(Comparator.comparingInt(Led::positionFromTop)).toList();
        assertEquals(List.of(Led.LED3, Led.LED1, Led.LED2), topToBottom);
        assertEquals("green", Led.LED3.colour());
        assertEquals("blue", Led.LED1.colour());
        assertEquals("red", Led.LED2.colour());
    }
}
