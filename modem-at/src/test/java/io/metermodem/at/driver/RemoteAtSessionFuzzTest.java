package io.metermodem.at.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.metermodem.at.AtInterpreter;
import io.metermodem.config.ChangeOutcome;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.Transaction;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.password.PasswordHash;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.mock.MockBoard;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fuzzes the remote AT session (AT-19, SEC-5) with what a TCP peer may send before and after the
 * communication password. The password line is never echoed: until the password is judged, the peer
 * sees exactly the prompt, then {@code OK} (and the interpreter's answers) or, a second later,
 * {@code ERROR} and the end of the session; the password never appears in the output more often than
 * the peer typed it again after logging in. The same bytes fed in one piece and one byte per call give
 * the same output and the same outcome.
 */
class RemoteAtSessionFuzzTest {

    private static final ParameterRegistry REGISTRY = ParameterRegistry.wmE2s(PasswordHash.MIN_ITERATIONS);
    private static final String PASSWORD = "Comm-Pw-5521!";
    private static final String OK = RemoteAtSession.PROMPT + "\r\nOK\r\n";
    private static final String ERROR = RemoteAtSession.PROMPT + "\r\nERROR\r\n";
    /** Longer inputs are cut: beyond this the fuzzer learns nothing new, only slower. */
    private static final int MAX_INPUT = 4_096;

    /** One session on a fresh board, fed in one piece or byte by byte, then given time to answer. */
    private record Outcome(String output, boolean authenticated, boolean ended) {
    }

    @FuzzTest
    void session(byte[] data) {
        byte[] input = data.length <= MAX_INPUT ? data : java.util.Arrays.copyOf(data, MAX_INPUT);
        Outcome whole = run(input, false);
        Outcome bytewise = run(input, true);
        assertEquals(whole, bytewise, "the split of the input changes nothing");

        String out = whole.output();
        assertTrue(out.startsWith(RemoteAtSession.PROMPT), out);
        if (whole.authenticated()) {
            assertTrue(out.startsWith(OK), "nothing but OK before the interpreter speaks: " + out);
            assertFalse(whole.ended());
            assertTrue(count(out, PASSWORD) <= count(new String(input, StandardCharsets.ISO_8859_1), PASSWORD) - 1,
                    "the password is shown only as often as it was typed again after the login");
        } else if (whole.ended()) {
            assertEquals(ERROR, out, "a wrong password: ERROR and nothing else");
        } else {
            assertEquals(RemoteAtSession.PROMPT, out, "no password line yet: nothing but the prompt");
        }
    }

    private static Outcome run(byte[] input, boolean bytewise) {
        try (MockBoard board = MockBoard.builder().build()) {
            board.network().registerOn(AccessTechnology.LTE, "MeterNet");
            ConfigurationService config = ConfigurationService.open(REGISTRY,
                    new ConfigurationStore(board.nonVolatileMemory(), new AtRestCipher(board.deviceKey())));
            assertInstanceOf(ChangeOutcome.Committed.class,
                    config.apply(Transaction.builder().set(RemoteAtSession.PASSWORD_PARAMETER, PASSWORD).build()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AtInterpreter.Builder builder = AtInterpreter.builder().scheduler(board.scheduler())
                    .cellularModule(board.cellularModule()).configuration(config);
            try (RemoteAtSession session = new RemoteAtSession(config, out::writeBytes, builder)) {
                if (bytewise) {
                    for (byte b : input) {
                        session.receive(new byte[] {b}, 0, 1);
                    }
                } else {
                    session.receive(input, 0, input.length);
                }
                board.advance(Duration.ofMinutes(1)); // past the wrong-password delay and any call set-up
                return new Outcome(out.toString(StandardCharsets.ISO_8859_1), session.authenticated(),
                        session.ended());
            }
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
