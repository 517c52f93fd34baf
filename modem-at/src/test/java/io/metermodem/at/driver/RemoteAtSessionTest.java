package io.metermodem.at.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.at.AtInterface;
import io.metermodem.at.AtInterpreter;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.Transaction;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.password.PasswordHash;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.mock.MockBoard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The remote interface behind the communication password, without I/O and over TCP. */
class RemoteAtSessionTest {

    private final MockBoard board = MockBoard.builder().build();
    private final ConfigurationService config = ConfigurationService.open(
            ParameterRegistry.wmE2s(PasswordHash.MIN_ITERATIONS),
            new ConfigurationStore(board.nonVolatileMemory(), new AtRestCipher(board.deviceKey())));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void close() {
        board.close();
    }

    private AtInterpreter.Builder builder() {
        return AtInterpreter.builder().scheduler(board.scheduler()).cellularModule(board.cellularModule())
                .configuration(config);
    }

    private String take() {
        String s = out.toString(StandardCharsets.ISO_8859_1);
        out.reset();
        return s;
    }

    private void feed(RemoteAtSession session, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : bytes) {
            session.receive(new byte[] {b}, 0, 1); // one byte at a time: the worst split
        }
    }

    @Test
    @DisplayName("AT-19: the remote interface asks for the communication password and refuses a wrong one")
    void wrongPassword() {
        config.apply(Transaction.builder().set("sec.comm_password", "s3cret-Pw").build());
        RemoteAtSession session = new RemoteAtSession(config, out::writeBytes, builder());
        assertEquals("PASSWORD:", take());
        feed(session, "guess\r\nATI\r");
        assertEquals("\r\nERROR\r\n", take());
        assertTrue(session.ended());
        assertFalse(session.authenticated());
    }

    @Test
    @DisplayName("AT-19: with the right password the peer talks to a remote interpreter")
    void rightPassword() {
        config.apply(Transaction.builder().set("sec.comm_password", "s3cret-Pw").build());
        RemoteAtSession session = new RemoteAtSession(config, out::writeBytes, builder());
        take();
        feed(session, "s3cret-Pw\r\nATE0\r");
        assertEquals("\r\nOK\r\nATE0\r\r\nOK\r\n", take(), "the password is not echoed, commands are");
        assertEquals(AtInterface.REMOTE, session.interpreter().interfaceType());
        feed(session, "AT+CGSN\r");
        assertEquals("\r\nERROR\r\n", take());
        session.close();
    }

    @Test
    @DisplayName("AT-19: an over-long password line fails instead of growing without bound")
    void longPassword() {
        RemoteAtSession session = new RemoteAtSession(config, out::writeBytes, builder());
        take();
        feed(session, "x".repeat(100_000) + "\r");
        assertEquals("\r\nERROR\r\n", take());
        assertTrue(session.ended());
    }

    @Test
    @DisplayName("AT-19: remote AT over TCP: password, then ATI answers and AT+CIMI is refused")
    void overTcp() throws IOException {
        config.apply(Transaction.builder().set("sec.comm_password", "tcp-Pass1").build());
        try (RemoteAtServer server = RemoteAtServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                config, this::builder)) {
            try (Socket wrong = connect(server)) {
                assertEquals("PASSWORD:", readUntil(wrong.getInputStream(), "PASSWORD:"));
                wrong.getOutputStream().write("nope\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("\r\nERROR\r\n", readUntil(wrong.getInputStream(), "ERROR\r\n"));
                assertEquals(-1, wrong.getInputStream().read(), "the server closes the connection");
            }
            try (Socket socket = connect(server)) {
                InputStream in = socket.getInputStream();
                OutputStream os = socket.getOutputStream();
                readUntil(in, "PASSWORD:");
                os.write("tcp-Pass1\r\nATE0\r".getBytes(StandardCharsets.US_ASCII));
                assertEquals("\r\nOK\r\nATE0\r\r\nOK\r\n", readUntil(in, "ATE0\r\r\nOK\r\n"));
                os.write("ATI\r".getBytes(StandardCharsets.US_ASCII));
                assertEquals("\r\nWM-E2S V0.1.0\r\n\r\nOK\r\n", readUntil(in, "OK\r\n"));
                os.write("AT+CIMI\r".getBytes(StandardCharsets.US_ASCII));
                assertEquals("\r\nERROR\r\n", readUntil(in, "ERROR\r\n"));
            }
        }
    }

    private static Socket connect(RemoteAtServer server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
        }
        return sb.toString();
    }
}
