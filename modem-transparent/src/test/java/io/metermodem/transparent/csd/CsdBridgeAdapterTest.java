package io.metermodem.transparent.csd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.Apn;
import io.metermodem.hal.cellular.CallEndReason;
import io.metermodem.hal.cellular.CellularListener;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.cellular.CsdCall;
import io.metermodem.hal.cellular.ModuleIdentity;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.cellular.PingResult;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.cellular.CsdPeer;
import io.metermodem.hal.mock.cellular.MockCellularNetwork;
import io.metermodem.transparent.bridge.Channel;
import io.metermodem.transparent.fakes.RecordingAcceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsdBridgeAdapterTest {

    private static final String HES = "+36301234567";

    private final MockBoard board = MockBoard.builder().build();
    private final VirtualScheduler scheduler = board.scheduler();
    private final MockCellularNetwork network = board.network();
    private final RecordingAcceptor bridge = new RecordingAcceptor(true);
    private final List<String> calls = new ArrayList<>();
    private final CsdCallListener ledEvents = new CsdCallListener() {
        @Override
        public void onCallConnected(String caller) {
            calls.add("connected " + caller + " @" + scheduler.elapsed().toMillis());
        }

        @Override
        public void onCallEnded(String caller, CallEndReason reason) {
            calls.add("ended " + caller + " " + reason);
        }

        @Override
        public void onCallRejected(String caller) {
            calls.add("rejected " + caller);
        }
    };

    CsdBridgeAdapterTest() {
        network.registerOn(AccessTechnology.GSM, "Telekom HU");
        scheduler.runDueTasks();
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private CsdBridgeAdapter adapter(CellularModule module, int rings) {
        CsdBridgeAdapter adapter = new CsdBridgeAdapter(scheduler, module, bridge, new CsdSettings(rings), ledEvents);
        adapter.start();
        return adapter;
    }

    @Test
    @DisplayName("TR-6: an incoming data call is answered on the third ring, not before, and attached on Channel.CSD")
    void answersOnThirdRing() {
        adapter(network, CsdSettings.DEFAULT.ringsBeforeAnswer());
        CsdPeer hes = network.incomingCall(HES);

        scheduler.advance(Duration.ofMillis(5_999));        // rings at 0 s and 3 s
        assertTrue(hes.isRinging(), "still ringing after two rings");
        assertTrue(bridge.attached.isEmpty());

        scheduler.advance(Duration.ofMillis(1));            // third ring at 6 s: ATA
        scheduler.advance(network.timings().answer());      // CONNECT 2 s later

        assertTrue(hes.isConnected());
        assertEquals(Channel.CSD, bridge.last().channel);
        assertEquals(List.of("connected " + HES + " @8000"), calls);
    }

    @Test
    @DisplayName("TR-6: the ring count to answer on is configurable")
    void configurableRings() {
        adapter(network, 1);
        CsdPeer hes = network.incomingCall(HES);

        scheduler.advance(network.timings().answer());

        assertTrue(hes.isConnected());
    }

    @Test
    @DisplayName("TR-6: bytes travel both ways between the caller and the bridge")
    void bytesBothWays() {
        adapter(network, 3);
        CsdPeer hes = network.incomingCall(HES);
        scheduler.advance(Duration.ofSeconds(8));

        hes.send("/?!\r\n");                               // the echoing bridge sends it back
        scheduler.advance(Duration.ofSeconds(1));

        assertEquals("/?!\r\n", bridge.last().receivedText());
        assertEquals("/?!\r\n", hes.receivedText());
    }

    @Test
    @DisplayName("TR-6: the caller hanging up closes the link exactly once and reports the call ended")
    void remoteHangUpClosesLink() {
        CsdBridgeAdapter adapter = adapter(network, 3);
        CsdPeer hes = network.incomingCall(HES);
        scheduler.advance(Duration.ofSeconds(8));

        hes.hangUp();
        scheduler.advance(Duration.ofSeconds(1));

        assertTrue(bridge.last().isClosed());
        assertTrue(bridge.last().closedReason.contains("REMOTE_HANG_UP"), bridge.last().closedReason);
        assertFalse(adapter.isCallConnected());
        assertEquals("ended " + HES + " REMOTE_HANG_UP", calls.get(calls.size() - 1));
        assertFalse(bridge.last().send("late"), "a closed link refuses bytes");
    }

    @Test
    @DisplayName("TR-6: the bridge closing the link hangs the call up")
    void bridgeCloseHangsUp() {
        adapter(network, 3);
        CsdPeer hes = network.incomingCall(HES);
        scheduler.advance(Duration.ofSeconds(8));

        bridge.last().link.close("meter session over");
        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(Optional.of(CallEndReason.REMOTE_HANG_UP), hes.endReason());
        assertEquals("meter session over", bridge.last().closedReason);
    }

    @Test
    @DisplayName("TR-6: a second call while one is connected is rejected and logged; the first stays up")
    void secondCallRejected() {
        RingInjectingModule module = new RingInjectingModule(network);
        adapter(module, 3);
        CsdPeer first = network.incomingCall(HES);
        scheduler.advance(Duration.ofSeconds(8));

        module.ring("+36209999999", 1);
        scheduler.runDueTasks();

        assertEquals(1, module.rejects);
        assertEquals("rejected +36209999999", calls.get(calls.size() - 1));
        assertTrue(first.isConnected());
        assertEquals(1, bridge.attached.size());
    }

    @Test
    @DisplayName("TR-6: a caller who gives up before the third ring is not answered")
    void callerGivesUp() {
        adapter(network, 3);
        CsdPeer hes = network.incomingCall(HES, 2);

        scheduler.advance(Duration.ofSeconds(20));

        assertFalse(hes.isConnected());
        assertTrue(bridge.attached.isEmpty());
    }

    /**
     * The mock network holds one call at a time, so a second caller (call waiting) is injected here as
     * an extra RING report, and rejections are counted.
     */
    private static final class RingInjectingModule implements CellularModule {
        private final MockCellularNetwork delegate;
        private final List<CellularListener> listeners = new ArrayList<>();
        int rejects;

        RingInjectingModule(MockCellularNetwork delegate) {
            this.delegate = delegate;
        }

        void ring(String caller, int count) {
            listeners.forEach(l -> l.onRing(caller, count));
        }

        @Override
        public CellularStatus status() {
            return delegate.status();
        }

        @Override
        public ModuleIdentity identity() {
            return delegate.identity();
        }

        @Override
        public void addListener(CellularListener listener) {
            listeners.add(listener);
            delegate.addListener(listener);
        }

        @Override
        public void removeListener(CellularListener listener) {
            listeners.remove(listener);
            delegate.removeListener(listener);
        }

        @Override
        public CompletionStage<Void> enterPin(String pin) {
            return delegate.enterPin(pin);
        }

        @Override
        public CompletionStage<Integer> sendSms(OutgoingSms sms) {
            return delegate.sendSms(sms);
        }

        @Override
        public CompletionStage<CsdCall> answer() {
            return delegate.answer();
        }

        @Override
        public CompletionStage<CsdCall> dial(String number) {
            return delegate.dial(number);
        }

        @Override
        public void reject() {
            rejects++;
            delegate.reject();
        }

        @Override
        public CompletionStage<String> activatePacketData(Apn apn) {
            return delegate.activatePacketData(apn);
        }

        @Override
        public CompletionStage<Void> deactivatePacketData() {
            return delegate.deactivatePacketData();
        }

        @Override
        public CompletionStage<PingResult> ping(String host, Duration timeout) {
            return delegate.ping(host, timeout);
        }

        @Override
        public CompletionStage<Void> restart() {
            return delegate.restart();
        }
    }
}
