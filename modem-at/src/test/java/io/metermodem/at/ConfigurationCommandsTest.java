package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ChangeOutcome;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.Transaction;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Commands that change the configuration: AT+CGDCONT, AT+0, AT&W, AT&F. */
class ConfigurationCommandsTest {

    private final Harness h = Harness.quiet();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    @DisplayName("AT-20: AT+CGDCONT=1,\"IP\",\"APN\" sets the APN, AT+CGDCONT? reads it, AT&W keeps it over a restart")
    void apn() {
        assertEquals("\r\nOK\r\n", h.send("AT+CGDCONT=1,\"IP\",\"meters.example\"\r"));
        assertEquals("\r\n+CGDCONT: 1,\"IP\",\"meters.example\"\r\n\r\nOK\r\n", h.send("AT+CGDCONT?\r"));
        assertEquals("", h.config.current().text("conn.apn_name"), "not saved before AT&W");

        assertEquals("\r\nOK\r\n", h.send("AT&W\r"));

        assertEquals("meters.example", h.config.current().text("conn.apn_name"));
        ConfigurationService afterRestart = h.openConfig();
        assertEquals("meters.example", afterRestart.current().text("conn.apn_name"));
        List<ChangeOutcome> saves = h.events.stream().filter(AtEvent.ConfigurationSaved.class::isInstance)
                .map(e -> ((AtEvent.ConfigurationSaved) e).outcome()).toList();
        assertEquals(1, saves.size(), "one AT&W, one transaction: " + saves);
        ChangeOutcome.Committed committed = assertInstanceOf(ChangeOutcome.Committed.class, saves.get(0));
        // A new device has no stored profile yet, so AT&W writes the profile with the APN.
        assertEquals(Set.of("conn.apn_name", "at.profile"), committed.changed());
        assertEquals("meters.example", committed.configuration().text("conn.apn_name"));
        assertEquals(ChangeOutcome.OK, committed.errorCode());
    }

    @Test
    @DisplayName("AT-20: an APN the configuration refuses, another context or PDP type is answered ERROR")
    void apnRefused() {
        assertEquals("\r\nERROR\r\n", h.send("AT+CGDCONT=1,\"IP\",\"under_score\"\r"));
        assertEquals("\r\nERROR\r\n", h.send("AT+CGDCONT=1,\"IP\",\"" + "a".repeat(64) + "\"\r"));
        assertEquals("\r\nERROR\r\n", h.send("AT+CGDCONT=2,\"IP\",\"ok.apn\"\r"));
        assertEquals("\r\nERROR\r\n", h.send("AT+CGDCONT=1,\"PPP\",\"ok.apn\"\r"));
        assertEquals("\r\nERROR\r\n", h.send("AT+CGDCONT=1,\"IP\"\r"));
        assertEquals("\r\nERROR\r\n", h.send("AT+CGDCONT=1,\"IP\",\"a\"b\r"));
        assertEquals("\r\n+CGDCONT: (1),\"IP\"\r\n\r\nOK\r\n", h.send("AT+CGDCONT=?\r"));
        assertEquals("\r\n+CGDCONT: 1,\"IP\",\"\"\r\n\r\nOK\r\n", h.send("AT+CGDCONT?\r"));
    }

    @Test
    @DisplayName("AT-21: AT+0 selects 9600 8N1 for the meter port and AT&W saves it")
    void meterPort9600() {
        h.config.apply(Transaction.builder().set("tm.baud", "300").set("tm.data_format", "7E1").build());
        assertEquals("\r\nOK\r\n", h.send("AT+0\r"));
        assertEquals(300, h.config.current().intValue("tm.baud"));
        assertEquals("\r\nOK\r\n", h.send("AT&W\r"));
        assertEquals(9600, h.config.current().intValue("tm.baud"));
        assertEquals("8N1", h.config.current().word("tm.data_format"));
        assertEquals(9600, h.openConfig().current().intValue("tm.baud"));
    }

    @Test
    @DisplayName("AT-21: AT&W stores the profile that ATZ restores")
    void profileSaved() {
        h.send("ATV0S0=9&C2\r");
        assertEquals("0\r", h.send("AT&W\r"));
        h.send("ATV1S0=1&C0\r");
        h.send("ATZ\r");
        assertEquals(9, h.at.profile().register(SRegister.S0));
        assertEquals(2, h.at.profile().dcdMode());
        assertEquals(h.at.storedProfile(), h.at.profile());
    }

    @Test
    @DisplayName("AT-11: AT&F loads the factory profile and, saved with AT&W, the factory configuration")
    void factorySettings() {
        h.send("AT+CGDCONT=1,\"IP\",\"old.apn\"\r");
        h.send("AT&W\r");
        h.send("ATV0S0=9\r");
        assertEquals("\r\nOK\r\n", h.send("AT&F\r"));
        assertEquals(AtProfile.factory(), h.at.profile());
        assertEquals("old.apn", h.config.current().text("conn.apn_name"), "nothing written yet");
        assertEquals("AT+CGDCONT?\r\r\n+CGDCONT: 1,\"IP\",\"\"\r\n\r\nOK\r\n", h.send("AT+CGDCONT?\r"),
                "factory profile: echo on");
        h.send("ATE0\r");
        assertEquals("\r\nOK\r\n", h.send("AT&W\r"));
        assertEquals("", h.config.current().text("conn.apn_name"));
    }

    @Test
    @DisplayName("AT-21: a save the store refuses is answered ERROR and keeps the changes pending")
    void saveFailure() {
        h.send("AT+CGDCONT=1,\"IP\",\"one.apn\"\r");
        h.board.nonVolatileMemory().cutPower();
        assertEquals("\r\nERROR\r\n", h.send("AT&W\r"));
        AtEvent.ConfigurationSaved saved = assertInstanceOf(AtEvent.ConfigurationSaved.class,
                h.events.get(h.events.size() - 2));
        ChangeOutcome.StorageFailure failure = assertInstanceOf(ChangeOutcome.StorageFailure.class, saved.outcome());
        assertEquals(ChangeOutcome.CRC_MISMATCH, failure.errorCode(), "the manual's -1 for a failed write");
        assertEquals("", failure.configuration().text("conn.apn_name"), "the configuration in force is the old one");
        assertEquals("", h.config.current().text("conn.apn_name"));
        assertTrue(failure.reason().contains("read 0x0 refused: the flash has no power"), failure.reason());
        assertEquals("\r\n+CGDCONT: 1,\"IP\",\"one.apn\"\r\n\r\nOK\r\n", h.send("AT+CGDCONT?\r"));
    }
}
