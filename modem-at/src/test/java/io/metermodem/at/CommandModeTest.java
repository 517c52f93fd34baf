package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.Apn;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Command mode on the local interface: the commands of the manual's 4.2 and the V.250 mechanics. */
class CommandModeTest {

    private final Harness h = Harness.quiet();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    @DisplayName("AT-1: commands are accepted in upper, lower and mixed case")
    void caseInsensitive() {
        assertEquals("\r\nOK\r\n", h.send("AT\r"));
        assertEquals("\r\nOK\r\n", h.send("at\r"));
        assertEquals("\r\nOK\r\n", h.send("aT\r"));
        assertEquals("\r\n356938035643809\r\n\r\nOK\r\n", h.send("at+cgsn\r"));
        assertEquals("\r\nOK\r\n", h.send("atv1q0&c1s0=2\r"));
        assertEquals(2, h.at.profile().register(SRegister.S0));
    }

    @Test
    @DisplayName("AT-4: ATE1 echoes each character as typed, ATE0 stops the echo")
    void echo() {
        assertEquals("\r\nOK\r\n", h.send("ATE1\r"), "the echo starts after the line that turns it on");
        assertEquals("AT\r\r\nOK\r\n", h.send("AT\r"));
        assertEquals("ATE0\r\r\nOK\r\n", h.send("ATE0\r"));
        assertEquals("\r\nOK\r\n", h.send("AT\r"));
        assertFalse(h.at.profile().echo());
    }

    @Test
    @DisplayName("AT-6: ATI answers one identification line with the modem type, generation and version")
    void identification() {
        assertEquals("\r\nWM-E2S 4G V0.1.0\r\n\r\nOK\r\n", h.send("ATI\r"));
        assertEquals("\r\nERROR\r\n", h.send("ATI9\r"));
    }

    @Test
    @DisplayName("AT-11: ATZ restores the stored profile and drops unsaved changes without touching the saved configuration")
    void atzResets() {
        h.send("AT+CGDCONT=1,\"IP\",\"saved.apn\"\r");
        assertEquals("\r\nOK\r\n", h.send("AT&W\r"));
        h.send("ATV0X0S0=7\r");
        h.send("AT+CGDCONT=1,\"IP\",\"unsaved.apn\"\r");

        assertEquals("\r\nOK\r\n", h.send("ATZ\r"), "answered in the restored verbose form");

        assertTrue(h.at.profile().verbose());
        assertEquals(1, h.at.profile().resultSet());
        assertEquals(3, h.at.profile().register(SRegister.S0));
        assertEquals("saved.apn", h.config.current().text("conn.apn_name"));
        assertEquals("\r\n+CGDCONT: 1,\"IP\",\"saved.apn\"\r\n\r\nOK\r\n", h.send("AT+CGDCONT?\r"));
    }

    @Test
    @DisplayName("AT-15: AT+I reports modem type, firmware version and the local settings")
    void modemInformation() {
        String answer = h.send("AT+I\r");
        assertEquals("\r\nWM-E2S v0.1.0\r\n"
                + "\r\nE0 Q0 V1 X1 &C1 &D0 &K0 S0=3 S2=43 S7=60 S12=50\r\n"
                + "\r\nAPN: \r\n"
                + "\r\nmeter port: 9600 auto\r\n"
                + "\r\nOK\r\n", answer);
    }

    @Test
    @DisplayName("AT-16: AT+IP? reports the current listen address of the packet data connection")
    void listenAddress() {
        assertEquals("\r\nIP: 0.0.0.0\r\n\r\nOK\r\n", h.send("AT+IP?\r"));
        h.network().nextIpAddress("192.168.0.100").activatePacketData(new Apn("m2m", "", ""));
        h.advance(Duration.ofSeconds(2));
        assertEquals("\r\nIP: 192.168.0.100\r\n\r\nOK\r\n", h.send("AT+IP?\r"));
    }

