package io.metermodem.cellular.at;

/** The state of an {@link AtClientCore} (HAL-7). */
public enum AtClientState {
    /** Command mode, nothing in flight: a command may be submitted. */
    IDLE,
    /** A command is in flight. */
    PENDING,
    /** Online data mode after {@code CONNECT}: bytes are data. */
    DATA,
    /** After a timeout: waiting for the line to fall quiet before probing. */
    DRAINING,
    /** The resynchronisation probe is in flight. */
    PROBING,
    /** A module reset was asked for: waiting for the module to boot. */
    BOOTING
}
