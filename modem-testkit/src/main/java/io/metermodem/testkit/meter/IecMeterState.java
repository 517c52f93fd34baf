package io.metermodem.testkit.meter;

/**
 * Where a {@link SimulatedIecMeter} stands in an IEC 62056-21 mode C exchange (clause "Protocol
 * mode C"). Between exchanges it waits at 300 baud 7E1 in {@link #IDLE}.
 */
public enum IecMeterState {
    /** Listening for a sign-on request at 300 baud 7E1. */
    IDLE,
    /** A sign-on for this meter arrived; the identification goes out when the reaction time has passed. */
    IDENTIFYING,
    /** The identification was sent; waiting for the acknowledgement/option select (at most tt). */
    AWAITING_OPTION_SELECT,
    /** The option select chose data readout: the line runs at the selected baud and the data message goes out. */
    SENDING_DATA,
    /** The option select chose programming mode: commands (P1, R1, B0) are taken at the selected baud. */
    PROGRAMMING
}
