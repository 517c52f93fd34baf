package io.metermodem.cellular.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.Apn;
import io.metermodem.hal.cellular.CallEndReason;
import io.metermodem.hal.cellular.CellularException;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.cellular.CsdCall;
import io.metermodem.hal.cellular.CsdReceiver;
import io.metermodem.hal.cellular.ModuleFault;
import io.metermodem.hal.cellular.ModuleIdentity;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.cellular.PingResult;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.cellular.SimState;
import io.metermodem.testkit.module.DialOutcome;
import io.metermodem.testkit.module.ModuleDialect;
import io.metermodem.testkit.module.SubmittedSms;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What both drivers must do against a simulated module of their dialect (HAL-7); the concrete
 * classes name the dialect.
 */
abstract class CellularDriverContract {

    abstract ModuleDialect dialect();

    /** @return the dialect's ICCID command */
    abstract String iccidCommand();

    ModuleBench bench() throws Exception {
        return new ModuleBench(dialect());
    }

    private static CellularException.Reason reason(Throwable t) {
        return assertInstanceOf(CellularException.class, t).reason();
    }

    @Test
    @DisplayName("HAL-7: start-up switches the echo off, selects numeric errors and PDU mode, and reads the identities")
    void startUpReadsIdentities() throws Exception {
        ModuleBench b = bench().started();
        ModuleIdentity id = b.driver.identity();
        assertEquals("866123456789012", id.imei());
        assertEquals(Optional.of("262011234567890"), id.imsi());
        assertEquals(Optional.of("89490200001234567890"), id.iccid());
        assertEquals(dialect() == ModuleDialect.QUECTEL ? "Quectel" : "Telit", id.manufacturer());
        assertFalse(b.module.echo(), "echo is off after ATE0");
        List<String> cmds = b.module.commands();
        assertTrue(cmds.containsAll(List.of("ATE0", "AT+CMEE=1", iccidCommand(), "AT+CMGF=0", "AT+CIMI")), cmds.toString());
        assertEquals(SimState.READY, b.driver.status().sim());
    }

