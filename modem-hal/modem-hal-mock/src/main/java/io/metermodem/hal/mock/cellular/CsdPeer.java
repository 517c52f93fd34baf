package io.metermodem.hal.mock.cellular;

import io.metermodem.hal.cellular.CallEndReason;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The far end of a data call through the {@link MockCellularNetwork} (HAL-7, TR-6): the head-end
 * modem calling the meter modem, or the one it dials. The test sends bytes to the modem, reads what
 * the modem sent and hangs up, all in virtual time:
 *
 * <pre>{@code
 * CsdPeer hes = network.incomingCall("+36301234567");
 * scheduler.advance(Duration.ofSeconds(7));          // three RINGs; the firmware answers
 * hes.send("/?!\r\n");                               // reaches the modem after 10 bits per byte
 * scheduler.advance(Duration.ofSeconds(1));
 * assertEquals("/LGZ5\r\n", hes.receivedText());
 * hes.hangUp();                                      // the modem's receiver hears REMOTE_HANG_UP
 * }</pre>
 *
 * <p>Received bytes are kept until {@link #takeReceived()}, at most 1 MiB.
 */
public final class CsdPeer {

    private final CsdLink link;

    CsdPeer(CsdLink link) {
        this.link = link;
    }

    /** @return the far end's number: the caller of an incoming call, the dialled number of an outgoing one */
    public String number() {
        return link.remoteNumber();
    }

    /** @return whether the modem's side called ({@code false} for a call the far end placed) */
    public boolean isDialledByModem() {
        return !link.incoming();
    }

    /** @return whether the call still rings at the modem, unanswered */
    public boolean isRinging() {
        return link.phase() == CsdLink.Phase.RINGING && link.peerEndReason() == null;
    }

    /** @return whether the call is connected as seen from this end */
    public boolean isConnected() {
        return link.peerConnected();
    }

    /**
     * Why the call ended for this end: {@link CallEndReason#REMOTE_HANG_UP} when the modem hung up or
     * rejected, {@link CallEndReason#LOCAL_HANG_UP} after {@link #hangUp()},
     * {@link CallEndReason#MISSED} when this caller gave up ringing, {@link CallEndReason#NETWORK_LOST}.
     *
     * @return the reason, empty while the call is not over
     */
    public Optional<CallEndReason> endReason() {
        return Optional.ofNullable(link.peerEndReason());
    }

    /**
     * Sends bytes to the modem; they arrive after their time on the line plus the network delay.
     *
     * @param data the bytes
     * @return this
     * @throws IllegalStateException if the call is not connected
     */
    public CsdPeer send(byte[] data) {
        link.peerSend(data);
        return this;
    }

    /**
     * Sends text as ISO-8859-1 bytes.
     *
     * @param text the characters, each 0..255
     * @return this
     * @throws IllegalStateException if the call is not connected
     */
    public CsdPeer send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** @return a copy of the bytes received from the modem and not yet taken */
    public byte[] received() {
        return link.receivedByPeer(false);
    }

    /** @return {@link #received()} as ISO-8859-1 text */
    public String receivedText() {
        return new String(received(), StandardCharsets.ISO_8859_1);
    }

    /** @return the bytes received and not yet taken, which are then forgotten */
    public byte[] takeReceived() {
        return link.receivedByPeer(true);
    }

    /**
     * Hangs up: before the modem answered, the caller gives up (the modem hears
     * {@code onRingingStopped(MISSED)}); during the call, the modem's receiver hears
     * {@link CallEndReason#REMOTE_HANG_UP} after the bytes already on their way. Harmless once ended.
     */
    public void hangUp() {
        link.peerHangUp();
    }

    @Override
    public String toString() {
        return "CsdPeer[" + number() + ", " + (isConnected() ? "connected" : isRinging() ? "ringing"
                : endReason().map(Enum::name).orElse(link.phase().name())) + "]";
    }
}
