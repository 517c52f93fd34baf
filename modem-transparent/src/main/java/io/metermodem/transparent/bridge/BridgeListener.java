package io.metermodem.transparent.bridge;

import io.metermodem.hal.serial.LineSettings;
import java.io.IOException;

/**
 * What the {@link TransparentBridge} tells the rest of the firmware, mainly the LED module (bridge
 * activity, meter link) and the status model. All methods have empty defaults; they are called on
 * the modem's scheduler and must not block. An exception thrown here is logged and ignored.
 */
public interface BridgeListener {

    /**
     * A head-end link was attached (TR-1, TR-3).
     *
     * @param channel the channel it came on
     * @param link    the link's description
     */
    default void sessionStarted(Channel channel, String link) {
    }

    /**
     * A session ended; nothing more goes to or comes from its link.
     *
     * @param channel the channel
     * @param link    the link's description
     * @param reason  why, as logged
     */
    default void sessionEnded(Channel channel, String link, String reason) {
    }

    /**
     * A session lost the meter line to one of a higher-priority channel (TR-3); it waits.
     *
     * @param channel the paused session's channel
     * @param link    the paused session's link
     * @param by      the channel that took the line
     */
    default void sessionPreempted(Channel channel, String link, Channel by) {
    }

    /**
     * A pre-empted session owns the meter line again (TR-3).
     *
     * @param channel the channel
     * @param link    the link
     */
    default void sessionResumed(Channel channel, String link) {
    }

    /** The meter started answering: its first bytes after bytes were sent to it. */
    default void meterAnswering() {
    }

    /** The meter did not answer within the meter silence time-out after bytes were sent to it. */
    default void meterSilent() {
    }

    /**
     * The meter port failed; the session that owned the line was ended.
     *
     * @param error the failure
     */
    default void meterPortError(IOException error) {
    }

    /**
     * A connection was refused (too many connections or sessions, bridge closed).
     *
     * @param link   the refused link's description
     * @param reason why
     */
    default void connectionRefused(String link, String reason) {
    }

    /**
     * The meter line settings changed (TR-4, TR-5, TR-11).
     *
     * @param settings the new settings
     * @param reason   why, e.g. {@code "auto: IEC_62056_21"} or {@code "IEC OPTION_SELECT"}
     */
    default void lineSettingsChanged(LineSettings settings, String reason) {
    }
}
