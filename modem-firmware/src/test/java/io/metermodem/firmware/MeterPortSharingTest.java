package io.metermodem.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.config.ConfigurationService;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.password.PasswordHash;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.transparent.bridge.BridgeListener;
import io.metermodem.transparent.bridge.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The local AT interface on the meter port, yielding to transparent sessions. */
class MeterPortSharingTest {

    private final MockBoard board = MockBoard.builder().build();
    private final MockSerialPort terminal = board.meterEnd();

    @AfterEach
    void close() {
        board.close();
    }

    private String type(String text) throws IOException {
        terminal.write(text.getBytes(StandardCharsets.US_ASCII));
        board.advance(Duration.ofMillis(100));
        return new String(terminal.readAvailable(), StandardCharsets.ISO_8859_1);
    }

    @Test
    @DisplayName("AT-1: the meter port answers AT while no transparent session runs, and stays silent during one")
    void atYieldsToSessions() throws IOException {
        ConfigurationService config = ConfigurationService.open(ParameterRegistry.wmE2s(PasswordHash.MIN_ITERATIONS),
                new ConfigurationStore(board.nonVolatileMemory(), new AtRestCipher(board.deviceKey())));
        terminal.open(LineSettings.STANDARD_9600_8N1);
        board.meterPort().open(LineSettings.STANDARD_9600_8N1);
        MeterPortSharing sharing = new MeterPortSharing(board.meterPort());
        ByteArrayOutputStream bridgeHeard = new ByteArrayOutputStream();
        sharing.bridgePort().setListener((SerialListener) (data, offset, length) -> bridgeHeard.write(data, offset, length));
        BridgeListener sessions = sharing.sessions(new BridgeListener() { });

        try (AtInterfaces at = AtInterfaces.start(board.scheduler(), board.cellularModule(), config, null, 9600,
                sharing, null)) {
            assertEquals("AT\r\r\nOK\r\n", type("AT\r"));

            sessions.sessionStarted(Channel.PRIMARY, "hes");
            assertEquals("", type("AT\r"), "a transparent session owns the line");
            sessions.sessionEnded(Channel.PRIMARY, "hes", "done");

            assertEquals("ATI\r\r\nWM-E2S V0.1.0\r\n\r\nOK\r\n", type("ATI\r"));
            assertEquals("AT\rAT\rATI\r", bridgeHeard.toString(StandardCharsets.US_ASCII),
                    "the bridge hears the line all along");
        }
    }
}
