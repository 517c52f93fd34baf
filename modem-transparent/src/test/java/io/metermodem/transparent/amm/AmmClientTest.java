package io.metermodem.transparent.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.cellular.MockCellularNetwork;
import io.metermodem.transparent.bridge.Channel;
import io.metermodem.transparent.fakes.FakeConnector;
import io.metermodem.transparent.fakes.FakeConnector.Outcome;
import io.metermodem.transparent.fakes.RecordingAcceptor;
import io.metermodem.transparent.outbound.Endpoint;
import io.metermodem.transparent.outbound.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AmmClientTest {

    private static final Endpoint EI = new Endpoint("ei.example.net", 6000);
    private static final String PASSWORD = "Secr3t-AMM";
    private static final String IMEI = MockCellularNetwork.DEFAULT_IMEI;

    private final MockBoard board = MockBoard.builder().build();
    private final VirtualScheduler scheduler = board.scheduler();
    private final FakeConnector connector = new FakeConnector(scheduler);
    private final RecordingAcceptor bridge = new RecordingAcceptor(false);
    private final List<String> states = new ArrayList<>();
    private final AmmSettings settings = AmmSettings.to(EI, PASSWORD)
            .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(20))
            .withReconnect(RetryPolicy.doubling(Duration.ofSeconds(10), Duration.ofMinutes(10), 4));

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private AmmClient client(AmmSettings ammSettings) {
        return new AmmClient(scheduler, board.network(), connector, bridge, ammSettings,
                (state, detail) -> states.add(state + "@" + scheduler.elapsed().toSeconds()));
    }

    private static long seconds(long nanos) {
        return Duration.ofNanos(nanos).toSeconds();
    }

    @Test
    @DisplayName("TR-8: the client connects, sends LOGIN <imei> <password>, and on OK is CONNECTED with the channel on Channel.AMM")
    void loginSuccess() {
        AmmClient amm = client(settings);
        amm.start();
        scheduler.runDueTasks();

        FakeConnector.Connection ei = connector.last().connection;
        assertEquals("LOGIN " + IMEI + " " + PASSWORD + "\r\n", ei.sentText());
        assertEquals(AmmState.LOGGING_IN, amm.state());
        assertTrue(bridge.attached.isEmpty(), "not attached before the login is accepted");

        ei.serverSends("OK\r\n/?!\r\n");               // acceptance, and at once the first meter request
        scheduler.runDueTasks();

        assertEquals(AmmState.CONNECTED, amm.state());
        assertEquals(Channel.AMM, bridge.last().channel);
        assertEquals("/?!\r\n", bridge.last().receivedText(), "bytes after the acceptance go to the bridge");
        assertEquals(List.of("CONNECTING@0", "LOGGING_IN@0", "CONNECTED@0"), states);
        bridge.last().send("/LGZ5\r\n");
        assertTrue(ei.sentText().endsWith("/LGZ5\r\n"));
    }

    @Test
    @DisplayName("TR-8: a refused login closes the connection and retries after 10 s, then 20 s")
    void loginRefusedRetries() {
        AmmClient amm = client(settings);
        amm.start();
        scheduler.runDueTasks();
        connector.last().connection.serverSends("ERR bad password\r\n");
        scheduler.runDueTasks();

        assertEquals(AmmState.CLOSED, amm.state());
        assertTrue(connector.last().connection.isClosed());
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(2, connector.attempts.size());
        connector.last().connection.serverSends("ERR\n");
        scheduler.advance(Duration.ofSeconds(20));

        assertEquals(List.of(0L, 10L, 30L), connector.attempts.stream().map(a -> seconds(a.atNanos)).toList());
        assertTrue(bridge.attached.isEmpty());
    }

    @Test
    @DisplayName("TR-8: no login reply within the login timeout counts as a failure and is retried")
    void loginTimeout() {
        AmmClient amm = client(settings);
        amm.start();
        scheduler.advance(Duration.ofSeconds(19));
        assertEquals(AmmState.LOGGING_IN, amm.state());

        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(AmmState.CLOSED, amm.state());
        assertEquals(1, amm.consecutiveFailures());

        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(2, connector.attempts.size());
        assertEquals(30, seconds(connector.last().atNanos));
    }

    @Test
    @DisplayName("TR-8: losing the channel closes the bridge link and reconnects after the first backoff step")
    void reconnectAfterLoss() {
        AmmClient amm = client(settings);
        amm.start();
        scheduler.runDueTasks();
        connector.last().connection.serverSends("OK\n");
        scheduler.advance(Duration.ofMinutes(5));

        connector.last().connection.serverCloses("network lost");
        scheduler.runDueTasks();
        assertTrue(bridge.last().isClosed());
        assertEquals(AmmState.CLOSED, amm.state());

        scheduler.advance(Duration.ofSeconds(10));
        connector.last().connection.serverSends("OK\n");
        scheduler.runDueTasks();

        assertEquals(AmmState.CONNECTED, amm.state());
        assertEquals(2, bridge.attached.size());
        assertEquals(2, amm.logins());
        assertEquals(0, amm.consecutiveFailures());
    }

    @Test
    @DisplayName("TR-8: refused connections back off exponentially up to the cap and stop after the attempt limit")
    void boundedBackoff() {
        connector.otherwise(Outcome.REFUSE);
        AmmClient amm = client(settings);
        amm.start();

        scheduler.advance(Duration.ofHours(1));

        assertEquals(List.of(0L, 10L, 30L, 70L), connector.attempts.stream().map(a -> seconds(a.atNanos)).toList());
        assertEquals(AmmState.CLOSED, amm.state());
    }

    @Test
    @DisplayName("TR-8: close() ends the channel and no reconnect follows")
    void closeStops() {
        AmmClient amm = client(settings);
        amm.start();
        scheduler.runDueTasks();
        connector.last().connection.serverSends("OK\n");
        scheduler.runDueTasks();

        amm.close();
        scheduler.advance(Duration.ofHours(1));

        assertEquals(AmmState.IDLE, amm.state());
        assertEquals(1, connector.attempts.size());
        assertTrue(bridge.last().isClosed());
    }

    @Test
    @DisplayName("TR-8: the password never appears in settings, credentials, state details or log lines")
    void passwordMasked() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> details = new ArrayList<>();
        try {
            // slf4j-simple writes to whatever System.err is at the time of each log line.
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            AmmClient amm = new AmmClient(scheduler, board.network(), connector, bridge, settings,
                    (state, detail) -> details.add(detail));
            amm.start();
            scheduler.runDueTasks();
            connector.last().connection.serverSends("ERR\n");
            scheduler.advance(Duration.ofSeconds(10));
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("AMM"), "log lines were captured");
        assertTrue(logs.contains("****"), logs);
        assertFalse(logs.contains(PASSWORD), logs);
        assertFalse(String.join("\n", details).contains(PASSWORD));
        assertFalse(settings.toString().contains(PASSWORD));
        assertFalse(new AmmCredentials(IMEI, "", PASSWORD).toString().contains(PASSWORD));
    }

    @Test
    @DisplayName("TR-8: the login template and acceptance pattern are configurable")
    void customProtocol() {
        LineLoginProtocol protocol = new LineLoginProtocol("AUTH {imsi};{imei};{password}\n", "ACK( .*)?");
        AmmClient amm = client(settings.withProtocol(protocol));
        amm.start();
        scheduler.runDueTasks();

        assertEquals("AUTH " + MockCellularNetwork.DEFAULT_IMSI + ";" + IMEI + ";" + PASSWORD + "\n",
                connector.last().connection.sentText());
        connector.last().connection.serverSends("ACK welcome\n");
        scheduler.runDueTasks();
        assertEquals(AmmState.CONNECTED, amm.state());
    }

    @Test
    @DisplayName("TR-8: the default protocol judges a reply split at any byte")
    void judgesSplitReplies() {
        byte[] reply = "OK\r\nrest".getBytes(StandardCharsets.ISO_8859_1);
        for (int n = 0; n < 4; n++) {
            assertInstanceOf(LoginReply.Incomplete.class, LineLoginProtocol.DEFAULT.judge(reply, n));
        }
        assertEquals(new LoginReply.Accepted(4), LineLoginProtocol.DEFAULT.judge(reply, 4));
        assertInstanceOf(LoginReply.Refused.class,
                LineLoginProtocol.DEFAULT.judge("NO\n".getBytes(StandardCharsets.ISO_8859_1), 3));
    }
}