    @Test
    @DisplayName("HAL-7: a +CREG/+CEREG URC registers the module, with technology and operator after the refresh")
    void registrationFromUrc() throws Exception {
        ModuleBench b = bench().started();
        CellularStatus start = b.driver.status();
        assertFalse(start.registration().isRegistered());
        // start-up: the SIM read READY, then AT+CREG? found the module not registered (no RSSI without a network)
        assertEquals(List.of(
                new CellularStatus(SimState.READY, RegistrationState.UNKNOWN, AccessTechnology.NONE, OptionalInt.empty(),
                        Optional.empty(), Optional.empty()),
                start), b.statuses);
        b.module.operator("Test Telekom");
        b.module.register(RegistrationState.REGISTERED_ROAMING, AccessTechnology.LTE);
        b.advance(Duration.ofMillis(200));
        assertEquals(RegistrationState.REGISTERED_ROAMING, b.driver.status().registration());
        assertEquals(AccessTechnology.LTE, b.driver.status().technology());
        b.advance(AtCellularModule.POLL_INTERVAL);
        assertEquals(Optional.of("Test Telekom"), b.driver.status().operator());
        b.module.register(RegistrationState.SEARCHING, AccessTechnology.NONE);
        b.advance(Duration.ofMillis(200));
        assertEquals(RegistrationState.SEARCHING, b.driver.status().registration());
        assertEquals(List.of(ModuleFault.NETWORK_LOST), b.faults, "the loss is reported once");
        // each change heard once, in order: the +CREG URC registers (+CGREG and +CEREG repeat it); the poll's
        // +COPS? names the operator and its radio query the simulated module's -75 dBm; the state falls to
        // SEARCHING only when the last domain reports it (+CEREG), clearing what needs a network
        assertEquals(List.of(
                new CellularStatus(SimState.READY, RegistrationState.UNKNOWN, AccessTechnology.NONE, OptionalInt.empty(),
                        Optional.empty(), Optional.empty()),
                start,
                new CellularStatus(SimState.READY, RegistrationState.REGISTERED_ROAMING, AccessTechnology.LTE,
                        OptionalInt.empty(), Optional.empty(), Optional.empty()),
                new CellularStatus(SimState.READY, RegistrationState.REGISTERED_ROAMING, AccessTechnology.LTE,
                        OptionalInt.empty(), Optional.of("Test Telekom"), Optional.empty()),
                new CellularStatus(SimState.READY, RegistrationState.REGISTERED_ROAMING, AccessTechnology.LTE,
                        OptionalInt.of(-75), Optional.of("Test Telekom"), Optional.empty()),
                new CellularStatus(SimState.READY, RegistrationState.SEARCHING, AccessTechnology.NONE,
                        OptionalInt.empty(), Optional.empty(), Optional.empty())), b.statuses,
                "listeners heard each change");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"GSM", "UMTS", "LTE"})
    @DisplayName("HAL-7: RSSI in dBm for each access technology")
    void rssiPerTechnology(AccessTechnology tech) throws Exception {
        ModuleBench b = bench().started();
        b.module.signal(-81);
        b.module.register(RegistrationState.REGISTERED_HOME, tech);
        b.advance(AtCellularModule.POLL_INTERVAL.plusSeconds(1));
        assertEquals(tech, b.driver.status().technology());
        // +CSQ has 2 dB steps; the dialects' own queries give the dBm as is
        assertEquals(OptionalInt.of(-81), b.driver.status().rssiDbm());
    }

    @Test
    @DisplayName("HAL-7: a SIM that wants its PIN: a wrong PIN fails with PIN_WRONG, the right one makes it READY and reads the IMSI")
    void simPin() throws Exception {
        ModuleBench b = bench();
        b.module.sim(SimState.PIN_REQUIRED, "4321");
        b.started();
        assertEquals(SimState.PIN_REQUIRED, b.driver.status().sim());
        assertEquals(Optional.empty(), b.driver.identity().imsi());
        assertEquals(CellularException.Reason.PIN_WRONG,
                reason(b.failure(b.driver.enterPin("1111"), Duration.ofSeconds(30))));
        b.await(b.driver.enterPin("4321"), Duration.ofSeconds(30));
        assertEquals(SimState.READY, b.driver.status().sim());
        assertEquals(Optional.of("262011234567890"), b.driver.identity().imsi());
    }

    @Test
    @DisplayName("HAL-7: three wrong PINs block the SIM: SIM_BLOCKED and PUK_REQUIRED")
    void pinBlocked() throws Exception {
        ModuleBench b = bench();
        b.module.sim(SimState.PIN_REQUIRED, "4321");
        b.started();
        b.failure(b.driver.enterPin("1111"), Duration.ofSeconds(30));
        b.failure(b.driver.enterPin("2222"), Duration.ofSeconds(30));
        assertEquals(CellularException.Reason.SIM_BLOCKED,
                reason(b.failure(b.driver.enterPin("3333"), Duration.ofSeconds(30))));
        assertEquals(SimState.PUK_REQUIRED, b.driver.status().sim());
    }

    @Test
    @DisplayName("HAL-7: an SMS of three parts goes out as three AT+CMGS=<TPDU octets>, prompt, PDU, Ctrl-Z exchanges")
    void sendSms() throws Exception {
        ModuleBench b = bench().started();
        String text = "Meter 12345678 reports a power failure at 03:14";
        int reference = b.await(b.driver.sendSms(new OutgoingSms("+36301234567", text)), Duration.ofMinutes(1));
        assertEquals(List.of(new SubmittedSms("+36301234567", text)), b.module.sentSms());
        assertEquals(3, reference, "the message reference of the last part");
        List<String> cmgs = b.module.commands().stream().filter(c -> c.startsWith("AT+CMGS=")).toList();
        List<String> expected = new ArrayList<>();
        for (var part : b.codec.encode(new OutgoingSms("+36301234567", text))) {
            expected.add("AT+CMGS=" + part.tpduOctets());
        }
        assertEquals(expected, cmgs);
    }

    @Test
    @DisplayName("HAL-7: a rejected SMS fails with the module's +CMS ERROR as REFUSED")
    void sendSmsRefusedWhenLengthWrong() throws Exception {
        ModuleBench b = bench().started();
        // a codec that lies about the TPDU length: the module answers +CMS ERROR: 304
        AtCellularModule liar = b.driver;
        var sms = new OutgoingSms("+36301234567", "x");
        var part = b.codec.encode(sms).get(0);
        var cmd = io.metermodem.cellular.at.AtCommand.withPrompt("AT+CMGS=" + (part.tpduOctets() + 1), "00" + part.tpduHex());
        Throwable t = b.failure(liar.ok(cmd), Duration.ofMinutes(3));
        assertEquals(CellularException.Reason.REFUSED, reason(t));
        assertTrue(t.getMessage().contains("304"), t.getMessage());
    }

    @Test
    @DisplayName("HAL-7: an SMS in two parts is read and deleted part by part (+CMTI, AT+CMGR, AT+CMGD) and delivered once, whole")
    void receiveSms() throws Exception {
        ModuleBench b = bench().started();
        String text = "CONFIG conn.apn_name=internet.example";
        b.module.deliverSms("+36209876543", text);
        b.advance(Duration.ofSeconds(5));
        assertEquals(1, b.sms.size());
        assertEquals("+36209876543", b.sms.get(0).originator());
        assertEquals(text, b.sms.get(0).text());
        List<String> flow = b.module.commands().stream()
                .filter(c -> c.startsWith("AT+CMGR") || c.startsWith("AT+CMGD")).toList();
        assertEquals(List.of("AT+CMGR=0", "AT+CMGD=0", "AT+CMGR=1", "AT+CMGD=1"), flow);
        assertTrue(b.module.storedIndexes().isEmpty());
    }

    @Test
    @DisplayName("HAL-7: without a PDU codec plugged in, received SMS stay in the module's storage and sending fails")
    void noCodecKeepsSms() throws Exception {
        ModuleBench b = new ModuleBench(dialect(), io.metermodem.cellular.sms.UnavailableSmsPduCodec.INSTANCE).started();
        b.module.deliverSms("+36209876543", "keep me");
        b.advance(Duration.ofSeconds(5));
        assertTrue(b.module.commands().contains("AT+CMGR=0"));
        assertEquals(java.util.Set.of(0), b.module.storedIndexes());
        assertTrue(b.sms.isEmpty());
        assertInstanceOf(UnsupportedOperationException.class,
                b.failure(b.driver.sendSms(new OutgoingSms("+36301234567", "x")), Duration.ofSeconds(5)));
    }

    @Test
    @DisplayName("HAL-7: CellularDrivers opens a closed module UART at 115200 8N1 and starts the driver of the type")
    void factory() throws Exception {
        var scheduler = new io.metermodem.hal.mock.VirtualScheduler();
        var wire = new io.metermodem.hal.mock.serial.SerialWire(scheduler, "uart");
        var sim = io.metermodem.testkit.module.SimulatedCellularModule.builder(dialect())
                .smsCodec(new FakePduFormat()).build(wire.dce("module"), scheduler);
        var port = wire.dte("cpu");
        ModuleType type = ModuleType.parse(dialect().name().toLowerCase(java.util.Locale.ROOT));
        var driver = CellularDrivers.binding(type, scheduler, new FakePduFormat()).apply(port);
        scheduler.advance(Duration.ofSeconds(5));
        assertTrue(port.isOpen());
        assertEquals(CellularDrivers.MODULE_LINE, port.settings());
        assertEquals("866123456789012", driver.identity().imei());
        assertTrue(sim.commands().contains(iccidCommand()));
    }

    @Test
    @DisplayName("HAL-7: an incoming data call rings with the caller's number, is answered, carries data both ways and is hung up with +++ and ATH")
    void incomingCall() throws Exception {
        ModuleBench b = bench().started();
        b.module.ring("+3611112222");
        b.advance(Duration.ofSeconds(7));
        assertEquals(List.of("+3611112222#1", "+3611112222#2", "+3611112222#3"), b.rings);
        CsdCall call = b.await(b.driver.answer(), Duration.ofSeconds(30));
        assertEquals("+3611112222", call.remoteNumber());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        List<CallEndReason> ended = new ArrayList<>();
        call.setReceiver(new CsdReceiver() {
            @Override
            public void onData(byte[] data, int offset, int length) {
                got.write(data, offset, length);
            }

            @Override
            public void onEnded(CallEndReason reason) {
                ended.add(reason);
            }
        });
        byte[] fromPeer = "/ISk5MT174-0001\r\n\r\nNO CARRIER ahead\r\n".getBytes(StandardCharsets.US_ASCII);
        b.module.peerSend(fromPeer);
        call.write("/?!\r\n".getBytes(StandardCharsets.US_ASCII), 0, 5);
        b.advance(Duration.ofMillis(100));
        assertEquals(new String(fromPeer, StandardCharsets.US_ASCII), got.toString(StandardCharsets.US_ASCII));
        assertEquals("/?!\r\n", new String(b.module.peerReceived(), StandardCharsets.US_ASCII));
        call.hangUp();
        b.advance(Duration.ofSeconds(5));
        assertEquals(List.of(CallEndReason.LOCAL_HANG_UP), ended);
        assertFalse(b.module.callConnected());
        assertTrue(b.module.commands().contains("ATH"));
        assertFalse(call.isConnected());
    }

    @Test
    @DisplayName("HAL-7: the far end hangs up: NO CARRIER ends the call and commands work again")
    void remoteHangUp() throws Exception {
        ModuleBench b = bench().started();
        b.module.dialOutcome("+3655556666", DialOutcome.CONNECT);
        CsdCall call = b.await(b.driver.dial("+3655556666"), Duration.ofSeconds(30));
        List<CallEndReason> ended = new ArrayList<>();
        call.setReceiver(new CsdReceiver() {
            @Override
            public void onData(byte[] data, int offset, int length) {
            }

            @Override
            public void onEnded(CallEndReason reason) {
                ended.add(reason);
            }
        });
        b.module.peerHangUp();
        b.advance(Duration.ofMillis(100));
        assertEquals(List.of(CallEndReason.REMOTE_HANG_UP), ended);
        b.module.register(RegistrationState.REGISTERED_HOME, AccessTechnology.LTE);
        b.advance(Duration.ofMillis(100));
        assertTrue(b.driver.status().registration().isRegistered(), "URCs are heard in command mode again");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"BUSY", "NO_ANSWER", "NO_CARRIER"})
    @DisplayName("HAL-7: a dialled call that fails reports BUSY, NO_ANSWER or NO_CARRIER")
    void dialFails(DialOutcome outcome) throws Exception {
        ModuleBench b = bench().started();
        b.module.dialOutcome("+3655556666", outcome);
        assertEquals(CellularException.Reason.valueOf(outcome.name()),
                reason(b.failure(b.driver.dial("+3655556666"), Duration.ofSeconds(30))));
    }

    @Test
    @DisplayName("HAL-7: answering with nothing ringing fails with NO_CALL; a caller who gives up is a missed call")
    void missedCall() throws Exception {
        ModuleBench b = bench().started();
        assertEquals(CellularException.Reason.NO_CALL, reason(b.failure(b.driver.answer(), Duration.ofSeconds(5))));
        b.module.ring("+3611112222");
        b.advance(Duration.ofSeconds(4));
        b.module.stopRinging();
        b.advance(Duration.ofSeconds(1));
        assertEquals(List.of(CallEndReason.MISSED), b.ringingStopped);
    }

    @Test
    @DisplayName("HAL-7: packet data comes up with the APN and the address the network gives, and goes down")
    void packetData() throws Exception {
        ModuleBench b = bench().started();
        assertEquals(CellularException.Reason.NOT_REGISTERED,
                reason(b.failure(b.driver.activatePacketData(Apn.of("internet")), Duration.ofSeconds(5))));
        b.module.register(RegistrationState.REGISTERED_HOME, AccessTechnology.LTE);
        b.module.ipAddress("10.20.30.40");
        b.advance(Duration.ofMillis(200));
        assertEquals("10.20.30.40", b.await(b.driver.activatePacketData(Apn.of("m2m.example")), Duration.ofMinutes(3)));
        assertEquals("m2m.example", b.module.apn());
        assertEquals(Optional.of("10.20.30.40"), b.driver.status().ipAddress());
        b.await(b.driver.deactivatePacketData(), Duration.ofMinutes(1));
        assertFalse(b.module.packetDataActive());
        assertFalse(b.driver.status().packetDataUp());
    }

    @Test
    @DisplayName("HAL-7: the network refuses an APN: REFUSED")
    void apnRefused() throws Exception {
        ModuleBench b = bench().started();
        b.module.register(RegistrationState.REGISTERED_HOME, AccessTechnology.LTE);
        b.module.refuseApn("forbidden");
        b.advance(Duration.ofMillis(200));
        assertEquals(CellularException.Reason.REFUSED,
                reason(b.failure(b.driver.activatePacketData(Apn.of("forbidden")), Duration.ofMinutes(3))));
    }

    @Test
    @DisplayName("HAL-7: ping reports the round trip of a host that replies and no reply for one that does not")
    void ping() throws Exception {
        ModuleBench b = bench().started();
        assertEquals(CellularException.Reason.NO_PACKET_DATA,
                reason(b.failure(b.driver.ping("10.0.0.1", Duration.ofSeconds(4)), Duration.ofSeconds(5))));
        b.module.register(RegistrationState.REGISTERED_HOME, AccessTechnology.LTE);
        b.advance(Duration.ofMillis(200));
        b.await(b.driver.activatePacketData(Apn.of("internet")), Duration.ofMinutes(3));
        b.module.pingReply("10.0.0.1", Duration.ofMillis(87));
        PingResult ok = b.await(b.driver.ping("10.0.0.1", Duration.ofSeconds(4)), Duration.ofSeconds(30));
        assertEquals(Optional.of(Duration.ofMillis(87)), ok.roundTrip());
        PingResult none = b.await(b.driver.ping("10.0.0.2", Duration.ofSeconds(4)), Duration.ofSeconds(30));
        assertFalse(none.replied());
    }

    @Test
    @DisplayName("HAL-7: restart() resets the module with AT+CFUN=1,1 and initialises it again after the boot")
    void restart() throws Exception {
        ModuleBench b = bench().started();
        b.await(b.driver.restart(), Duration.ofMinutes(1));
        assertFalse(b.module.echo(), "initialised again: echo off");
        assertTrue(b.module.commands().contains("AT+CFUN=1,1"));
        assertEquals(2, b.module.commands().stream().filter("ATE0"::equals).count());
    }

    @Test
    @DisplayName("HAL-7: a module that stops answering is resynchronised, then reset, and works again afterwards (never given up)")
    void recoversFromSilence() throws Exception {
        ModuleBench b = bench().started();
        b.module.silent(true);
        b.advance(Duration.ofMinutes(3)); // polls time out, probes fail, resets are asked for
        assertTrue(b.faults.contains(ModuleFault.AT_TIMEOUT));
        assertTrue(b.module.commands().contains("AT+CFUN=1,1"), "blind reset sent");
        b.module.silent(false);
        b.advance(Duration.ofMinutes(6));
        assertTrue(b.faults.contains(ModuleFault.MODULE_RESTARTED));
        b.module.register(RegistrationState.REGISTERED_HOME, AccessTechnology.LTE);
        b.advance(Duration.ofSeconds(1));
        assertTrue(b.driver.status().registration().isRegistered(), "re-initialised: registration URCs on again");
    }

    @Test
    @DisplayName("HAL-7: garbage bytes and a storm of URCs on the line do not disturb a command")
    void garbageAndUrcStorm() throws Exception {
        ModuleBench b = bench().started();
        b.module.register(RegistrationState.REGISTERED_HOME, AccessTechnology.LTE);
        b.advance(Duration.ofMillis(200));
        b.module.sendGarbage(new byte[] {(byte) 0xFF, 0x00, 'x', (byte) 0x80, '\r', '\n', '>', '>'});
        b.module.urcStorm(200);
        b.module.ipAddress("10.9.8.7");
        assertEquals("10.9.8.7", b.await(b.driver.activatePacketData(Apn.of("internet")), Duration.ofMinutes(3)));
        assertTrue(b.driver.status().registration().isRegistered());
    }
}
