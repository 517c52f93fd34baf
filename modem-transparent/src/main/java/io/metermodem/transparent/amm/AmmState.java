package io.metermodem.transparent.amm;

/**
 * State of the AMM/EI client (TR-8), as LED-10 shows it (manual, "AMM (IEC) client state"): off when
 * idle or closed, a short flash per second while connecting, one flash per second while logging in,
 * lit when connected.
 */
public enum AmmState {
    /** Not started, or stopped. */
    IDLE,
    /** Opening the TCP (or TLS) connection to the EI server. */
    CONNECTING,
    /** Connected; the login frame was sent and the reply is awaited. */
    LOGGING_IN,
    /** Logged in; the channel is attached to the bridge. */
    CONNECTED,
    /** The connection is down: waiting to reconnect, or given up after the retry policy. */
    CLOSED
}
