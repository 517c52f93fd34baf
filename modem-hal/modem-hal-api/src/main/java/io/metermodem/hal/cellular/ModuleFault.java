package io.metermodem.hal.cellular;

/** Faults a module driver reports besides ordinary state changes (LED-5, NET-1). */
public enum ModuleFault {
    /** The module did not answer an AT command in time. */
    AT_TIMEOUT,
    /** The network dropped the registration or the packet data connection. */
    NETWORK_LOST,
    /** The module restarted by itself. */
    MODULE_RESTARTED
}
