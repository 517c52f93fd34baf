package io.metermodem.transparent.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.transparent.bridge.BridgeListener;
import io.metermodem.transparent.bridge.TransparentBridge;
import io.metermodem.transparent.bridge.TransparentSettings;
import io.metermodem.transparent.bridge.tcp.RealTimePacer;
import io.metermodem.transparent.bridge.tcp.TcpTransparentServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transparent channel over TLS (TR-10, SEC-6): the TCP server wraps every accepted connection
 * with the modem's certificate (slot 1), and with {@code tm.verify = 1} admits only head-ends whose
 * certificate the CA in slot 2 issued. Real loopback sockets; waits are socket timeouts.
 *
 * <p>The class {@link Timeout} is a safety net against a hang on real sockets or the wall clock,
 * not a speed assertion.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTransparentServerTest {

    private static final int TIMEOUT_MS = 10_000;
    private static final TlsSettings MODEM_TLS = new TlsSettings(true, 1, 2, true);

    private static TestPki.Issued ca;
    private static TestPki.Issued modem;
    private static TestPki.Issued hes;
    private static TestPki.Issued stranger;

    private final MockBoard board = MockBoard.builder().build();
    private TcpTransparentServer server;
    private RealTimePacer pacer;

    @BeforeAll
    static void pki() throws Exception {
        ca = TestPki.selfSignedCa("Utility CA");
        modem = TestPki.issue(ca, "WM-E2S");
        hes = TestPki.issue(ca, "HES");
        stranger = TestPki.issue(TestPki.selfSignedCa("Rogue CA"), "HES");
    }

    private void start() throws Exception {
        MockSerialPort meter = board.meterEnd();
        meter.open(new LineSettings(115_200, FrameFormat.F8N1));
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
        TransparentSettings settings = TransparentSettings.builder().bindAddress("127.0.0.1").primaryPort(0)
                .noSecondaryPort().meterBaud(115_200).build();
        TransparentBridge bridge = new TransparentBridge(board.scheduler(), board.meterPort(), settings, new BridgeListener() { });
        bridge.start();
        CertificateBank bank = new CertificateBank();
        bank.store(1, "modem", modem.slotPem());
        bank.store(2, "utility CA", ca.certificatePem());
        server = new TcpTransparentServer(board.scheduler(), bridge, bank.serverContext(MODEM_TLS));
        server.start();
        pacer = new RealTimePacer(board.scheduler()::nanoTime, board.scheduler()::advanceTo, Duration.ofMillis(1));
        pacer.start();
    }

    private SSLSocket connect(TestPki.Issued own) throws Exception {
        CertificateBank bank = new CertificateBank();
        bank.store(1, "hes", own.slotPem());
        bank.store(2, "utility CA", ca.certificatePem());
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", server.primaryPort()), TIMEOUT_MS);
        plain.setSoTimeout(TIMEOUT_MS);
        return bank.clientContext(MODEM_TLS).wrapConnected(plain, "127.0.0.1", server.primaryPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (pacer != null) {
            pacer.close();
        }
        board.close();
    }

    @Test
    @DisplayName("TR-10: a head-end with a certificate from the configured CA reads the meter through TLS, all 256 byte values intact")
    void verifiedHeadEnd() throws Exception {
        start();
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try (SSLSocket socket = connect(hes)) {
            socket.getOutputStream().write(all);
            socket.getOutputStream().flush();
            byte[] back = new byte[all.length];
            InputStream in = socket.getInputStream();
            for (int got = 0; got < back.length; ) {
                int n = in.read(back, got, back.length - got);
                if (n < 0) {
                    throw new IOException("closed after " + got + " bytes");
                }
                got += n;
            }
            assertArrayEquals(all, back);
        }
    }

    @Test
    @DisplayName("SEC-6: with tm.verify = 1 a head-end whose certificate another CA issued never reaches the meter")
    void strangerRefused() throws Exception {
        start();
        try (SSLSocket socket = connect(stranger)) {
            assertThrows(IOException.class, () -> {
                socket.getOutputStream().write(new byte[] {'/', '?', '!', '\r', '\n'});
                socket.getOutputStream().flush();
                if (socket.getInputStream().read() < 0) {
                    throw new IOException("closed by the modem");
                }
            });
        }
        assertEquals(0, board.meterEnd().statistics().bytesReceived(), "nothing reached the meter");
    }
}
