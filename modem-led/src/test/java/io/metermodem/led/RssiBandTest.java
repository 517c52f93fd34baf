package io.metermodem.led;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.mock.gpio.LedTimeline;
import io.metermodem.hal.mock.gpio.Pulse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LED-5: the manual's RSSI bands (2.5) per access technology, at every edge and for every valid
 * value, including the gaps and overlaps the manual leaves; each value's band is played on LED2 as
 * exactly that many flashes per RSSI period, and a value outside the valid range flashes slowly.
 */
class RssiBandTest {

    @ParameterizedTest(name = "LED-5: {0} {1} dBm gives {2} flashes")
    @DisplayName("LED-5: RSSI band edges per access technology")
    @CsvSource({
            // 2G: 1 ">= -98" read as at or below -98; 2: -97..-91; 3: -90..-65; 4: "> -64".
            "GSM, -140, 1", "GSM, -98, 1", "GSM, -97, 2", "GSM, -91, 2", "GSM, -90, 3", "GSM, -65, 3",
            "GSM, -64, 3", "GSM, -63, 4", "GSM, -40, 4",
            // 3G: 1 at or below -103; 2: -102..-92; 3: -91..-65; 4: "> -64".
            "UMTS, -120, 1", "UMTS, -103, 1", "UMTS, -102, 2", "UMTS, -92, 2", "UMTS, -91, 3", "UMTS, -65, 3",
            "UMTS, -64, 3", "UMTS, -63, 4",
            // 4G: 1 at or below -122; 2: -121..-107; 3: -106..-85; 4: "> -84".
            "LTE, -140, 1", "LTE, -122, 1", "LTE, -121, 2", "LTE, -107, 2", "LTE, -106, 3", "LTE, -85, 3",
            "LTE, -84, 3", "LTE, -83, 4", "LTE, -44, 4",
            // Cat-M1: 1 at or below -126; 2: -125..-116; 3: -115..-85; 4: "> -84".
            "LTE_CAT_M1, -150, 1", "LTE_CAT_M1, -126, 1", "LTE_CAT_M1, -125, 2", "LTE_CAT_M1, -116, 2",
            "LTE_CAT_M1, -115, 3", "LTE_CAT_M1, -85, 3", "LTE_CAT_M1, -84, 3", "LTE_CAT_M1, -83, 4",
            // NB-IoT: the 4G table.
            "NB_IOT, -122, 1", "NB_IOT, -121, 2", "NB_IOT, -107, 2", "NB_IOT, -106, 3", "NB_IOT, -85, 3",
            "NB_IOT, -84, 3", "NB_IOT, -83, 4",
    })
    void bandEdges(AccessTechnology technology, int dbm, int flashes) {
        assertEquals(flashes, RssiBand.of(technology).flashes(dbm));
    }

    @ParameterizedTest(name = "LED-5: the gap value {1} dBm on {0} gives 3 flashes, not 4")
    @DisplayName("LED-5: the value between band 3 and band 4 is given to band 3")
    @CsvSource({"GSM, -64", "UMTS, -64", "LTE, -84", "LTE_CAT_M1, -84", "NB_IOT, -84"})
    void gapGoesDown(AccessTechnology technology, int dbm) {
        RssiBand band = RssiBand.of(technology);
        assertEquals(3, band.flashes(dbm));
        assertEquals(4, band.flashes(dbm + 1));
    }

    @org.junit.jupiter.api.Test
    @DisplayName("LED-5: no bands without an access technology; implausible values are invalid")
    void noneAndInvalid() {
        assertThrows(IllegalArgumentException.class, () -> RssiBand.of(AccessTechnology.NONE));
        assertTrue(RssiBand.isValid(-113));
        assertFalse(RssiBand.isValid(-161));
        assertFalse(RssiBand.isValid(1));
    }

    /** The five access technologies that have RSSI bands. */
    private static final List<AccessTechnology> TECHNOLOGIES = List.of(AccessTechnology.GSM, AccessTechnology.UMTS,
            AccessTechnology.LTE, AccessTechnology.LTE_CAT_M1, AccessTechnology.NB_IOT);

