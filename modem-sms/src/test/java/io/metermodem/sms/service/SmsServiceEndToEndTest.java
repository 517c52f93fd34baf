package io.metermodem.sms.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ConfigurationService;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.cellular.MockCellularNetwork;
import io.metermodem.hal.mock.cellular.SentSms;
import io.metermodem.sms.TestConfigs;
import io.metermodem.sms.command.PasswordThrottle;
import io.metermodem.sms.command.SmsCommandProcessor;
import io.metermodem.sms.mread.IecRegisterReader;
import io.metermodem.sms.mread.MeterRegisterReader;
import io.metermodem.testkit.meter.SimulatedIecMeter;
import io.metermodem.transparent.iec.IecBaudRate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The whole path on the mock board: an SMS arrives at the simulated network, the service processes
 * it, the command changes the configuration through the CRC store on the mock flash, the reply
 * leaves through the module, and the value survives a restart.
 */
class SmsServiceEndToEndTest {

    private static final String OPERATOR = "+36301234567";
    private final MockBoard board = MockBoard.builder().build();
    private final MockCellularNetwork network = board.network();
    private final List<Long> restarts = new ArrayList<>();
    private ConfigurationService config = TestConfigs.open(board.nonVolatileMemory());
    private SmsService service;

    SmsServiceEndToEndTest() {
        network.registerOn(AccessTechnology.LTE, "Test");
        board.advance(Duration.ofSeconds(10));
    }

    @AfterEach
    void close() {
        board.close();
    }

    private void startService(MeterRegisterReader meter) {
        SmsCommandProcessor processor = new SmsCommandProcessor(config, board.scheduler(),
                new PasswordThrottle(PasswordThrottle.Settings.DEFAULT), meter);
        service = new SmsService(board.scheduler(), network, processor,
                new SmsSendQueue(board.scheduler(), network, SmsSendQueue.Settings.DEFAULT),
                reason -> restarts.add(board.scheduler().nanoTime()));
        service.start();
    }

    private List<SentSms> exchange(String text) {
        network.takeSentSms();
        network.deliverSms(OPERATOR, text);
        board.advance(Duration.ofSeconds(20));
        return network.sentSms();
    }

    @Test
    @DisplayName("SMS-1, SMS-3, SMS-4, SMS-10: an SMS changes the stored configuration, the reply goes back, the value survives a restart")
    void endToEnd() {
        TestConfigs.withPassword(config, "s3cret");
        startService(MeterRegisterReader.NONE);

        List<SentSms> sent = exchange("pw=s3cret.cmd=conn.apn_name = net\\r\\n?conn.apn_name");

        assertEquals(1, sent.size());
        assertEquals(OPERATOR, sent.getFirst().destination());
        assertEquals("conn.apn_name = net\r\nConfiguration structure changed result: 0", sent.getFirst().text());
        // restart: a new configuration service loads the CRC store from the same flash
        ConfigurationService afterRestart = TestConfigs.open(board.nonVolatileMemory());
        assertEquals("net", afterRestart.current().text("conn.apn_name"));
        assertTrue(afterRestart.loadWarnings().isEmpty());
        assertTrue(afterRestart.current().passwordMatches("csd.password", "s3cret"));
    }

    @Test
    @DisplayName("SMS-1: a wrong password gets no reply and leaves the flash byte-identical")
    void wrongPasswordSilent() {
        TestConfigs.withPassword(config, "s3cret");
        startService(MeterRegisterReader.NONE);
        byte[] before = board.nonVolatileMemory().snapshot();
        assertEquals(List.of(), exchange("pw=guess.cmd=conn.apn_name = net"));
        assertEquals(List.of(), exchange("cmd=conn.apn_name = net"));
        assertArrayEquals(before, board.nonVolatileMemory().snapshot());
        assertEquals(2, service.droppedCount());
    }

    @Test
    @DisplayName("SMS-7: ATR: the reply leaves first, then the modem restarts")
    void atrRestartsAfterReply() {
        startService(MeterRegisterReader.NONE);
        List<SentSms> sent = exchange("cmd=ATR");
        assertEquals("Device reset requested after SMS answer", sent.getFirst().text());
        assertEquals(1, restarts.size());
        assertTrue(restarts.getFirst() >= sent.getFirst().sentNanos(), "restart after the reply was sent");
    }

