package io.metermodem.transparent.push;

/** Why a push readout starts (TR-7; manual 2.6: "in pre-defined intervals ... in case of different events"). */
public enum PushTrigger {
    /** The configured push interval elapsed. */
    INTERVAL,
    /** The meter's terminal cover was removed (tamper input). */
    METER_COVER_REMOVED,
    /** An SMS from the centre asked for a readout. */
    INCOMING_SMS,
    /** Started by hand (a command, a test). */
    MANUAL
}