    @Test
    @DisplayName("AT-17: AT+R answers OK, power-cycles for 10 s ignoring the terminal, then answers again")
    void powerCycle() {
        h.send("ATV0\r");
        assertEquals("0\r", h.send("AT+R\r"));
        assertEquals(java.util.List.of(AtInterpreter.POWER_CYCLE), h.powerCycles);
        assertEquals(Duration.ofSeconds(10), AtInterpreter.POWER_CYCLE);
        assertEquals(AtMode.RESETTING, h.at.mode());

        h.advance(Duration.ofMillis(9_999));
        assertEquals("", h.send("AT\r"));

        h.advance(Duration.ofMillis(1));
        assertEquals(AtMode.COMMAND, h.at.mode());
        assertEquals("AT\r\r\nOK\r\n", h.send("AT\r"), "back with the stored (factory) profile: echo and verbose");
    }

    @Test
    @DisplayName("AT-17: without a reset hook AT+R restarts the cellular module through the HAL")
    void powerCycleRestartsModule() {
        try (var board = io.metermodem.hal.mock.MockBoard.builder().build()) {
            var at = AtInterpreter.builder().scheduler(board.scheduler()).cellularModule(board.cellularModule())
                    .configuration(h.openConfig()).terminal(b -> { }).build();
            at.receive("AT+R\r");
            assertTrue(board.network().isRestarting());
            at.close();
        }
    }

    @Test
    @DisplayName("AT-18: AT+S toggles a signal strength line every 5 s, off by default")
    void signalDisplay() {
        assertFalse(h.at.rssiDisplayOn());
        assertEquals("", h.advance(Duration.ofSeconds(20)));

        assertEquals("\r\nOK\r\n", h.send("AT+S\r"));
        assertEquals("", h.advance(Duration.ofMillis(4_999)));
        assertEquals("\r\nRSSI: -73 dBm\r\n", h.advance(Duration.ofMillis(1)));
        h.network().rssi(-95);
        assertEquals("\r\nRSSI: -95 dBm\r\n", h.advance(Duration.ofSeconds(5)));

        assertEquals("\r\nOK\r\n", h.send("AT+S\r"));
        assertEquals("", h.advance(Duration.ofSeconds(30)));
    }

    @Test
    @DisplayName("AT-23: extended commands stand alone; a line chaining them with anything is refused and runs nothing")
    void extendedNotChained() {
        assertEquals("\r\nERROR\r\n", h.send("AT+CGSN;+CIMI\r"));
        assertEquals("\r\nERROR\r\n", h.send("ATV0+CGSN\r"));
        assertTrue(h.at.profile().verbose(), "V0 before the extended command did not run");
        assertEquals("\r\nERROR\r\n", h.send("AT+CGDCONT=1,\"IP\",\"a\";E1\r"));
        assertEquals("\r\n+CGDCONT: 1,\"IP\",\"\"\r\n\r\nOK\r\n", h.send("AT+CGDCONT?\r"));
    }

    @Test
    @DisplayName("AT-23: basic commands chain on one line, a missing number counts as 0")
    void basicChained() {
        assertEquals("0\r", h.send("ATE0V0Q0X2&C2&D1&K3S0=5S12=25\r"));
        AtProfile p = h.at.profile();
        assertFalse(p.verbose());
        assertEquals(2, p.resultSet());
        assertEquals(2, p.dcdMode());
        assertEquals(1, p.dtrMode());
        assertEquals(3, p.flowControl());
        assertEquals(5, p.register(SRegister.S0));
        assertEquals(25, p.register(SRegister.S12));
        assertEquals("0\r", h.send("ATV\r"));
        assertEquals("\r\nOK\r\n", h.send("ATV1\r"));
        assertEquals("\r\nOK\r\n", h.send("ATE\r"));
        assertFalse(h.at.profile().echo());
    }

