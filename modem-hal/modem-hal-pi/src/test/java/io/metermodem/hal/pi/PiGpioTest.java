package io.metermodem.hal.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LEDs and board inputs over Pi4J's mock GPIO provider (HAL-4, HAL-5). */
// A safety net against a hang in the real-time scheduler; not a speed assertion.
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PiGpioTest {

    private final Context pi4j = MockPi4j.context();
    private final SystemScheduler clock = new SystemScheduler();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
        clock.close();
    }

    @Test
    @DisplayName("HAL-4: switching an LED on and off is visible in the GPIO provider's state")
    void ledOnOff() {
        PiDigitalOutput led3 = PiDigitalOutput.create(pi4j, "LED3", 17);
        com.pi4j.io.gpio.digital.DigitalOutput pin = pi4j.io("metermodem-led3");
        assertEquals(DigitalState.LOW, pin.state());

        led3.on();
        assertEquals(DigitalState.HIGH, pin.state());
        assertTrue(led3.isOn());
        led3.toggle();

        assertEquals(DigitalState.LOW, pin.state());
        assertEquals(17, pin.address().intValue());
    }

    @Test
    @DisplayName("HAL-5: an active-low power-fail input reports active when its pin goes low")
    void powerFailReachesListener() throws InterruptedException {
        PiDigitalInput powerFail = PiDigitalInput.create(pi4j, "POWER_FAIL", 23, true, Duration.ofMillis(10), clock);
        MockDigitalInput pin = pi4j.io("metermodem-power-fail");
        pin.mockState(DigitalState.HIGH);
        BlockingQueue<Boolean> changes = new LinkedBlockingQueue<>();
        powerFail.addListener((input, active, nanos) -> {
            assertEquals("POWER_FAIL", input.name());
            changes.add(active);
        });

        pin.mockState(DigitalState.LOW);

        assertEquals(Boolean.TRUE, changes.poll(10, TimeUnit.SECONDS));
        assertTrue(powerFail.isActive());
        pin.mockState(DigitalState.HIGH);
        assertEquals(Boolean.FALSE, changes.poll(10, TimeUnit.SECONDS));
        assertFalse(powerFail.isActive());
    }

    @Test
    @DisplayName("HAL-5: an active-high supercap input follows its pin; a removed listener hears nothing")
    void supercapInput() throws InterruptedException {
        PiDigitalInput supercap = PiDigitalInput.create(pi4j, "SUPERCAP_CHARGED", 24, false,
                PiDigitalInput.DEFAULT_DEBOUNCE, clock);
        MockDigitalInput pin = pi4j.io("metermodem-supercap-charged");
        BlockingQueue<Boolean> removed = new LinkedBlockingQueue<>();
        BlockingQueue<Boolean> kept = new LinkedBlockingQueue<>();
        io.metermodem.hal.gpio.DigitalInputListener gone = (input, active, nanos) -> removed.add(active);
        supercap.addListener(gone);
        supercap.addListener((input, active, nanos) -> kept.add(active));
        supercap.removeListener(gone);

        pin.mockState(DigitalState.HIGH);

        assertEquals(Boolean.TRUE, kept.poll(10, TimeUnit.SECONDS));
        assertTrue(supercap.isActive());
        assertTrue(removed.isEmpty());
    }
}
