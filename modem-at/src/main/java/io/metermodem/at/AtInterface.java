package io.metermodem.at;

/** Which of the modem's AT interfaces an interpreter serves (AT-19). */
public enum AtInterface {
    /** A serial line plugged into the modem (meter port or console): every command. */
    LOCAL,
    /**
     * The configuration TCP port behind the communication password: call control and the cellular
     * module's commands are refused ({@code ERROR}), {@code AT+S} reports the last known RSSI.
     */
    REMOTE
}
