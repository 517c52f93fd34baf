package io.metermodem.hal.mock.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.gpio.DigitalInputListener;
import io.metermodem.hal.mock.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MockDigitalInputTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final MockDigitalInput input = new MockDigitalInput("POWER_FAIL", scheduler);

    @Test
    @DisplayName("HAL-5: listeners hear each real change in order, with the virtual time")
    void notifiesRealChangesInOrder() {
        List<String> heard = new ArrayList<>();
        input.addListener((in, active, nanos) -> heard.add("a:" + active + "@" + nanos));
        input.addListener((in, active, nanos) -> heard.add("b:" + active + "@" + nanos));

        scheduler.advance(Duration.ofMillis(3));
        input.set(true);
        input.set(true);
        scheduler.advance(Duration.ofMillis(2));
        input.set(false);

        assertEquals(List.of("a:true@3000000", "b:true@3000000", "a:false@5000000", "b:false@5000000"), heard);
        assertEquals(2, input.changeCount());
        assertFalse(input.isActive());
    }

    @Test
    @DisplayName("HAL-5: a removed listener hears nothing; the input passes itself to listeners")
    void removeListener() {
        List<Boolean> heard = new ArrayList<>();
        DigitalInputListener listener = (in, active, nanos) -> {
            assertSame(input, in);
            heard.add(active);
        };
        input.addListener(listener);
        input.set(true);
        input.removeListener(listener);
        input.removeListener(listener);
        input.set(false);

        assertEquals(List.of(true), heard);
        assertEquals(0, input.listenerCount());
    }

    @Test
    @DisplayName("HAL-5: an input starts at the given level and bounds its listeners")
    void initialLevelAndBound() {
        MockDigitalInput charged = new MockDigitalInput("SUPERCAP_CHARGED", scheduler, true);
        assertTrue(charged.isActive());
        assertEquals("SUPERCAP_CHARGED", charged.name());
        for (int i = 0; i < MockDigitalInput.MAX_LISTENERS; i++) {
            charged.addListener((in, active, nanos) -> { });
        }
        assertThrows(IllegalStateException.class, () -> charged.addListener((in, active, nanos) -> { }));
    }
}