    /**
     * The manual's table (2.5) as this SDK reads it, written out again here rather than taken from
     * {@link RssiBand}: the highest dBm of bands 1, 2 and 3 per technology. Band 3 keeps the value
     * the manual gives to no band (e.g. -64 on 2G); everything above is band 4.
     */
    private static int manualFlashes(AccessTechnology technology, int dbm) {
        int[] tops = switch (technology) {
            case GSM -> new int[] {-98, -91, -64};
            case UMTS -> new int[] {-103, -92, -64};
            case LTE, NB_IOT -> new int[] {-122, -107, -84};
            case LTE_CAT_M1 -> new int[] {-126, -116, -84};
            case NONE -> throw new IllegalArgumentException("no bands");
        };
        int flashes = 1;
        while (flashes < 4 && dbm > tops[flashes - 1]) {
            flashes++;
        }
        return flashes;
    }

    /** Every valid RSSI value (-160..0 dBm) on every technology: 5 x 161 cases. */
    static Stream<Arguments> everyValidValueOnEveryTechnology() {
        return TECHNOLOGIES.stream().flatMap(technology -> IntStream.rangeClosed(RssiBand.MIN_VALID_DBM, RssiBand.MAX_VALID_DBM)
                .mapToObj(dbm -> Arguments.of(technology, dbm)));
    }

    @ParameterizedTest(name = "LED-5: {0} {1} dBm")
    @MethodSource("everyValidValueOnEveryTechnology")
    @DisplayName("LED-5: every valid RSSI on every technology gives its band's flashes, and LED2 plays exactly that group every 10 s")
    void everyValidValue(AccessTechnology technology, int dbm) {
        int flashes = manualFlashes(technology, dbm);
        assertEquals(flashes, RssiBand.of(technology).flashes(dbm));

        LedRig rig = new LedRig().pastStartup();
        rig.leds.cellularStatus(Cells.registered(technology, dbm, false));
        long start = rig.scheduler.nanoTime();
        assertEquals(LedPattern.rssi(flashes, LedSignals.DEFAULT_RSSI_PERIOD), rig.leds.player(Led.LED2).pattern());

        // two periods of the SIM LED: in each, the band's flashes of 200 ms, 600 ms apart, then dark
        LedTimeline played = rig.record(Led.LED2, LedSignals.DEFAULT_RSSI_PERIOD.multipliedBy(2));
        List<Pulse> expected = new ArrayList<>();
        for (int group = 0; group < 2; group++) {
            for (int k = 0; k < flashes; k++) {
                long on = start + group * LedSignals.DEFAULT_RSSI_PERIOD.toNanos()
                        + k * (LedPattern.RSSI_ON.toNanos() + LedPattern.RSSI_GAP.toNanos());
                expected.add(new Pulse(on, on + LedPattern.RSSI_ON.toNanos()));
            }
        }
        assertEquals(expected, played.pulses());
    }

    @ParameterizedTest(name = "LED-5: {0} {1} dBm is not a measurement")
    @CsvSource({
            "GSM, -161", "GSM, 1", "UMTS, -161", "UMTS, 1", "LTE, -161", "LTE, 1",
            "LTE_CAT_M1, -161", "LTE_CAT_M1, 1", "NB_IOT, -161", "NB_IOT, 1", "LTE, -2147483648", "LTE, 2147483647",
    })
    @DisplayName("LED-5: a value just outside the valid range, on any technology, makes LED2 flash slowly")
    void invalidValueIsSlow(AccessTechnology technology, int dbm) {
        assertFalse(RssiBand.isValid(dbm));
        LedRig rig = new LedRig().pastStartup();
        rig.leds.cellularStatus(Cells.registered(technology, dbm, false));
        assertEquals(LedPattern.slow(), rig.leds.player(Led.LED2).pattern());
    }

    @ParameterizedTest(name = "LED-5: {0}")
    @EnumSource(value = AccessTechnology.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("LED-5: over the whole valid range, flashes never fall as the signal gets stronger, and stay within 1..4")
    void monotonic(AccessTechnology technology) {
        RssiBand band = RssiBand.of(technology);
        for (int dbm = RssiBand.MIN_VALID_DBM; dbm <= RssiBand.MAX_VALID_DBM; dbm++) {
            int here = band.flashes(dbm);
            assertTrue(here >= 1 && here <= 4, technology + " " + dbm + " dBm: " + here);
            if (dbm < RssiBand.MAX_VALID_DBM) {
                assertTrue(band.flashes(dbm + 1) >= here, technology + " " + dbm + " dBm");
            }
        }
        assertEquals(1, band.flashes(RssiBand.MIN_VALID_DBM));
        assertEquals(4, band.flashes(RssiBand.MAX_VALID_DBM));
    }
}
