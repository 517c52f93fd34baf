package io.metermodem.transparent.bridge;

/**
 * The ways a head-end reaches the meter through the modem, in order of priority on the meter line
 * (TR-3): a session of a higher channel pre-empts one of a lower channel, which waits and resumes.
 */
public enum Channel {
    /** The utility's transparent TCP port (manual: "Utility comm. port"); highest priority. */
    PRIMARY(4),
    /** A circuit-switched data call (TR-6). */
    CSD(3),
    /** The outbound AMM/EI client channel (TR-8). */
    AMM(2),
    /** A push readout the modem sends by itself (TR-7). */
    PUSH(2),
    /** The customer's TCP port (manual: "Customer comm. port"); lowest priority. */
    SECONDARY(1);

    private final int priority;

    Channel(int priority) {
        this.priority = priority;
    }

    /** @return a larger number pre-empts a smaller one */
    public int priority() {
        return priority;
    }
}
