package io.metermodem.hal.mock.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MockPowerSupplyTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<String> events = new ArrayList<>();

    private MockPowerSupply supply(double initialCharge) {
        MockPowerSupply power = new MockPowerSupply(scheduler, SupercapSettings.DEFAULT, initialCharge);
        power.powerFail().addListener((in, active, nanos) ->
                events.add("powerFail=" + active + "@" + Duration.ofNanos(nanos).toSeconds() + "s"));
        power.supercapCharged().addListener((in, active, nanos) ->
                events.add("charged=" + active + "@" + Duration.ofNanos(nanos).toSeconds() + "s"));
        power.addListener(new PowerSupplyListener() {
            @Override
            public void onBrownOut(long nanoTime) {
                events.add("brownOut@" + Duration.ofNanos(nanoTime).toSeconds() + "s");
            }

            @Override
            public void onPowerUp(long nanoTime) {
                events.add("powerUp@" + Duration.ofNanos(nanoTime).toSeconds() + "s");
            }
        });
        return power;
    }

    @Test
    @DisplayName("HAL-5: an exhausted supercapacitor charges in 3 minutes; the charged input goes active at 90 %")
    void chargesFromEmpty() {
        MockPowerSupply power = supply(0.0);
        assertFalse(power.supercapCharged().isActive());
        assertTrue(power.isAlive());

        scheduler.advance(Duration.ofSeconds(161));
        assertFalse(power.supercapCharged().isActive());
        scheduler.advance(Duration.ofSeconds(1));   // 162 s = 90 % of 180 s

        assertTrue(power.supercapCharged().isActive());
        assertEquals(List.of("charged=true@162s"), events);
        scheduler.advance(Duration.ofMinutes(10));
        assertEquals(1.0, power.chargeLevel(), 1e-12);
    }

    @Test
    @DisplayName("HAL-5: on power loss the power-fail input goes active at once and the board lives 2 minutes")
    void powerLossAndHoldUp() {
        MockPowerSupply power = supply(1.0);
        scheduler.advance(Duration.ofSeconds(10));

        power.cutPower();

        assertTrue(power.powerFail().isActive());
        assertTrue(power.isAlive());
        assertEquals(Optional.of(Duration.ofMinutes(2)), power.timeUntilBrownOut());
        scheduler.advance(Duration.ofSeconds(60));
        assertEquals(0.5, power.chargeLevel(), 1e-9);
        scheduler.advance(Duration.ofSeconds(60));
        assertFalse(power.isAlive());
        assertEquals(List.of("powerFail=true@10s", "charged=false@22s", "brownOut@130s"), events);
        assertEquals(1, power.brownOutCount());
    }

    @Test
    @DisplayName("HAL-5: power back after a brown-out revives the board and recharges the supercapacitor")
    void restoreAfterBrownOut() {
        MockPowerSupply power = supply(1.0);
        power.cutPower();
        scheduler.advance(Duration.ofMinutes(5));
        events.clear();

        power.restorePower();
        scheduler.advance(Duration.ofMinutes(3));

        assertTrue(power.isAlive());
        assertFalse(power.powerFail().isActive());
        assertEquals(List.of("powerFail=false@300s", "powerUp@300s", "charged=true@462s"), events);
    }

    @Test
    @DisplayName("HAL-5: a short outage on a half-charged supercapacitor resumes charging from where it was")
    void shortOutage() {
        MockPowerSupply power = supply(0.5);
        power.cutPower();
        scheduler.advance(Duration.ofSeconds(30));  // loses 0.25
        power.restorePower();

        assertEquals(0.25, power.chargeLevel(), 1e-9);
        assertTrue(power.isAlive());
        scheduler.advance(Duration.ofSeconds(117)); // (0.9 - 0.25) * 180 s
        assertTrue(power.supercapCharged().isActive());
        assertEquals(List.of("powerFail=true@0s", "powerFail=false@30s", "charged=true@147s"), events);
    }

    @Test
    @DisplayName("HAL-5: a modem without supercapacitor dies the moment power is cut")
    void noSupercap() {
        MockPowerSupply power = new MockPowerSupply(scheduler, SupercapSettings.DEFAULT.withHoldUpTime(Duration.ZERO), 1.0);

        power.cutPower();

        assertFalse(power.isAlive());
        assertTrue(power.powerFail().isActive());
        assertFalse(power.supercapCharged().isActive());
        power.cutPower(); // harmless
        assertEquals(1, power.brownOutCount());
    }

    @Test
    @DisplayName("HAL-5: draining the supercapacitor while on battery kills the board at once")
    void setChargeLevel() {
        MockPowerSupply power = supply(1.0);
        power.cutPower();

        power.setChargeLevel(0);

        assertFalse(power.isAlive());
        assertThrows(IllegalArgumentException.class, () -> power.setChargeLevel(1.5));
        assertThrows(IllegalArgumentException.class, () -> SupercapSettings.DEFAULT.withChargedThreshold(0));
        assertThrows(IllegalArgumentException.class,
                () -> SupercapSettings.DEFAULT.withChargeTime(Duration.ofSeconds(-1)));
    }
}
