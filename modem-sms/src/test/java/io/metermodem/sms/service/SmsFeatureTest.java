package io.metermodem.sms.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.config.ConfigurationService;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.sms.TestConfigs;
import io.metermodem.sms.mread.MeterRegisterReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmsFeatureTest {

    @Test
    @DisplayName("SMS-1, PWR-1, PWR-2: the assembled SMS function answers commands and sends Last Gasp on one board")
    void assembled() {
        try (MockBoard board = MockBoard.builder().build()) {
            board.network().registerOn(AccessTechnology.GSM, "Test");
            board.advance(Duration.ofSeconds(10));
            ConfigurationService config = TestConfigs.withPassword(TestConfigs.open(board.nonVolatileMemory()), "pw");
            List<String> restarts = new ArrayList<>();
            try (SmsFeature sms = SmsFeature.start(board, config, MeterRegisterReader.NONE, restarts::add)) {
                board.network().deliverSms("+3611", "pw=pw.cmd=amm.last_gasp = 1\\r\\namm.last_gasp_number = +3622");
                board.advance(Duration.ofSeconds(10));
                board.powerSupply().cutPower();
                board.advance(Duration.ofSeconds(10));
                board.network().deliverSms("+3611", "pw=pw.cmd=ATR");
                board.advance(Duration.ofSeconds(10));

                assertEquals(List.of("+3611 Configuration structure changed result: 0", "+3622 POWER LOST",
                                "+3611 Device reset requested after SMS answer"),
                        board.network().sentSms().stream().map(s -> s.destination() + " " + s.text()).toList());
                assertEquals(1, restarts.size());
                assertEquals(1, sms.lastGasp().history().size());
                assertEquals(2, sms.service().processedCount());
            }
        }
    }
}
