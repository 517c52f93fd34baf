package io.metermodem.hal.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.gpio.Led;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The GPIO assignment and its configuration keys (HAL-2, HAL-4, HAL-5). */
class PinMapTest {

    @Test
    @DisplayName("HAL-4: the default pins are LED3=17, LED1=27, LED2=22, power-fail 23, supercap 24, DE 18, DCD 25")
    void defaults() {
        PinMap pins = PinMap.defaults();

        assertEquals(17, pins.led(Led.LED3));
        assertEquals(27, pins.led(Led.LED1));
        assertEquals(22, pins.led(Led.LED2));
        assertEquals(23, pins.powerFail());
        assertEquals(24, pins.supercapCharged());
        assertEquals(18, pins.rs485DriverEnable());
        assertEquals(25, pins.dcd());
        assertEquals(PinMap.NONE, pins.dsr());
        assertTrue(pins.powerFailActiveLow());
        assertFalse(pins.supercapActiveLow());
    }

    @Test
    @DisplayName("HAL-5: properties override single pins and polarities, the rest keeps its defaults")
    void overrides() {
        Properties p = new Properties();
        p.setProperty("pin.led1", " 5 ");
        p.setProperty("pin.dcd", "none");
        p.setProperty("pin.dsr", "6");
        p.setProperty("pin.powerFail.activeLow", "FALSE");
        p.setProperty("unrelated.key", "ignored");

        PinMap pins = PinMap.fromProperties(p);

        assertEquals(5, pins.led1());
        assertEquals(PinMap.NONE, pins.dcd());
        assertEquals(6, pins.dsr());
        assertFalse(pins.powerFailActiveLow());
        assertEquals(17, pins.led3());
    }

    @Test
    @DisplayName("HAL-4: a value that is not a pin number is refused naming the key")
    void badNumber() {
        Properties p = new Properties();
        p.setProperty("pin.led2", "twelve");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PinMap.fromProperties(p));
        assertTrue(e.getMessage().contains("pin.led2"), e.getMessage());
    }

    @Test
    @DisplayName("HAL-4: a pin outside BCM 0..27 is refused naming the signal")
    void outOfRange() {
        Properties p = new Properties();
        p.setProperty("pin.led3", "40");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PinMap.fromProperties(p));
        assertTrue(e.getMessage().contains("LED3"), e.getMessage());
    }

    @Test
    @DisplayName("HAL-4: two signals on one pin are refused naming both")
    void duplicate() {
        Properties p = new Properties();
        p.setProperty("pin.led1", "17");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PinMap.fromProperties(p));
        assertTrue(e.getMessage().contains("LED1") && e.getMessage().contains("LED3"), e.getMessage());
    }

    @Test
    @DisplayName("HAL-5: unknown pin keys and bad polarity values are refused")
    void unknownKeyAndBadFlag() {
        Properties typo = new Properties();
        typo.setProperty("pin.led4", "5");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PinMap.fromProperties(typo));
        assertTrue(e.getMessage().contains("pin.led4"), e.getMessage());

        Properties flag = new Properties();
        flag.setProperty("pin.supercap.activeLow", "yes");
        assertThrows(IllegalArgumentException.class, () -> PinMap.fromProperties(flag));

        Properties noneForLed = new Properties();
        noneForLed.setProperty("pin.led1", "none");
        assertThrows(IllegalArgumentException.class, () -> PinMap.fromProperties(noneForLed));
    }
}
