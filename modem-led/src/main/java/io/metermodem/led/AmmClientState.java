package io.metermodem.led;

/** The AMM (IEC) client link from the modem to the EI server (LED-10). */
public enum AmmClientState {
    /** Idle or closed. */
    IDLE,
    /** The connection is being built. */
    CONNECTING,
    /** The EI client's login request is in progress. */
    LOGIN,
    /** Connected. */
    CONNECTED
}
