package io.metermodem.transparent.bridge.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.transparent.bridge.BridgeListener;
import io.metermodem.transparent.bridge.Channel;
import io.metermodem.transparent.bridge.TransparentBridge;
import io.metermodem.transparent.bridge.TransparentSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The TCP driver over real loopback sockets, with the mock board's virtual scheduler paced in real
 * time. Waits are bounded socket read time-outs and latches, never sleeps.
 *
 * <p>The class {@link Timeout} is a safety net against a hang on real sockets or the wall clock,
 * not a speed assertion.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpTransparentServerTest {

    private static final int TIMEOUT_MS = 10_000;
    private static final LineSettings FAST_8N1 = new LineSettings(115_200, FrameFormat.F8N1);

    private final MockBoard board = MockBoard.builder().build();
    private final List<Channel> started = new CopyOnWriteArrayList<>();
    private final CountDownLatch refused = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private TransparentBridge bridge;
    private TcpTransparentServer server;
    private RealTimePacer pacer;

    private void start(TransparentSettings settings) throws IOException {
        MockSerialPort meter = board.meterEnd();
        meter.open(FAST_8N1);
        meter.setListener(new SerialListener() { // an echoing meter
            @Override
            public void onData(byte[] data, int offset, int length) {
                try {
                    meter.write(data, offset, length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        bridge = new TransparentBridge(board.scheduler(), board.meterPort(), settings, new BridgeListener() {
            @Override
            public void sessionStarted(Channel channel, String link) {
                started.add(channel);
            }

            @Override
            public void sessionEnded(Channel channel, String link, String reason) {
                ended.countDown();
            }

            @Override
            public void connectionRefused(String link, String reason) {
                refused.countDown();
            }
        });
        bridge.start(); // before the pacer runs, this thread is the scheduler's
        server = new TcpTransparentServer(board.scheduler(), bridge);
        server.start();
        pacer = new RealTimePacer(board.scheduler()::nanoTime, board.scheduler()::advanceTo, Duration.ofMillis(1));
        pacer.start();
    }

    private static TransparentSettings.Builder settings() {
        return TransparentSettings.builder().bindAddress("127.0.0.1").primaryPort(0).meterBaud(115_200);
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        if (pacer != null) {
            pacer.close();
        }
        board.close();
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
        socket.setSoTimeout(TIMEOUT_MS);
        return socket;
    }

    private static byte[] readFully(Socket socket, int n) throws IOException {
        byte[] buffer = new byte[n];
        InputStream in = socket.getInputStream();
        int got = 0;
        while (got < n) {
            int r = in.read(buffer, got, n - got);
            if (r < 0) {
                throw new IOException("connection closed after " + got + " of " + n + " bytes");
            }
            got += r;
        }
        return buffer;
    }

    private static byte[] allByteValues() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    @Test
    @DisplayName("TR-1: all 256 byte values go TCP -> bridge -> meter and back unchanged")
    void roundTripOverTcp() throws IOException {
        start(settings().build());
        try (Socket hes = connect(server.primaryPort())) {
            hes.getOutputStream().write(allByteValues());
            assertArrayEquals(allByteValues(), readFully(hes, 256));
        }
    }

    @Test
    @DisplayName("TR-2: a connection beyond the per-port limit is refused, closed and reported")
    void refusesBeyondLimit() throws Exception {
        start(settings().maxConnectionsPerPort(1).build());
        try (Socket first = connect(server.primaryPort()); Socket second = connect(server.primaryPort())) {
            first.getOutputStream().write('x');
            assertArrayEquals(new byte[] {'x'}, readFully(first, 1), "the first connection is served");
            int r;
            try {
                r = second.getInputStream().read();
            } catch (SocketException reset) {
                r = -1;
            }
            assertEquals(-1, r, "the second connection is closed by the modem");
            assertTrue(refused.await(TIMEOUT_MS, TimeUnit.MILLISECONDS), "the refusal reaches the bridge");
        }
    }

    @Test
    @DisplayName("TR-2/TR-3: the primary and secondary ports listen separately and attach their channels")
    void twoPorts() throws Exception {
        start(settings().secondaryPort(0).build());
        int primary = server.primaryPort();
        int secondary = server.secondaryPort().orElseThrow();
        assertNotEquals(primary, secondary);
        try (Socket customer = connect(secondary)) {
            customer.getOutputStream().write(new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, readFully(customer, 3));
        }
        assertTrue(ended.await(TIMEOUT_MS, TimeUnit.MILLISECONDS), "the customer session ends with its socket");
        try (Socket utility = connect(primary)) {
            utility.getOutputStream().write(new byte[] {4, 5});
            assertArrayEquals(new byte[] {4, 5}, readFully(utility, 2));
        }
        assertEquals(List.of(Channel.SECONDARY, Channel.PRIMARY), started);
    }

    @Test
    @DisplayName("TR-2: closing the server cuts its connections")
    void closeCutsConnections() throws Exception {
        start(settings().build());
        try (Socket hes = connect(server.primaryPort())) {
            hes.getOutputStream().write('a');
            readFully(hes, 1);
            server.close();
            int r;
            try {
                r = hes.getInputStream().read();
            } catch (SocketException reset) {
                r = -1;
            }
            assertEquals(-1, r);
            assertTrue(ended.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    @DisplayName("TR-2: a port already in use fails start with an IOException naming it")
    void portInUse() throws Exception {
        start(settings().build());
        TransparentSettings clash = settings().primaryPort(server.primaryPort()).build();
        TransparentBridge other = new TransparentBridge(board.scheduler(), board.meterPort(), clash, new BridgeListener() {
        });
        try (TcpTransparentServer second = new TcpTransparentServer(board.scheduler(), other)) {
            IOException e = assertThrows(IOException.class, second::start);
            assertTrue(e.getMessage().contains(String.valueOf(server.primaryPort())), e.getMessage());
        }
    }
}
