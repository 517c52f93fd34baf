package io.metermodem.hal.mock.cellular;

import io.metermodem.hal.cellular.CallEndReason;
import io.metermodem.hal.cellular.CellularException;
import io.metermodem.hal.cellular.CsdReceiver;
import io.metermodem.hal.time.Scheduler;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One circuit-switched data call between the modem and a {@link CsdPeer}: both ends' state and the
 * two byte streams. Each direction is a line of {@link MockCellularTimings#csdBitRate()}: a chunk
 * waits for the chunks before it, occupies the line for 10 bits per byte and arrives
 * {@link MockCellularTimings#csdLatency()} later, in one piece.
 */
final class CsdLink {

    /** Bytes buffered for the modem before it sets a receiver; more is an error in the code under test. */
    static final int MAX_UNREAD_BY_MODEM = 64 * 1024;
    /** Bytes kept for the test at the far end; more means the test never takes them. */
    static final int MAX_UNREAD_BY_PEER = 1024 * 1024;

    enum Phase { RINGING, DIALLING, CONNECTING, CONNECTED, ENDED }

    private final MockCellularNetwork network;
    private final Scheduler scheduler;
    private final MockCellularTimings timings;
    private final String remoteNumber;
    private final boolean incoming;
    private final MockCsdCall modemEnd;
    private final CsdPeer peerEnd;
    private Phase phase;
    /** Why the modem's side ended, once it has (it may still wait for delivery to the receiver). */
    private CallEndReason modemEnded;
    private boolean modemEndDelivered;
    private CsdReceiver receiver;
    private byte[] unreadByModem;
    private int unreadByModemLength;
    private CallEndReason peerEnded;
    private byte[] receivedByPeer;
    private int receivedByPeerLength;
    private long lineToPeerBusyUntil;
    private long lineToModemBusyUntil;

    CsdLink(MockCellularNetwork network, Scheduler scheduler, MockCellularTimings timings, String remoteNumber,
            boolean incoming) {
        this.network = network;
        this.scheduler = scheduler;
        this.timings = timings;
        this.remoteNumber = remoteNumber;
        this.incoming = incoming;
        this.phase = incoming ? Phase.RINGING : Phase.DIALLING;
        this.modemEnd = new MockCsdCall(this);
        this.peerEnd = new CsdPeer(this);
    }

    String remoteNumber() {
        return remoteNumber;
    }

    boolean incoming() {
        return incoming;
    }

    MockCsdCall modemEnd() {
        return modemEnd;
    }

    CsdPeer peerEnd() {
        return peerEnd;
    }

    Phase phase() {
        return phase;
    }

    void connecting() {
        phase = Phase.CONNECTING;
    }

    void connected() {
        phase = Phase.CONNECTED;
    }

    boolean modemConnected() {
        return phase == Phase.CONNECTED && modemEnded == null;
    }

    boolean peerConnected() {
        return phase == Phase.CONNECTED && peerEnded == null;
    }

    CallEndReason peerEndReason() {
        return peerEnded;
    }

    // ---- modem side ---------------------------------------------------------------------------

    void modemWrite(byte[] data, int offset, int length) throws CellularException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (!modemConnected()) {
            throw new CellularException(CellularException.Reason.NO_CARRIER, "the data call with "
                    + remoteNumber + " has ended");
        }
        if (length == 0) {
            return;
        }
        byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
        long start = Math.max(scheduler.nanoTime(), lineToPeerBusyUntil);
        lineToPeerBusyUntil = start + timings.csdTransmitTime(length).toNanos();
        scheduler.scheduleAt(lineToPeerBusyUntil + timings.csdLatency().toNanos(), () -> {
            if (peerEnded == null) {
                appendForPeer(copy);
            }
        });
    }

    void setReceiver(CsdReceiver newReceiver) {
        receiver = Objects.requireNonNull(newReceiver, "receiver");
        if (unreadByModemLength > 0) {
            byte[] pending = Arrays.copyOf(unreadByModem, unreadByModemLength);
            unreadByModem = null;
            unreadByModemLength = 0;
            receiver.onData(pending, 0, pending.length);
        }
        deliverModemEnd();
    }

    void modemHangUp() {
        if (modemEnded != null) {
            return;
        }
        endModem(CallEndReason.LOCAL_HANG_UP);
        // The far end notices once the network has passed the disconnect on.
        scheduler.schedule(timings.csdLatency(), () -> endPeer(CallEndReason.REMOTE_HANG_UP));
    }

    private void deliverToModem(byte[] data) {
        if (modemEnded != null) {
            return;
        }
        if (receiver != null) {
            receiver.onData(data, 0, data.length);
            return;
        }
        if (unreadByModemLength + data.length > MAX_UNREAD_BY_MODEM) {
            throw new IllegalStateException("data call from " + remoteNumber + ": more than " + MAX_UNREAD_BY_MODEM
                    + " bytes arrived while the modem set no receiver");
        }
        if (unreadByModem == null || unreadByModem.length < unreadByModemLength + data.length) {
            unreadByModem = Arrays.copyOf(unreadByModem == null ? new byte[0] : unreadByModem,
                    Math.max(256, 2 * (unreadByModemLength + data.length)));
        }
        System.arraycopy(data, 0, unreadByModem, unreadByModemLength, data.length);
        unreadByModemLength += data.length;
    }

    /** Ends the modem's side now; the receiver hears it in a scheduler task, never inside the caller. */
    void endModem(CallEndReason reason) {
        if (modemEnded != null) {
            return;
        }
        modemEnded = reason;
        phase = Phase.ENDED;
        network.callEnded(this);
        scheduler.execute(this::deliverModemEnd);
    }

    private void deliverModemEnd() {
        if (modemEnded != null && receiver != null && !modemEndDelivered) {
            modemEndDelivered = true;
            receiver.onEnded(modemEnded);
        }
    }

    // ---- far end --------------------------------------------------------------------------------

    void peerSend(byte[] data) {
        if (!peerConnected()) {
            throw new IllegalStateException("the far end " + remoteNumber + " cannot send: the call is "
                    + (peerEnded != null ? "ended (" + peerEnded + ")" : phase.name().toLowerCase(Locale.ROOT)));
        }
        if (data.length == 0) {
            return;
        }
        byte[] copy = data.clone();
        long start = Math.max(scheduler.nanoTime(), lineToModemBusyUntil);
        lineToModemBusyUntil = start + timings.csdTransmitTime(copy.length).toNanos();
        scheduler.scheduleAt(lineToModemBusyUntil + timings.csdLatency().toNanos(), () -> deliverToModem(copy));
    }

    void peerHangUp() {
        if (peerEnded != null) {
            return;
        }
        Phase was = phase;
        endPeer(CallEndReason.LOCAL_HANG_UP);
        switch (was) {
            case RINGING -> network.callerGaveUp(this);
            case DIALLING, CONNECTING -> network.callEnded(this); // the pending dial or answer fails
            case CONNECTED -> {
                // NO CARRIER reaches the modem after the bytes already on their way.
                long at = Math.max(scheduler.nanoTime(), lineToModemBusyUntil) + timings.csdLatency().toNanos();
                scheduler.scheduleAt(at, () -> endModem(CallEndReason.REMOTE_HANG_UP));
            }
            case ENDED -> {
            }
        }
    }

    void endPeer(CallEndReason reason) {
        if (peerEnded == null) {
            peerEnded = reason;
        }
    }

    /** Ends both sides at once, e.g. when the network is lost. */
    void endBoth(CallEndReason modemReason, CallEndReason peerReason) {
        endPeer(peerReason);
        if (phase == Phase.CONNECTED) {
            endModem(modemReason);
        } else {
            phase = Phase.ENDED;
            network.callEnded(this);
        }
    }

    boolean isEnded() {
        return phase == Phase.ENDED || peerEnded != null;
    }

    private void appendForPeer(byte[] data) {
        if (receivedByPeerLength + data.length > MAX_UNREAD_BY_PEER) {
            throw new IllegalStateException("far end " + remoteNumber + ": more than " + MAX_UNREAD_BY_PEER
                    + " bytes received and not taken; call takeReceived()");
        }
        if (receivedByPeer == null || receivedByPeer.length < receivedByPeerLength + data.length) {
            receivedByPeer = Arrays.copyOf(receivedByPeer == null ? new byte[0] : receivedByPeer,
                    Math.max(256, 2 * (receivedByPeerLength + data.length)));
        }
        System.arraycopy(data, 0, receivedByPeer, receivedByPeerLength, data.length);
        receivedByPeerLength += data.length;
    }

    byte[] receivedByPeer(boolean take) {
        byte[] copy = receivedByPeer == null ? new byte[0] : Arrays.copyOf(receivedByPeer, receivedByPeerLength);
        if (take) {
            receivedByPeer = null;
            receivedByPeerLength = 0;
        }
        return copy;
    }
}
