package io.metermodem.transparent.csd;

/**
 * How the modem takes incoming data calls (TR-6).
 *
 * @param ringsBeforeAnswer answer on this ring, 1..{@link #MAX_RINGS}; the WM-E2S answers after the
 *                          third ring (manual, AT command table: "The modem answers for the call after
 *                          the third ringing")
 */
public record CsdSettings(int ringsBeforeAnswer) {

    /** Most rings the modem may wait; a caller rarely waits longer than 10. */
    public static final int MAX_RINGS = 20;

    /** The WM-E2S behaviour: answer on the third ring. */
    public static final CsdSettings DEFAULT = new CsdSettings(3);

    /** @throws IllegalArgumentException for a ring count outside 1..{@link #MAX_RINGS} */
    public CsdSettings {
        if (ringsBeforeAnswer < 1 || ringsBeforeAnswer > MAX_RINGS) {
            throw new IllegalArgumentException("rings before answer must be 1.." + MAX_RINGS + ", got " + ringsBeforeAnswer);
        }
    }
}
