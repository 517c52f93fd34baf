package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.mock.cellular.DialOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The remote interface: which commands it refuses and how AT+S answers there. */
class RemoteInterfaceTest {

    private final Harness remote = Harness.remote();
    private final Harness local = Harness.quiet();

    @AfterEach
    void close() {
        remote.close();
        local.close();
    }

    @Test
    @DisplayName("AT-19: call control and the module's commands are refused on the remote interface")
    void localOnlyRefused() {
        remote.send("ATE0\r");
        remote.network().onDial("123", DialOutcome.ANSWER);
        for (String line : List.of("ATA", "ATD123", "ATDT123", "ATH", "ATO", "AT+CBST?", "AT+CBST=7,0,1",
                "AT+CBST=?", "AT+CPIN?", "AT+CLCC", "AT+COPS", "AT+COPS?", "AT+CIMI", "AT+CGSN")) {
            assertEquals("\r\nERROR\r\n", remote.send(line + "\r"), line);
        }
        remote.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), remote.network().dialledNumbers());
    }

    @Test
    @DisplayName("AT-19: the remote interface still runs the general commands and saves with AT&W")
    void remoteGeneralCommands() {
        remote.send("ATE0\r");
        assertEquals("\r\nWM-E2S 4G V0.1.0\r\n\r\nOK\r\n", remote.send("ATI\r"));
        assertEquals("\r\nOK\r\n", remote.send("AT+CGDCONT=1,\"IP\",\"remote.apn\"\r"));
        assertEquals("\r\nOK\r\n", remote.send("AT&W\r"));
        assertEquals("remote.apn", remote.config.current().text("conn.apn_name"));
    }

    @Test
    @DisplayName("AT-19: remote rings are not announced nor answered")
    void remoteIgnoresRings() {
        remote.send("ATE0\r");
        remote.network().incomingCall("123");
        assertEquals("", remote.advance(Duration.ofSeconds(20)));
        assertFalse(remote.at.inCall());
    }

    @Test
    @DisplayName("AT-19: the local interface answers the module's commands from the cellular module")
    void localAnswers() {
        assertEquals("\r\n+CBST: 7,0,1\r\n\r\nOK\r\n", local.send("AT+CBST?\r"));
        for (int n : new int[] {0, 4, 6, 7, 70, 71}) {
            assertEquals("\r\nOK\r\n", local.send("AT+CBST=" + n + ",0,1\r"), "n=" + n);
        }
        assertEquals("\r\n+CBST: 71,0,1\r\n\r\nOK\r\n", local.send("AT+CBST?\r"));
        assertEquals("\r\nERROR\r\n", local.send("AT+CBST=5,0,1\r"));
        assertEquals("\r\nERROR\r\n", local.send("AT+CBST=7,1,1\r"));
        assertEquals("\r\nERROR\r\n", local.send("AT+CBST=7,0,0\r"));
        assertEquals("\r\n+CBST: (0,4,6,7,70,71),(0),(1)\r\n\r\nOK\r\n", local.send("AT+CBST=?\r"));
        assertEquals("\r\n+CPIN: READY\r\n\r\nOK\r\n", local.send("AT+CPIN?\r"));
        assertEquals("\r\nOK\r\n", local.send("AT+CLCC\r"));
        assertEquals("\r\n+COPS: 0,0,\"MeterNet\",7\r\n\r\n+CREG: 0,1\r\n\r\nOK\r\n", local.send("AT+COPS\r"));
        assertEquals("\r\n216301234567890\r\n\r\nOK\r\n", local.send("AT+CIMI\r"));
        assertEquals("\r\n356938035643809\r\n\r\nOK\r\n", local.send("AT+CGSN\r"));
        local.network().imei("490154203237518").imsi("310150123456789");
        assertEquals("\r\n490154203237518\r\n\r\nOK\r\n", local.send("AT+CGSN\r"));
        assertEquals("\r\n310150123456789\r\n\r\nOK\r\n", local.send("AT+CIMI\r"));
    }

    @Test
    @DisplayName("AT-19: AT+CPIN? and AT+COPS follow the SIM and the registration")
    void simAndRegistration() {
        local.network().requirePin("1234");
        local.advance(Duration.ofSeconds(1));
        assertEquals("\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n", local.send("AT+CPIN?\r"));
        local.network().simAbsent();
        local.advance(Duration.ofSeconds(1));
        assertEquals("\r\n+CME ERROR: 10\r\n", local.send("AT+CPIN?\r"));
        assertTrue(local.send("AT+COPS?\r").startsWith("\r\n+COPS: 0\r\n"));
    }

    @Test
    @DisplayName("AT-19: AT+CPIN? answers +CME ERROR: 10 without a SIM and 13 for a failed SIM (27.007), in the V0/Q1 forms too")
    void simErrors() {
        local.network().simAbsent();
        local.advance(Duration.ofSeconds(1));
        assertEquals("\r\n+CME ERROR: 10\r\n", local.send("AT+CPIN?\r"));
        assertEquals(new AtEvent.LineExecuted("+CPIN?", ResultCode.ERROR), local.events.getLast());
        local.network().insertSim();
        local.network().simFailure();
        local.advance(Duration.ofSeconds(1));
        assertEquals("\r\n+CME ERROR: 13\r\n", local.send("AT+CPIN?\r"));
        local.send("ATV0\r");
        assertEquals("+CME ERROR: 13\r", local.send("AT+CPIN?\r"));
        local.send("ATQ1\r");
        assertEquals("", local.send("AT+CPIN?\r"));
        assertEquals("\r\nERROR\r\n", remote.send("AT+CPIN?\r").replace("AT+CPIN?\r", ""),
                "still refused remotely");
    }

    @Test
    @DisplayName("AT-18: remotely AT+S reports the last known signal strength once")
    void remoteSignal() {
        remote.send("ATE0\r");
        assertEquals("\r\nRSSI: -73 dBm\r\n\r\nOK\r\n", remote.send("AT+S\r"));
        assertFalse(remote.at.rssiDisplayOn());
        assertEquals("", remote.advance(Duration.ofSeconds(30)));
        remote.network().rssi(-101);
        remote.advance(Duration.ofSeconds(1));
        remote.network().rssiUnknown();
        remote.advance(Duration.ofSeconds(1));
        assertEquals("\r\nRSSI: -101 dBm\r\n\r\nOK\r\n", remote.send("AT+S\r"), "the last value known");
    }
}
