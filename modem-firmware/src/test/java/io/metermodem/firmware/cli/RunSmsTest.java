package io.metermodem.firmware.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ConfigurationService;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.Transaction;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.firmware.ReferenceFirmware;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.cellular.SentSms;
import io.metermodem.testkit.meter.SimulatedIecMeter;
import io.metermodem.transparent.bridge.BridgeListener;
import io.metermodem.transparent.bridge.MeterDataFormat;
import io.metermodem.transparent.bridge.TransparentSettings;
import io.metermodem.transparent.bridge.tcp.RealTimePacer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SMS function as {@code ./modem run} assembles it: the virtual board's cellular network, the
 * reference firmware's bridge lending the meter line for {@code mread}, Last Gasp on the board's
 * power-fail input, all in virtual time.
 */
// A safety net against a hang in real time (paced start); not a speed assertion.
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RunSmsTest {

    private static final String OPERATOR = "+36301234567";

    private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-03-01T10:15:30Z"));
    private final MockBoard board = MockBoard.builder().scheduler(scheduler).build();
    private final ConfigurationService config = ConfigurationService.open(ParameterRegistry.wmE2s(1000),
            new ConfigurationStore(board.nonVolatileMemory(), new AtRestCipher(new byte[32])));
    private final List<String> restarts = new ArrayList<>();
    private final StringWriter printed = new StringWriter();
    private ReferenceFirmware firmware;
    private RunSms sms;

    private void start() throws Exception {
        SimulatedIecMeter.builder().serialNumber("87654321").zone(ZoneOffset.UTC).build(board);
        TransparentSettings settings = TransparentSettings.builder().bindAddress("127.0.0.1")
                .primaryPort(0).noSecondaryPort().dataFormat(MeterDataFormat.AUTO).meterBaud(300).build();
        // ReferenceFirmware.start waits for its scheduler: pace virtual time in real time while it starts,
        // then stop pacing so the test advances virtual time itself (no head-end connects here).
        try (RealTimePacer pacer = new RealTimePacer(scheduler::nanoTime, scheduler::advanceTo, Duration.ofMillis(1))) {
            pacer.start();
            firmware = ReferenceFirmware.start(scheduler, board.meterPort(), settings, new BridgeListener() { });
        }
        board.network().registerOn(AccessTechnology.LTE, "Test");
        sms = RunSms.start(scheduler, board.cellularModule(), Optional.of(board.powerFail()), config,
                firmware.bridge(), restarts::add, new PrintWriter(printed, true));
        board.advance(Duration.ofSeconds(10));
    }

    private List<SentSms> exchange(String text) {
        board.network().takeSentSms();
        board.network().deliverSms(OPERATOR, text);
        board.advance(Duration.ofSeconds(60));
        return board.network().sentSms();
    }

    @AfterEach
    void stop() {
        if (sms != null) {
            sms.close();
        }
        if (firmware != null) {
            firmware.close();
        }
        board.close();
    }

    @Test
    @DisplayName("SMS-8, TR-9: in ./modem run, cmd=mread borrows the meter line from the bridge and answers the meter's registers")
    void mreadThroughTheBridge() throws Exception {
        start();
        List<SentSms> sent = exchange("cmd=mread");
        assertEquals(1, sent.size(), sent.toString());
        assertTrue(sent.getFirst().text().startsWith("(87654321)\r\n"), sent.getFirst().text());
        assertTrue(printed.toString().contains("SMS commands"), printed.toString());
    }

    @Test
    @DisplayName("SMS-3, SMS-7: in ./modem run, a set is stored and answered, and ATR asks the run to stop after its reply")
    void setAndRestart() throws Exception {
        start();
        assertEquals("Configuration structure changed result: 0", exchange("cmd=conn.apn_name = m2m.example").getFirst().text());
        assertEquals("m2m.example", config.current().text("conn.apn_name"));
        assertEquals("Device reset requested after SMS answer", exchange("cmd=ATR").getFirst().text());
        assertEquals(1, restarts.size());
    }

    @Test
    @DisplayName("PWR-1, PWR-2: in ./modem run, Last Gasp sends POWER LOST from the board's power-fail input")
    void lastGasp() throws Exception {
        config.apply(Transaction.builder().set("amm.last_gasp", "1").set("amm.last_gasp_number", OPERATOR).build());
        start();
        board.network().takeSentSms();
        board.powerSupply().cutPower();
        board.advance(Duration.ofSeconds(30));
        List<SentSms> sent = board.network().sentSms();
        assertEquals(1, sent.size(), sent.toString());
        assertEquals("POWER LOST", sent.getFirst().text());
        assertEquals(OPERATOR, sent.getFirst().destination());
    }
}
