package io.metermodem.hal.cellular;

/** Why a circuit-switched data call ended. */
public enum CallEndReason {
    /** This side hung up. */
    LOCAL_HANG_UP,
    /** The remote side hung up or the carrier was lost ({@code NO CARRIER}). */
    REMOTE_HANG_UP,
    /** The network dropped the call. */
    NETWORK_LOST,
    /** The caller gave up before the call was answered. */
    MISSED
}
