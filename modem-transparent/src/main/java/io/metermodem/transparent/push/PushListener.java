package io.metermodem.transparent.push;

/**
 * Hears the push readouts of a {@link PushClient} (TR-7), for LEDs, the event log and tests. Called
 * on the modem's scheduler; every method has an empty default.
 */
public interface PushListener {

    /** @param trigger a push started for this reason */
    default void onPushStarted(PushTrigger trigger) {
    }

    /** @param link the connection to the head-end is up and attached to the bridge; its description */
    default void onPushConnected(String link) {
    }

    /** @param trigger arrived while a push ran and was merged into it */
    default void onTriggerCoalesced(PushTrigger trigger) {
    }

    /** @param report the push ended and packet data is released */
    default void onPushFinished(PushReport report) {
    }
}
