package io.metermodem.firmware.led;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.metermodem.hal.gpio.DigitalOutput;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.pi.PiDigitalOutput;
import io.metermodem.led.LedAssignment;
import io.metermodem.transparent.bridge.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** On a Pi the LEDs are GPIO pins behind the HAL's {@link PiDigitalOutput}; here on Pi4J's mock GPIO. */
class PiLedsTest {

    private final Context pi4j = Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform())
            .add(MockDigitalOutputProvider.newInstance()).build();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    @DisplayName("HAL-4, LED-11, LED-3: the LED rhythms reach the Pi's GPIO pins: LED3 quick at start, then 2 Hz in a session")
    void pinsFollowThePatterns() {
        VirtualScheduler scheduler = new VirtualScheduler();
        Map<Led, DigitalOutput> lines = new EnumMap<>(Led.class);
        lines.put(Led.LED3, PiDigitalOutput.create(pi4j, "LED3", 17));
        lines.put(Led.LED1, PiDigitalOutput.create(pi4j, "LED1", 27));
        lines.put(Led.LED2, PiDigitalOutput.create(pi4j, "LED2", 22));
        com.pi4j.io.gpio.digital.DigitalOutput pin = pi4j.io("metermodem-led3");
        List<Long> risingMs = new ArrayList<>();
        FirmwareLeds leds = FirmwareLeds.start(scheduler, lines, LedAssignment.FACTORY, () -> 9600,
                List.of((led, on, nanos) -> {
                    if (led == Led.LED3 && on) {
                        risingMs.add(nanos / 1_000_000);
                    }
                }));

        assertEquals(DigitalState.HIGH, pin.state(), "LED3 lit at start");
        scheduler.advance(Duration.ofMillis(150));
        assertEquals(DigitalState.LOW, pin.state(), "dark after 100 ms (5 Hz)");
        scheduler.advance(Duration.ofSeconds(15).minusMillis(150));
        assertEquals(75, risingMs.size(), "15 s of quick green on the pin");

        leds.bridgeListener().sessionStarted(Channel.PRIMARY, "tcp");
        risingMs.clear();
        for (int i = 0; i < 8; i++) {
            assertEquals(DigitalState.HIGH, pin.state());
            scheduler.advance(Duration.ofMillis(250));
            assertEquals(DigitalState.LOW, pin.state());
            scheduler.advance(Duration.ofMillis(250));
        }
        assertEquals(8, risingMs.size(), "2 Hz for 4 s");
        leds.close();
        assertEquals(DigitalState.LOW, pin.state());
    }
}
