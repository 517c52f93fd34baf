package io.metermodem.transparent.amm;

/** Hears the state changes of an {@link AmmClient} (TR-8), for LED-10 and the event log. Called on the modem's scheduler. */
@FunctionalInterface
public interface AmmStateListener {

    /**
     * @param state  the new state
     * @param detail a short reason for logs ("login refused: ERR 3"); never contains the password
     */
    void onStateChanged(AmmState state, String detail);
}
