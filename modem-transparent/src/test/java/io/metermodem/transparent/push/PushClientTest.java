package io.metermodem.transparent.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.Apn;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.cellular.MockCellularNetwork;
import io.metermodem.transparent.bridge.Channel;
import io.metermodem.transparent.fakes.FakeConnector;
import io.metermodem.transparent.fakes.FakeConnector.Outcome;
import io.metermodem.transparent.fakes.RecordingAcceptor;
import io.metermodem.transparent.outbound.Endpoint;
import io.metermodem.transparent.outbound.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PushClientTest {

    private static final Endpoint HES = new Endpoint("hes.example.net", 9100);
    private static final Apn APN = Apn.of("m2m.example");
    private static final Duration PDP_UP = Duration.ofMillis(1500);   // MockCellularTimings.DEFAULT
    private static final Duration PDP_DOWN = Duration.ofMillis(500);

    // Wall clock at virtual zero is 00:07, so quarter-hour alignment puts the first push at 8 min.
    private final MockBoard board = MockBoard.builder().epoch(Instant.parse("2026-01-01T00:07:00Z")).build();
    private final VirtualScheduler scheduler = board.scheduler();
    private final MockCellularNetwork network = board.network();
    private final FakeConnector connector = new FakeConnector(scheduler);
    private final RecordingAcceptor bridge = new RecordingAcceptor(false);
    private final List<PushReport> reports = new ArrayList<>();
    private final List<Boolean> packetDataAtConnect = new ArrayList<>();
    private final PushListener listener = new PushListener() {
        @Override
        public void onPushConnected(String link) {
            packetDataAtConnect.add(network.activeApn().isPresent());
        }

        @Override
        public void onPushFinished(PushReport report) {
            reports.add(report);
        }
    };

    private final PushSettings settings = PushSettings.to(HES)
            .withInterval(Duration.ofMinutes(15), true)
            .withPacketData(APN)
            .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(10))
            .withRetry(RetryPolicy.doubling(Duration.ofSeconds(10), Duration.ofMinutes(5), 3));

    PushClientTest() {
        network.registerOn(AccessTechnology.LTE, "Telekom HU");
        scheduler.runDueTasks();
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private PushClient client(PushSettings pushSettings) {
        return new PushClient(scheduler, network, connector, bridge, pushSettings, listener);
    }

    private static long seconds(long nanos) {
        return Duration.ofNanos(nanos).toMillis() / 1000;
    }

    @Test
    @DisplayName("TR-7: aligned interval pushes connect at every quarter hour on the wall clock, packet data up only while sending")
    void alignedIntervalPushes() {
        PushClient push = client(settings);
        push.start();

        for (int i = 0; i < 2; i++) {
            scheduler.advance(Duration.ofMinutes(8 + 15L * i).minus(scheduler.elapsed()).plus(PDP_UP));
            FakeConnector.Connection hes = connector.last().connection;
            assertEquals(Duration.ofMinutes(8 + 15L * i).plus(PDP_UP).toNanos(), connector.last().atNanos);
            scheduler.runDueTasks();
            assertEquals(Channel.PUSH, bridge.last().channel);
            assertTrue(network.activeApn().isPresent(), "packet data up during the push");

            hes.serverSends("/?!\r\n");              // the head-end reads the meter, then hangs up
            scheduler.advance(Duration.ofSeconds(5));
            hes.serverCloses("readout done");
            scheduler.advance(PDP_DOWN.plusMillis(1));
            assertTrue(network.activeApn().isEmpty(), "packet data down after the push");
        }
        assertEquals(List.of(true, true), packetDataAtConnect);
        assertEquals(2, reports.size());
        assertEquals(PushOutcome.COMPLETED, reports.get(0).outcome());
        assertEquals(PushTrigger.INTERVAL, reports.get(0).trigger());
        assertEquals("/?!\r\n", bridge.attached.get(0).receivedText());
        assertTrue(bridge.attached.get(0).isClosed());
    }

    @Test
    @DisplayName("TR-7: unaligned interval pushes count from start()")
    void intervalFromStart() {
        client(settings.withInterval(Duration.ofMinutes(10), false)).start();

        scheduler.advance(Duration.ofMinutes(10).plus(PDP_UP));

        assertEquals(1, connector.attempts.size());
        assertEquals(600 + 1, seconds(connector.last().atNanos));
    }

    @Test
    @DisplayName("TR-7: an event (meter cover removed) starts a push at once; without an interval nothing else is pushed")
    void eventTrigger() {
        PushClient push = client(settings.withInterval(Duration.ZERO, false));
        push.start();

        assertTrue(push.trigger(PushTrigger.METER_COVER_REMOVED));
        scheduler.advance(PDP_UP);
        scheduler.runDueTasks();

        assertEquals(1, bridge.attached.size());
        assertTrue(push.isPushing());
        scheduler.advance(Duration.ofHours(2));
        assertEquals(1, connector.attempts.size());
    }

    @Test
    @DisplayName("TR-7: a trigger during a push is coalesced into it, never a second connection")
    void coalescing() {
        PushClient push = client(settings);
        push.trigger(PushTrigger.INCOMING_SMS);
        scheduler.advance(Duration.ofSeconds(3));

        assertFalse(push.trigger(PushTrigger.METER_COVER_REMOVED));
        assertFalse(push.trigger(PushTrigger.MANUAL));
        connector.last().connection.serverCloses("done");
        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(1, connector.attempts.size());
        assertEquals(1, push.pushesStarted());
        assertEquals(2, reports.get(0).coalesced());
        assertFalse(push.isPushing());
        assertTrue(push.trigger(PushTrigger.MANUAL), "a trigger after the push starts a new one");
    }

    @Test
    @DisplayName("TR-7: a refused connection is retried after 10 s, then 20 s; packet data stays up meanwhile")
    void retryBackoff() {
        connector.then(Outcome.REFUSE, Outcome.REFUSE, Outcome.ACCEPT);
        PushClient push = client(settings);
        push.trigger(PushTrigger.MANUAL);

        scheduler.advance(Duration.ofMinutes(1));

        assertEquals(List.of(1L, 11L, 31L), connector.attempts.stream().map(a -> seconds(a.atNanos)).toList());
        assertEquals(1, bridge.attached.size());
        assertTrue(network.activeApn().isPresent());
    }

    @Test
    @DisplayName("TR-7: after the last allowed attempt the push gives up and releases packet data")
    void givesUp() {
        connector.otherwise(Outcome.REFUSE);
        PushClient push = client(settings);
        push.trigger(PushTrigger.MANUAL);

        scheduler.advance(Duration.ofMinutes(5));

        assertEquals(3, connector.attempts.size());
        assertEquals(PushOutcome.GAVE_UP, reports.get(0).outcome());
        assertTrue(reports.get(0).lastError().contains("refused"), reports.get(0).lastError());
        assertTrue(network.activeApn().isEmpty());
        assertFalse(push.isPushing());
    }

    @Test
    @DisplayName("TR-7: a rejected APN counts as a failed attempt and is retried")
    void packetDataFailureRetried() {
        network.rejectApn(APN.name());
        PushClient push = client(settings);
        push.trigger(PushTrigger.MANUAL);

        scheduler.advance(Duration.ofSeconds(5));
        network.acceptApn(APN.name());
        scheduler.advance(Duration.ofSeconds(10));

        assertEquals(1, connector.attempts.size());
        assertEquals(seconds(Duration.ofMillis(1500 + 10_000 + 1500).toNanos()), seconds(connector.last().atNanos));
    }

    @Test
    @DisplayName("TR-7: the modem closes a push after the idle timeout; traffic in either direction restarts it")
    void idleTimeout() {
        PushClient push = client(settings);
        push.trigger(PushTrigger.MANUAL);
        scheduler.advance(PDP_UP);
        scheduler.runDueTasks();
        long connectedAt = scheduler.nanoTime();

        scheduler.advance(Duration.ofSeconds(30));
        bridge.last().send("meter data");                 // activity at +30 s
        scheduler.advance(Duration.ofSeconds(89).minus(Duration.ofSeconds(30)));
        assertFalse(bridge.last().isClosed(), "idle only since +30 s");
        scheduler.advance(Duration.ofSeconds(2));

        assertTrue(bridge.last().isClosed());
        assertEquals("meter data", connector.last().connection.sentText());
        assertTrue(bridge.last().closedReason.contains("no traffic"), bridge.last().closedReason);
        assertTrue(scheduler.nanoTime() - connectedAt >= Duration.ofSeconds(90).toNanos());
        scheduler.advance(PDP_DOWN);
        assertEquals(PushOutcome.IDLE_TIMEOUT, reports.get(0).outcome());
        assertTrue(network.activeApn().isEmpty());
    }

    @Test
    @DisplayName("TR-7: the modem closes a push at its maximum duration even while traffic flows")
    void maxDuration() {
        PushClient push = client(settings.withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(2)));
        push.trigger(PushTrigger.MANUAL);
        scheduler.advance(PDP_UP);
        for (int i = 0; i < 5; i++) {
            scheduler.advance(Duration.ofSeconds(30));
            connector.last().connection.serverSends("x");
        }
        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(PushOutcome.MAX_DURATION, reports.get(0).outcome());
    }

    @Test
    @DisplayName("TR-7: close() stops interval pushes and ends a running push")
    void closeStops() {
        PushClient push = client(settings);
        push.start();
        scheduler.advance(Duration.ofMinutes(8).plus(PDP_UP));
        scheduler.runDueTasks();

        push.close();
        scheduler.advance(Duration.ofHours(1));

        assertEquals(PushOutcome.STOPPED, reports.get(0).outcome());
        assertEquals(1, connector.attempts.size());
        assertTrue(network.activeApn().isEmpty());
    }

    @Test
    @DisplayName("TR-7: the next wall-clock boundary of an interval")
    void boundary() {
        assertEquals(Duration.ofMinutes(8),
                PushClient.untilNextBoundary(Instant.parse("2026-01-01T00:07:00Z"), Duration.ofMinutes(15)));
        assertEquals(Duration.ofMinutes(15),
                PushClient.untilNextBoundary(Instant.parse("2026-01-01T00:15:00Z"), Duration.ofMinutes(15)));
    }
}
