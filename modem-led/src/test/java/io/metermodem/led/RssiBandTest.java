package io.metermodem.led;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The manual's RSSI bands (2.5) at every edge, including the gaps and overlaps it leaves. */
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

    @Property
    @Label("LED-5: flashes never fall as the signal gets stronger, and stay within 1..4")
    boolean monotonic(@ForAll("technologies") AccessTechnology technology,
                      @ForAll @IntRange(min = -160, max = -1) int dbm) {
        RssiBand band = RssiBand.of(technology);
        int here = band.flashes(dbm);
        return here >= 1 && here <= 4 && band.flashes(dbm + 1) >= here;
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<AccessTechnology> technologies() {
        return net.jqwik.api.Arbitraries.of(AccessTechnology.GSM, AccessTechnology.UMTS, AccessTechnology.LTE,
                AccessTechnology.LTE_CAT_M1, AccessTechnology.NB_IOT);
    }
}