    @Test
    @DisplayName("SMS-5: a reply longer than 160 characters leaves as one concatenated SMS")
    void longReply() {
        startService(MeterRegisterReader.NONE);
        List<SentSms> sent = exchange("cmd=?m2m.transparent_port\\r\\n?m2m.customer_port\\r\\n?m2m.config_port"
                + "\\r\\n?wd.ping_retries\\r\\n?wd.ping_wait\\r\\n?wd.ping_next\\r\\n?wd.reconnect_seconds");
        assertEquals(1, sent.size());
        assertTrue(sent.getFirst().text().length() > 160, sent.getFirst().text());
        assertEquals(2, sent.getFirst().parts());
        assertTrue(sent.getFirst().text().startsWith("m2m.transparent_port = 9000\r\nm2m.customer_port = 0\r\n"));
    }

    @Test
    @DisplayName("SMS-8, TR-9: cmd=mread by SMS reads the simulated IEC meter on the mock wire and answers its registers")
    void mreadEndToEnd() throws Exception {
        SimulatedIecMeter meter = SimulatedIecMeter.builder().serialNumber("11223344").zone(ZoneOffset.UTC).build(board);
        startService(IecRegisterReader.onPort(board.scheduler(), board.meterPort(), IecBaudRate.B9600,
                IecRegisterReader.DEFAULT_DEADLINE));
        List<SentSms> sent = exchange("cmd=mread");
        assertEquals(1, sent.size());
        assertTrue(sent.getFirst().text().matches("\\(11223344\\)\r\n26-01-01\r\n00:00:\\d\\d\r\n"), sent.getFirst().text());
        assertEquals(1, meter.readoutsServed());
    }

    @Test
    @DisplayName("SMS-11: ordinary SMS (operator notices) are never answered")
    void ordinaryNotAnswered() {
        startService(MeterRegisterReader.NONE);
        assertEquals(List.of(), exchange("Welcome to the network! Your balance is 5 EUR."));
        assertEquals(List.of(), exchange(" cmd=ATR"));
        assertTrue(restarts.isEmpty());
    }

    @Test
    @DisplayName("SMS-4: received SMS wait in a bounded queue; beyond it they are dropped and counted")
    void boundedIncoming() {
        startService(MeterRegisterReader.NONE);
        for (int i = 0; i < 40; i++) {
            network.deliverSms(OPERATOR, "cmd=?conn.apn_name");
        }
        board.advance(Duration.ofMinutes(5));
        assertEquals(40 - SmsService.MAX_PENDING_INCOMING - 1, service.overflowCount());
        assertEquals(SmsService.MAX_PENDING_INCOMING + 1, service.processedCount());
    }

    @Test
    @DisplayName("PWR-2, SMS-12: Last Gasp enabled by SMS in the AMM group; then a power cut sends POWER LOST to that number")
    void lastGaspEnabledBySms() {
        startService(MeterRegisterReader.NONE);
        LastGasp lastGasp = new LastGasp(board.scheduler(), board.powerFail(), config, service.sendQueue(),
                LastGasp.DEFAULT_BUDGET);
        lastGasp.start();
        List<SentSms> reply = exchange("cmd=amm.last_gasp = 1\\r\\namm.last_gasp_number = +36209999999");
        assertEquals("Configuration structure changed result: 0", reply.getFirst().text());
        network.takeSentSms();
        board.powerSupply().cutPower();
        board.advance(Duration.ofSeconds(5));
        assertEquals("+36209999999", network.sentSms().getFirst().destination());
        assertEquals("POWER LOST", network.sentSms().getFirst().text());
    }

    @Test
    @DisplayName("SMS-8: a meter read that never ends is given up after the processing time-out; later SMS are served")
    void processingTimeout() {
        startService(() -> new java.util.concurrent.CompletableFuture<>());
        assertEquals(List.of(), exchange("cmd=mread"));
        network.deliverSms(OPERATOR, "cmd=?m2m.transparent_port");
        board.advance(SmsService.PROCESSING_TIMEOUT);
        assertEquals(1, service.timedOutCount());
        assertEquals("m2m.transparent_port = 9000\r\n", network.sentSms().getFirst().text());
    }
}
