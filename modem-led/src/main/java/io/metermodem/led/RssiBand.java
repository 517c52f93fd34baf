package io.metermodem.led;

import io.metermodem.hal.cellular.AccessTechnology;
import java.util.Objects;

/**
 * The RSSI thresholds of one access technology: how many flashes (1..4) LED-5 gives for a signal
 * strength in dBm (manual 2.5).
 *
 * <p>The manual's table has gaps and overlaps; this SDK reads it as follows (every edge is tested):
 * <ul>
 *   <li>"1 flashing: RSSI &gt;= X" would overlap every other band; it is read as "at or below X",
 *       since band 2 starts one dB above X.</li>
 *   <li>"3 flashings: RSSI - between 90 and -65" (2G) and "between 91 and -65" (3G) lost their minus
 *       sign: -90..-65 and -91..-65.</li>
 *   <li>Band 3 ends at Y and band 4 is "&gt; Y+1" (e.g. -65 and &gt; -64 on 2G), so the value Y+1
 *       itself (-64 on 2G and 3G, -84 on 4G, Cat-M1 and NB-IoT) belongs to no band. It is given
 *       <b>3 flashes</b>: an installer is never told a signal is better than the manual promises.</li>
 * </ul>
 * With integer dBm the bands are therefore: 1 flash up to {@code twoFrom - 1}, 2 from
 * {@link #twoFrom()}, 3 from {@link #threeFrom()}, 4 from {@link #fourFrom()}.
 *
 * @param technology the access technology
 * @param twoFrom    lowest dBm giving 2 flashes
 * @param threeFrom  lowest dBm giving 3 flashes
 * @param fourFrom   lowest dBm giving 4 flashes
 */
public record RssiBand(AccessTechnology technology, int twoFrom, int threeFrom, int fourFrom) {

    /** 2G: 1 at or below -98, 2 from -97, 3 from -90, 4 from -63. */
    public static final RssiBand GSM = new RssiBand(AccessTechnology.GSM, -97, -90, -63);
    /** 3G: 1 at or below -103, 2 from -102, 3 from -91, 4 from -63. */
    public static final RssiBand UMTS = new RssiBand(AccessTechnology.UMTS, -102, -91, -63);
    /** 4G LTE: 1 at or below -122, 2 from -121, 3 from -106, 4 from -83. */
    public static final RssiBand LTE = new RssiBand(AccessTechnology.LTE, -121, -106, -83);
    /** LTE Cat-M1: 1 at or below -126, 2 from -125, 3 from -115, 4 from -83. */
    public static final RssiBand LTE_CAT_M1 = new RssiBand(AccessTechnology.LTE_CAT_M1, -125, -115, -83);
    /** NB-IoT: the same thresholds as 4G. */
    public static final RssiBand NB_IOT = new RssiBand(AccessTechnology.NB_IOT, -121, -106, -83);

    /** Weakest signal accepted as a measurement; anything lower is an invalid value. */
    public static final int MIN_VALID_DBM = -160;
    /** Strongest signal accepted as a measurement; anything higher is an invalid value. */
    public static final int MAX_VALID_DBM = 0;

    /** @throws IllegalArgumentException unless the thresholds rise */
    public RssiBand {
        Objects.requireNonNull(technology, "technology");
        if (!(twoFrom < threeFrom && threeFrom < fourFrom)) {
            throw new IllegalArgumentException("RSSI thresholds must rise: " + twoFrom + ", " + threeFrom + ", " + fourFrom);
        }
    }

    /**
     * @param technology an access technology
     * @return its band table
     * @throws IllegalArgumentException for {@link AccessTechnology#NONE}, which has none
     */
    public static RssiBand of(AccessTechnology technology) {
        return switch (technology) {
            case GSM -> GSM;
            case UMTS -> UMTS;
            case LTE -> LTE;
            case LTE_CAT_M1 -> LTE_CAT_M1;
            case NB_IOT -> NB_IOT;
            case NONE -> throw new IllegalArgumentException("no RSSI bands without an access technology");
        };
    }

    /**
     * @param dbm a measured signal strength
     * @return whether it is a plausible measurement ({@value #MIN_VALID_DBM}..{@value #MAX_VALID_DBM} dBm)
     */
    public static boolean isValid(int dbm) {
        return dbm >= MIN_VALID_DBM && dbm <= MAX_VALID_DBM;
    }

    /**
     * @param dbm a valid signal strength
     * @return flashes, 1..4
     */
    public int flashes(int dbm) {
        if (dbm >= fourFrom) {
            return 4;
        }
        if (dbm >= threeFrom) {
            return 3;
        }
        return dbm >= twoFrom ? 2 : 1;
    }
}
