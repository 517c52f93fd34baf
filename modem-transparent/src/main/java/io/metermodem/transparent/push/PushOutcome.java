package io.metermodem.transparent.push;

/** How a push readout ended (TR-7). */
public enum PushOutcome {
    /** The head-end (or the bridge) closed the connection: the readout is done. */
    COMPLETED,
    /** Nothing moved in either direction for the idle timeout; the modem closed the connection. */
    IDLE_TIMEOUT,
    /** The push reached its maximum duration; the modem closed the connection. */
    MAX_DURATION,
    /** Packet data or the connection could not be set up within the retry policy. */
    GAVE_UP,
    /** The push client was closed while the push ran. */
    STOPPED
}
