package io.metermodem.hal.mock.cellular;

import static io.metermodem.hal.mock.cellular.Outcome.failure;
import static io.metermodem.hal.mock.cellular.Outcome.isPending;
import static io.metermodem.hal.mock.cellular.Outcome.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.Apn;
import io.metermodem.hal.cellular.CellularException.Reason;
import io.metermodem.hal.cellular.PingResult;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.mock.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MockPacketDataTest {

    private static final Apn APN = Apn.of("internet.telekom");

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final MockCellularNetwork network = new MockCellularNetwork(scheduler);
    private final RecordingListener listener = new RecordingListener(scheduler);

    MockPacketDataTest() {
        network.addListener(listener);
    }

    private String up() {
        network.registerOn(AccessTechnology.LTE, "Telekom HU");
        CompletionStage<String> activation = network.activatePacketData(APN);
        scheduler.advance(Duration.ofMillis(1500));
        listener.events.clear();
        return value(activation);
    }

    @Test
    @DisplayName("HAL-7: packet data comes up after 1.5 s with a 10.x address shown in the status")
    void activate() {
        network.registerOn(AccessTechnology.LTE, "Telekom HU");

        CompletionStage<String> activation = network.activatePacketData(APN);
        scheduler.advance(Duration.ofMillis(1499));
        assertTrue(isPending(activation));
        scheduler.advance(Duration.ofMillis(1));

        assertEquals("10.64.0.1", value(activation));
        assertEquals(Optional.of("10.64.0.1"), network.status().ipAddress());
        assertTrue(listener.lastStatus().packetDataUp());
        assertEquals(Optional.of(APN), network.activeApn());
        CompletionStage<String> again = network.activatePacketData(APN);
        scheduler.advance(Duration.ofMillis(100));
        assertEquals("10.64.0.1", value(again));
    }

    @Test
    @DisplayName("HAL-7: activation fails with NOT_REGISTERED without network and REFUSED for a rejected APN")
    void activationFailures() {
        CompletionStage<String> unregistered = network.activatePacketData(APN);
        scheduler.advance(Duration.ofMillis(100));
        assertEquals(Reason.NOT_REGISTERED, failure(unregistered));

        network.registerOn(AccessTechnology.LTE, "Telekom HU").rejectApn("internet.telekom");
        CompletionStage<String> rejected = network.activatePacketData(APN);
        scheduler.advance(Duration.ofMillis(1500));
        assertEquals(Reason.REFUSED, failure(rejected));

        network.acceptApn("internet.telekom").nextIpAddress("10.1.2.3");
        CompletionStage<String> accepted = network.activatePacketData(APN);
        scheduler.advance(Duration.ofMillis(1500));
        assertEquals("10.1.2.3", value(accepted));
    }

    @Test
    @DisplayName("HAL-7: deactivation takes the address away after 500 ms without reporting a fault")
    void deactivate() {
        up();

        CompletionStage<Void> down = network.deactivatePacketData();
        scheduler.advance(Duration.ofMillis(500));

        assertEquals(null, value(down));
        assertEquals(Optional.empty(), network.status().ipAddress());
        assertEquals(List.of("status:READY/REGISTERED_HOME/LTE/-75dBm@2000"), listener.events);
    }

    @Test
    @DisplayName("HAL-7: a network drop takes packet data down, keeps registration and reports NETWORK_LOST")
    void networkDrop() {
        up();

        network.dropNetwork();
        scheduler.runDueTasks();

        assertEquals(RegistrationState.REGISTERED_HOME, network.status().registration());
        assertEquals(Optional.empty(), network.status().ipAddress());
        assertEquals(List.of("status:READY/REGISTERED_HOME/LTE/-75dBm@1500", "fault:NETWORK_LOST@1500"),
                listener.events);
        network.dropNetwork(); // nothing left to drop: no second fault
        scheduler.runDueTasks();
        assertEquals(2, listener.events.size());
    }

    @Test
    @DisplayName("HAL-7: losing registration takes packet data down with it")
    void registrationLossDropsPacketData() {
        up();

        network.loseNetwork();
        scheduler.runDueTasks();

        assertEquals(Optional.empty(), network.status().ipAddress());
        assertEquals(List.of("status:READY/SEARCHING/NONE@1500", "fault:NETWORK_LOST@1500"), listener.events);
    }

    @Test
    @DisplayName("HAL-7: a ping is answered after the scripted round trip")
    void pingReply() {
        up();
        network.pingRoundTrip("8.8.8.8", Duration.ofMillis(300));

        CompletionStage<PingResult> ping = network.ping("8.8.8.8", Duration.ofSeconds(5));
        scheduler.advance(Duration.ofMillis(299));
        assertTrue(isPending(ping));
        scheduler.advance(Duration.ofMillis(1));

        assertEquals(new PingResult("8.8.8.8", Optional.of(Duration.ofMillis(300))), value(ping));
        CompletionStage<PingResult> other = network.ping("1.1.1.1", Duration.ofSeconds(5));
        scheduler.advance(Duration.ofMillis(60));
        assertTrue(value(other).replied());
        assertEquals(2, network.pingsSent());
    }

    @Test
    @DisplayName("HAL-7: a ping without reply, or with a reply slower than the wait, is an empty result at the timeout")
    void pingTimeout() {
        up();
        network.pingNoReply("10.0.0.1").pingRoundTrip(Duration.ofSeconds(3));

        CompletionStage<PingResult> lost = network.ping("10.0.0.1", Duration.ofSeconds(2));
        CompletionStage<PingResult> slow = network.ping("8.8.8.8", Duration.ofSeconds(2));
        scheduler.advance(Duration.ofMillis(1999));
        assertTrue(isPending(lost));
        scheduler.advance(Duration.ofMillis(1));

        assertEquals(new PingResult("10.0.0.1", Optional.empty()), value(lost));
        assertEquals(new PingResult("8.8.8.8", Optional.empty()), value(slow));
        assertThrows(IllegalArgumentException.class, () -> network.ping("8.8.8.8", Duration.ZERO));
    }

    @Test
    @DisplayName("HAL-7: ping needs packet data; a drop while waiting loses the reply")
    void pingWithoutPacketData() {
        network.registerOn(AccessTechnology.LTE, "Telekom HU");
        CompletionStage<PingResult> noData = network.ping("8.8.8.8", Duration.ofSeconds(1));
        scheduler.advance(Duration.ofMillis(100));
        assertEquals(Reason.NO_PACKET_DATA, failure(noData));

        network.activatePacketData(APN);
        scheduler.advance(Duration.ofSeconds(2));
        network.pingRoundTrip(Duration.ofMillis(500));
        CompletionStage<PingResult> dropped = network.ping("8.8.8.8", Duration.ofSeconds(1));
        scheduler.advance(Duration.ofMillis(200));
        network.dropNetwork();
        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(Optional.empty(), value(dropped).roundTrip());
    }

    @Test
    @DisplayName("HAL-7: with the module not answering, packet data fails with TIMEOUT after the AT timeout")
    void activationTimesOut() {
        network.registerOn(AccessTechnology.LTE, "Telekom HU").atTimeout();

        CompletionStage<String> activation = network.activatePacketData(APN);
        scheduler.advance(Duration.ofSeconds(5));

        assertEquals(Reason.TIMEOUT, failure(activation));
        assertTrue(listener.kinds().contains("fault:AT_TIMEOUT"));
    }
}
