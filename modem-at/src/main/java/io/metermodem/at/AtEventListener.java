package io.metermodem.at;

/** Receives an interpreter's {@link AtEvent}s, with the interpreter's lock held. */
@FunctionalInterface
public interface AtEventListener {
    /** A listener that ignores everything. */
    AtEventListener IGNORE = event -> { };

    /**
     * Called for each event.
     *
     * @param event what happened
     */
    void onEvent(AtEvent event);
}