    @Test
    @DisplayName("AT-22: S-registers are read as three digits and written within their ranges only")
    void sRegisters() {
        assertEquals("\r\n003\r\n\r\nOK\r\n", h.send("ATS0?\r"));
        assertEquals("\r\n013\r\n\r\nOK\r\n", h.send("ATS3?\r"));
        assertEquals("\r\nOK\r\n", h.send("ATS0=255\r"));
        assertEquals("\r\nERROR\r\n", h.send("ATS0=256\r"));
        assertEquals("\r\nERROR\r\n", h.send("ATS3=128\r"));
        assertEquals("\r\nERROR\r\n", h.send("ATS7=0\r"));
        assertEquals("\r\nERROR\r\n", h.send("ATS99=1\r"));
        assertEquals("\r\nERROR\r\n", h.send("ATS99?\r"));
        assertEquals("\r\nERROR\r\n", h.send("ATS1=2\r"), "S1 counts rings; it is not set by hand");
        assertEquals("\r\nERROR\r\n", h.send("ATS0=9999999\r"));
        assertEquals(255, h.at.profile().register(SRegister.S0));
    }

    @Test
    @DisplayName("AT-22: a changed S3 ends lines and formats answers; S4 and S5 too")
    void formattingRegisters() {
        h.send("ATS3=33\r");
        assertEquals("!\nOK!\n", h.send("AT!"));
        assertEquals("\r*OK\r*", h.send("ATS3=13S4=42!"));
        assertEquals("\r*OK\r*", h.send("ATS5=35X0\r"));
        assertEquals("\r*OK\r*", h.send("ATXV#1\r"));
        assertEquals(1, h.at.profile().resultSet());
    }

    @Test
    @DisplayName("AT-22: A/ repeats the last command line without a terminator")
    void repeatLastLine() {
        h.send("AT+CGSN\r");
        assertEquals("\r\n356938035643809\r\n\r\nOK\r\n", h.send("A/"));
        assertEquals("\r\n356938035643809\r\n\r\nOK\r\n", h.send("a/"));
    }

    @Test
    @DisplayName("AT-4: backspace erases the last character typed, and the echo rubs it out")
    void backspace() {
        h.send("ATE1\r");
        assertEquals("ATV" + "\b \b" + "Q0\r\r\nOK\r\n", h.send("ATV\bQ0\r"));
        assertTrue(h.at.profile().verbose());
        assertEquals("AT\r\r\nOK\r\n", h.send("AT\b\b\r"), "the AT prefix itself cannot be erased");
    }

    @Test
    @DisplayName("AT-22: an over-long line is refused with ERROR as a whole, never truncated and run")
    void overflow() {
        String line = "ATV0" + "E".repeat(CommandLineAssembler.MAX_LINE) + "\r";
        assertEquals("\r\nERROR\r\n", h.send(line));
        assertTrue(h.at.profile().verbose(), "nothing of the long line ran");
        assertEquals("\r\nOK\r\n", h.send("AT" + "E0".repeat(CommandLineAssembler.MAX_LINE / 2) + "\r"),
                "exactly the bound is still a line");
        assertEquals("\r\nOK\r\n", h.send("AT\r"), "the next line is read normally");
    }

    @Test
    @DisplayName("AT-22: unknown commands and out-of-range values are answered ERROR")
    void unknownCommands() {
        for (String line : new String[] {"ATJ\r", "AT+FOO\r", "AT&Z\r", "ATE2\r", "ATQ2\r", "ATV2\r", "ATX5\r",
            "AT&C3\r", "AT&D3\r", "AT&K1\r", "ATZ1\r", "AT&F1\r", "AT&W1\r", "AT#\r", "AT+\r", "AT+I?\r",
            "AT+IP\r", "AT+CGDCONT=2,\"IP\",\"x\"\r", "AT+CGDCONT=1,\"IP\",\"bad apn!\"\r", "AT\"open\r"}) {
            assertEquals("\r\nERROR\r\n", h.send(line), line);
        }
        assertEquals("\r\nOK\r\n", h.send("AT\r"));
    }

    @Test
    @DisplayName("AT-22: characters before AT and control characters inside a line are ignored")
    void noiseIgnored() {
        assertEquals("\r\nOK\r\n", h.send("xyz\u0001AT\u0002V1\r"));
        assertEquals("", h.send("hello\r"));
    }
}
