package io.metermodem.hal.pi;

import io.metermodem.hal.gpio.Led;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which Raspberry Pi GPIO (BCM numbering, 0..27 on the 40-pin header) carries each signal of the
 * modem board (HAL-2..HAL-5). The defaults avoid the UART (14, 15), I2C (2, 3) and SPI0 (7..11)
 * pins:
 *
 * <table>
 *   <caption>Default pins</caption>
 *   <tr><th>signal</th><th>BCM</th><th>header pin</th><th>direction, level</th></tr>
 *   <tr><td>LED3 (green, top)</td><td>17</td><td>11</td><td>output, high = lit</td></tr>
 *   <tr><td>LED1 (blue, middle)</td><td>27</td><td>13</td><td>output, high = lit</td></tr>
 *   <tr><td>LED2 (red, bottom)</td><td>22</td><td>15</td><td>output, high = lit</td></tr>
 *   <tr><td>POWER_FAIL</td><td>23</td><td>16</td><td>input, <b>active low</b> (pull-up; a supervisor's
 *       open-drain output pulls it low when external power is lost)</td></tr>
 *   <tr><td>SUPERCAP_CHARGED</td><td>24</td><td>18</td><td>input, active high (pull-down)</td></tr>
 *   <tr><td>RS485_DE</td><td>18</td><td>12</td><td>output, high = transceiver drives the bus</td></tr>
 *   <tr><td>DCD</td><td>25</td><td>22</td><td>output, high = asserted (the RS232 transceiver inverts)</td></tr>
 *   <tr><td>DSR, CTS</td><td>none</td><td>-</td><td>optional outputs</td></tr>
 * </table>
 *
 * <p>Hardware flow control on the Pi's UART0 puts CTS0/RTS0 on GPIO 16/17 (ALT3): a board using
 * it must move LED3 off GPIO 17.
 *
 * <p>Configuration keys for {@link #fromProperties(Properties)}, all optional: {@code pin.led1},
 * {@code pin.led2}, {@code pin.led3}, {@code pin.powerFail}, {@code pin.supercap},
 * {@code pin.rs485De}, {@code pin.dcd}, {@code pin.dsr}, {@code pin.cts} (a BCM number, or
 * {@code none} for the optional {@code dcd}, {@code dsr}, {@code cts}), and
 * {@code pin.powerFail.activeLow}, {@code pin.supercap.activeLow} ({@code true}/{@code false}).
 *
 * @param led1                  BCM pin of LED1 (blue)
 * @param led2                  BCM pin of LED2 (red)
 * @param led3                  BCM pin of LED3 (green)
 * @param powerFail             BCM pin of the power-fail input
 * @param supercapCharged       BCM pin of the supercapacitor-charged input
 * @param rs485DriverEnable     BCM pin of the RS485 driver enable output
 * @param dcd                   BCM pin of the DCD output towards the meter, or {@link #NONE}
 * @param dsr                   BCM pin of the DSR output, or {@link #NONE}
 * @param cts                   BCM pin of the CTS output, or {@link #NONE}
 * @param powerFailActiveLow    whether the power-fail input is active when low
 * @param supercapActiveLow     whether the supercapacitor input is active when low
 */
public record PinMap(int led1, int led2, int led3, int powerFail, int supercapCharged, int rs485DriverEnable,
        int dcd, int dsr, int cts, boolean powerFailActiveLow, boolean supercapActiveLow) {

    /** Marks an optional signal that has no pin. */
    public static final int NONE = -1;
    /** Highest BCM number on the 40-pin header. */
    public static final int MAX_BCM = 27;

    private static final PinMap DEFAULTS = new PinMap(27, 22, 17, 23, 24, 18, 25, NONE, NONE, true, false);
    private static final Set<String> KEYS = Set.of("pin.led1", "pin.led2", "pin.led3", "pin.powerFail",
            "pin.supercap", "pin.rs485De", "pin.dcd", "pin.dsr", "pin.cts", "pin.powerFail.activeLow",
            "pin.supercap.activeLow");

    /**
     * @throws IllegalArgumentException naming the signal for a pin outside 0..27, or naming both
     *                                  signals when two share a pin
     */
    public PinMap {
        Map<String, Integer> pins = new LinkedHashMap<>();
        pins.put("LED1", led1);
        pins.put("LED2", led2);
        pins.put("LED3", led3);
        pins.put("POWER_FAIL", powerFail);
        pins.put("SUPERCAP_CHARGED", supercapCharged);
        pins.put("RS485_DE", rs485DriverEnable);
        pins.put("DCD", dcd);
        pins.put("DSR", dsr);
        pins.put("CTS", cts);
        Map<Integer, String> used = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> pin : pins.entrySet()) {
            int bcm = pin.getValue();
            boolean optional = pin.getKey().equals("DCD") || pin.getKey().equals("DSR") || pin.getKey().equals("CTS");
            if (bcm == NONE && optional) {
                continue;
            }
            if (bcm < 0 || bcm > MAX_BCM) {
                throw new IllegalArgumentException(pin.getKey() + " pin " + bcm + " is not a BCM GPIO 0.." + MAX_BCM
                        + (optional ? " (or none)" : ""));
            }
            String other = used.putIfAbsent(bcm, pin.getKey());
            if (other != null) {
                throw new IllegalArgumentException("GPIO " + bcm + " is assigned to both " + other + " and " + pin.getKey());
            }
        }
    }

    /** @return the documented default pins */
    public static PinMap defaults() {
        return DEFAULTS;
    }

    /**
     * @param led an LED
     * @return its BCM pin
     */
    public int led(Led led) {
        return switch (led) {
            case LED1 -> led1;
            case LED2 -> led2;
            case LED3 -> led3;
        };
    }

    /**
     * Reads overrides from configuration; keys not given keep their defaults.
     *
     * @param properties e.g. {@code pin.led1=27}, {@code pin.dsr=none}, {@code pin.powerFail.activeLow=false}
     * @return the pin map
     * @throws IllegalArgumentException naming the key for an unknown {@code pin.*} key, a value that
     *                                  is not a number (or {@code none}, {@code true}, {@code false}
     *                                  where allowed), a pin outside 0..27, or a pin used twice
     */
    public static PinMap fromProperties(Properties properties) {
        Set<String> unknown = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("pin.") && !KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown pin configuration key(s) " + unknown + "; known keys: "
                    + new TreeSet<>(KEYS));
        }
        PinMap d = DEFAULTS;
        return new PinMap(
                pin(properties, "pin.led1", d.led1, false),
                pin(properties, "pin.led2", d.led2, false),
                pin(properties, "pin.led3", d.led3, false),
                pin(properties, "pin.powerFail", d.powerFail, false),
                pin(properties, "pin.supercap", d.supercapCharged, false),
                pin(properties, "pin.rs485De", d.rs485DriverEnable, false),
                pin(properties, "pin.dcd", d.dcd, true),
                pin(properties, "pin.dsr", d.dsr, true),
                pin(properties, "pin.cts", d.cts, true),
                flag(properties, "pin.powerFail.activeLow", d.powerFailActiveLow),
                flag(properties, "pin.supercap.activeLow", d.supercapActiveLow));
    }

    private static int pin(Properties properties, String key, int fallback, boolean optional) {
        String raw = properties.getProperty(key);
        if (raw == null) {
            return fallback;
        }
        String value = raw.trim();
        if (optional && value.equalsIgnoreCase("none")) {
            return NONE;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "='" + raw + "' is not a BCM pin number"
                    + (optional ? " or 'none'" : ""));
        }
    }

    private static boolean flag(Properties properties, String key, boolean fallback) {
        String raw = properties.getProperty(key);
        if (raw == null) {
            return fallback;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + "='" + raw + "' must be true or false");
        };
    }
}
