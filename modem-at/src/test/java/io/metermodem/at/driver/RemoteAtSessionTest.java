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
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The remote interface behind the communication password (AT-19, SEC-5), without I/O and over TCP. */
class RemoteAtSessionTest {

    /** Far more than any answer here: a bound for the read loop, whatever the server sends. */
    private static final int MAX_READ = 4_096;

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
        assertEquals("", take(), "no answer before the delay");
        assertTrue(session.checking());
        board.advance(Duration.ofMillis(999));
        assertEquals("", take());
        assertFalse(session.ended());
        board.advance(Duration.ofMillis(1));
        assertEquals("\r\nERROR\r\n", take(), "ERROR after 1 s of virtual time; ATI was discarded");
        assertTrue(session.ended());
        assertFalse(session.authenticated());
    }

    @Test
    @DisplayName("AT-19: wrong passwords from one source are answered after 1, 2, 4 ... s, at most 32 s; another source starts at 1 s")
    void delayDoublesPerSource() {
        config.apply(Transaction.builder().set("sec.comm_password", "s3cret-Pw").build());
        PasswordThrottle throttle = new PasswordThrottle();
        long[] expectedSeconds = {1, 2, 4, 8, 16, 32, 32, 32};
        for (long seconds : expectedSeconds) {
            assertEquals(Duration.ofSeconds(seconds), wrongAttempt(throttle, "192.0.2.7"));
        }
        assertEquals(Duration.ofSeconds(1), wrongAttempt(throttle, "198.51.100.1"), "sources are separate");
        assertEquals(Duration.ofSeconds(32), wrongAttempt(throttle, "192.0.2.7"));
    }

    @Test
    @DisplayName("AT-19: a right password clears the source's failures; a source quiet for 15 min starts again at 1 s")
    void delayResets() {
        config.apply(Transaction.builder().set("sec.comm_password", "s3cret-Pw").build());
        PasswordThrottle throttle = new PasswordThrottle();
        wrongAttempt(throttle, "a");
        wrongAttempt(throttle, "a");
        assertEquals(Duration.ofSeconds(4), wrongAttempt(throttle, "a"));
        List<Integer> ends = new ArrayList<>();
        RemoteAtSession ok = new RemoteAtSession(config, out::writeBytes, builder(), throttle, "a", () -> ends.add(1));
        take();
        feed(ok, "s3cret-Pw\r");
        assertEquals("\r\nOK\r\n", take(), "the block was over, the password is checked at once");
        ok.close();
        assertEquals(Duration.ofSeconds(1), wrongAttempt(throttle, "a"));
        assertEquals(Duration.ofSeconds(2), wrongAttempt(throttle, "a"));
        board.advance(PasswordThrottle.FORGET_AFTER.plusSeconds(1));
        assertEquals(Duration.ofSeconds(1), wrongAttempt(throttle, "a"));
        assertEquals(List.of(), ends, "a session that logged in does not end by itself");
    }

    @Test
    @DisplayName("AT-19: while a source is blocked, its next password (on another connection, even the right one) waits; hanging up gains nothing")
    void blockedSourceWaits() {
        config.apply(Transaction.builder().set("sec.comm_password", "s3cret-Pw").build());
        PasswordThrottle throttle = new PasswordThrottle();
        List<String> ended = new ArrayList<>();
        RemoteAtSession first = new RemoteAtSession(config, bytes -> { }, builder(), throttle, "x", () -> ended.add("first"));
        feed(first, "guess1\r");
        board.advance(Duration.ofMillis(100));
        first.close(); // the guesser hangs up instead of waiting for the answer
        RemoteAtSession second = new RemoteAtSession(config, bytes -> { }, builder(), throttle, "x", () -> ended.add("second"));
        feed(second, "guess2\r");
        board.advance(Duration.ofMillis(899));
        assertTrue(second.checking(), "not checked while the source is blocked");
        board.advance(Duration.ofMillis(1)); // t = 1 s: checked now, wrong: answered 2 s later
        assertTrue(second.checking());
        RemoteAtSession third = new RemoteAtSession(config, out::writeBytes, builder(), throttle, "x", () -> ended.add("third"));
        take();
        feed(third, "s3cret-Pw\r");
        board.advance(Duration.ofMillis(1999));
        assertFalse(second.ended());
        assertEquals("", take(), "even the right password waits until the block (to t = 3 s) is over");
        assertTrue(third.checking());
        board.advance(Duration.ofMillis(1));
        assertTrue(second.ended());
        assertEquals(List.of("second"), ended, "the closed session neither answers nor calls back");
        assertEquals("\r\nOK\r\n", take());
        assertTrue(third.authenticated());
        third.close();
    }

    @Test
    @DisplayName("AT-19: the throttle remembers a bounded number of sources")
    void throttleBounded() {
        PasswordThrottle throttle = new PasswordThrottle();
        for (int k = 0; k < 5 * PasswordThrottle.MAX_SOURCES; k++) {
            throttle.failed("10.0." + k / 256 + "." + k % 256, 0);
        }
        assertEquals(PasswordThrottle.MAX_SOURCES, throttle.size());
        assertEquals(Duration.ofSeconds(32), PasswordThrottle.delayFor(Integer.MAX_VALUE));
        assertEquals(Duration.ofSeconds(1), PasswordThrottle.delayFor(1));
    }

    /** One session from a source with a wrong password; returns how long the ERROR took. */
    private Duration wrongAttempt(PasswordThrottle throttle, String source) {
        List<String> ended = new ArrayList<>();
        RemoteAtSession session = new RemoteAtSession(config, out::writeBytes, builder(), throttle, source,
                () -> ended.add(source));
        take();
        long start = board.scheduler().nanoTime();
        feed(session, "wrong\r");
        Duration step = Duration.ofMillis(250);
        for (int k = 0; k < 4 * 60 * 20 && !session.ended(); k++) {
            assertEquals("", take());
            board.advance(step);
        }
        assertEquals("\r\nERROR\r\n", take());
        assertEquals(List.of(source), ended, "the end callback runs once");
        return Duration.ofNanos(board.scheduler().nanoTime() - start);
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
    @DisplayName("AT-19: only the LF of the password's CR LF is dropped; an LF opening a later chunk reaches the interpreter")
    void laterLineFeedIsEchoed() {
        config.apply(Transaction.builder().set("sec.comm_password", "s3cret-Pw").build());
        RemoteAtSession session = new RemoteAtSession(config, out::writeBytes, builder());
        take();
        feed(session, "s3cret-Pw\r\n");
        assertEquals("\r\nOK\r\n", take(), "the password's LF, in a chunk of its own, is not echoed");
        byte[] later = "\nAT\r".getBytes(StandardCharsets.US_ASCII);
        session.receive(later, 0, later.length);
        // Before: any chunk after the login lost a leading LF, so the echo depended on the split.
        assertEquals("\nAT\r\r\nOK\r\n", take(), "echoed like an LF inside a chunk");
        session.close();
    }

    @Test
    @DisplayName("AT-19: an over-long password line fails instead of growing without bound")
    void longPassword() {
        RemoteAtSession session = new RemoteAtSession(config, out::writeBytes, builder());
        take();
        feed(session, "x".repeat(100_000) + "\r");
        board.advance(PasswordThrottle.FIRST_DELAY);
        assertEquals("\r\nERROR\r\n", take());
        assertTrue(session.ended());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // real sockets and threads: a safety net, not a speed test
    @DisplayName("AT-19: remote AT over TCP: password, then ATI answers and AT+CIMI is refused")
    void overTcp() throws IOException {
        config.apply(Transaction.builder().set("sec.comm_password", "tcp-Pass1").build());
        try (RemoteAtServer server = RemoteAtServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                config, this::builder)) {
            try (Socket wrong = connect(server)) {
                assertEquals("PASSWORD:", readUntil(wrong.getInputStream(), "PASSWORD:"));
                wrong.getOutputStream().write("nope\r\n".getBytes(StandardCharsets.US_ASCII));
                // Virtual time moves in 100 ms steps while the server's reader thread takes the line.
                wrong.setSoTimeout(20);
                int first = -1;
                long advancedMs = 0;
                for (int k = 0; k < 3_000 && first < 0; k++) {
                    board.advance(Duration.ofMillis(100));
                    advancedMs += 100;
                    try {
                        first = wrong.getInputStream().read();
                    } catch (SocketTimeoutException e) {
                        first = -1;
                    }
                }
                assertTrue(advancedMs >= 1000, "answered after " + advancedMs + " ms of virtual time");
                wrong.setSoTimeout(10_000);
                assertEquals("\r\nERROR\r\n", (char) first + readUntil(wrong.getInputStream(), "ERROR\r\n"));
                assertEquals(-1, wrong.getInputStream().read(), "the server closes the connection");
                assertEquals(1, server.throttle().size());
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

    /** Reads up to {@code end}, the end of the stream or {@value #MAX_READ} characters, whichever comes first. */
    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith(end) && sb.length() < MAX_READ) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
        }
        return sb.toString();
    }
}
