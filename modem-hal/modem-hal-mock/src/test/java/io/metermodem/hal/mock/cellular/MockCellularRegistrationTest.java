package io.metermodem.hal.mock.cellular;

import static io.metermodem.hal.mock.cellular.Outcome.failure;
import static io.metermodem.hal.mock.cellular.Outcome.isPending;
import static io.metermodem.hal.mock.cellular.Outcome.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.CellularException.Reason;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.cellular.ModuleIdentity;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.cellular.SimState;
import io.metermodem.hal.mock.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MockCellularRegistrationTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final MockCellularNetwork network = new MockCellularNetwork(scheduler);
    private final RecordingListener listener = new RecordingListener(scheduler);

    MockCellularRegistrationTest() {
        network.addListener(listener);
    }

    @Test
    @DisplayName("HAL-7: with a ready SIM the module searches, attaches 3 s after a network appears and reports it")
    void registersOnOfferedNetwork() {
        assertEquals(RegistrationState.SEARCHING, network.status().registration());

        network.networkAvailable(AccessTechnology.LTE, "Telekom HU").rssi(-71);
        scheduler.advance(Duration.ofMillis(2999));
        assertEquals(RegistrationState.SEARCHING, network.status().registration());
        scheduler.advance(Duration.ofMillis(1));

        CellularStatus status = network.status();
        assertEquals(new CellularStatus(SimState.READY, RegistrationState.REGISTERED_HOME, AccessTechnology.LTE,
                OptionalInt.of(-71), Optional.of("Telekom HU"), Optional.empty()), status);
        assertEquals(status, listener.lastStatus());
        assertEquals(List.of("status:READY/SEARCHING/NONE/-75dBm@0", "status:READY/SEARCHING/NONE/-71dBm@0",
                "status:READY/REGISTERED_HOME/LTE/-71dBm@3000"), listener.events);
    }

    @Test
    @DisplayName("HAL-7: technology and RSSI changes each produce a fresh status snapshot, in order")
    void technologyAndRssiChanges() {
        network.registerOn(AccessTechnology.LTE, "Telekom HU");
        scheduler.runDueTasks();
        listener.statuses.clear();

        network.changeTechnology(AccessTechnology.GSM);
        network.rssi(-95);
        network.rssiUnknown();
        network.registerOn(AccessTechnology.NB_IOT, "Yettel");
        network.rssi(-95); // no change of the snapshot: rssi(-95) was set before but unknown -> known again
        scheduler.runDueTasks();

        assertEquals(List.of(AccessTechnology.GSM, AccessTechnology.GSM, AccessTechnology.GSM,
                        AccessTechnology.NB_IOT, AccessTechnology.NB_IOT),
                listener.statuses.stream().map(CellularStatus::technology).toList());
        assertEquals(List.of(OptionalInt.of(-75), OptionalInt.of(-95), OptionalInt.empty(), OptionalInt.empty(),
                        OptionalInt.of(-95)),
                listener.statuses.stream().map(CellularStatus::rssiDbm).toList());
        assertEquals(Optional.of("Yettel"), network.status().operator());
        assertThrows(IllegalArgumentException.class, () -> network.rssi(5));
        assertThrows(IllegalArgumentException.class, () -> network.registerOn(AccessTechnology.NONE, "x"));
    }

    @Test
    @DisplayName("HAL-7: losing coverage makes the module search and reports NETWORK_LOST; roaming is reported")
    void loseNetworkAndRoaming() {
        network.registerRoaming(AccessTechnology.UMTS, "Vodafone RO");
        scheduler.runDueTasks();
        assertEquals(RegistrationState.REGISTERED_ROAMING, network.status().registration());

        scheduler.advance(Duration.ofSeconds(1));
        network.loseNetwork();
        scheduler.runDueTasks();

        assertEquals(RegistrationState.SEARCHING, network.status().registration());
        assertEquals(AccessTechnology.NONE, network.status().technology());
        assertEquals(OptionalInt.empty(), network.status().rssiDbm());
        assertEquals(List.of("status:READY/REGISTERED_ROAMING/UMTS/-75dBm@0", "status:READY/SEARCHING/NONE@1000",
                "fault:NETWORK_LOST@1000"), listener.events);
    }

    @Test
    @DisplayName("HAL-7: a denied registration is reported as DENIED and as a lost network")
    void denied() {
        network.registerOn(AccessTechnology.LTE_CAT_M1, "Telekom HU");
        network.deny();
        scheduler.advance(Duration.ofMinutes(1));

        assertEquals(RegistrationState.DENIED, network.status().registration());
        assertTrue(listener.kinds().contains("fault:NETWORK_LOST"));
        network.registerOn(AccessTechnology.LTE_CAT_M1, "Telekom HU");
        assertEquals(RegistrationState.REGISTERED_HOME, network.status().registration());
    }

    @Test
    @DisplayName("HAL-7: the right PIN unlocks the SIM after 200 ms and the module registers 3 s later by itself")
    void pinThenRegistration() {
        network.requirePin("1234").registerOn(AccessTechnology.LTE, "Telekom HU");
        assertEquals(SimState.PIN_REQUIRED, network.status().sim());
        assertEquals(RegistrationState.NOT_REGISTERED, network.status().registration());

        CompletionStage<Void> unlock = network.enterPin("1234");
        scheduler.advance(Duration.ofMillis(199));
        assertTrue(isPending(unlock));
        scheduler.advance(Duration.ofMillis(1));

        assertEquals(null, value(unlock));
        assertEquals(SimState.READY, network.status().sim());
        scheduler.advance(Duration.ofSeconds(3));
        assertEquals(RegistrationState.REGISTERED_HOME, network.status().registration());
        assertEquals(List.of("status:PIN_REQUIRED/NOT_REGISTERED/NONE@0",
                "status:PIN_REQUIRED/NOT_REGISTERED/NONE/-75dBm@0", "status:READY/SEARCHING/NONE/-75dBm@200",
                "status:READY/REGISTERED_HOME/LTE/-75dBm@3200"), listener.events);
    }

    @Test
    @DisplayName("HAL-7: three wrong PINs block the SIM (PUK_REQUIRED); then even the right PIN fails")
    void wrongPinThreeTimes() {
        network.requirePin("1234");

        CompletionStage<Void> first = network.enterPin("0000");
        scheduler.advance(Duration.ofSeconds(1));
        CompletionStage<Void> second = network.enterPin("1111");
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(1, network.pinAttemptsLeft());
        CompletionStage<Void> third = network.enterPin("2222");
        scheduler.advance(Duration.ofSeconds(1));
        CompletionStage<Void> right = network.enterPin("1234");
        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(Reason.PIN_WRONG, failure(first));
        assertEquals(Reason.PIN_WRONG, failure(second));
        assertEquals(Reason.SIM_BLOCKED, failure(third));
        assertEquals(Reason.SIM_BLOCKED, failure(right));
        assertEquals(SimState.PUK_REQUIRED, network.status().sim());
        assertEquals(SimState.PUK_REQUIRED, listener.lastStatus().sim());
        assertThrows(IllegalArgumentException.class, () -> network.enterPin("12"));
    }

    @Test
    @DisplayName("HAL-7: without a SIM the module is not registered, has no SIM identities and refuses SIM work")
    void simAbsent() {
        network.registerOn(AccessTechnology.LTE, "Telekom HU");
        network.simAbsent();
        CompletionStage<Void> pin = network.enterPin("1234");
        CompletionStage<Integer> sms = network.sendSms(new OutgoingSms("+36301234567", "hi"));
        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(SimState.ABSENT, network.status().sim());
        assertEquals(RegistrationState.NOT_REGISTERED, network.status().registration());
        assertEquals(Reason.SIM_ABSENT, failure(pin));
        assertEquals(Reason.SIM_ABSENT, failure(sms));
        ModuleIdentity identity = network.identity();
        assertEquals(MockCellularNetwork.DEFAULT_IMEI, identity.imei());
        assertEquals(Optional.empty(), identity.imsi());
        assertEquals(Optional.empty(), identity.iccid());
        assertFalse(listener.kinds().contains("fault:NETWORK_LOST"));

        network.insertSim();
        scheduler.advance(Duration.ofSeconds(3));
        assertEquals(RegistrationState.REGISTERED_HOME, network.status().registration());
    }

    @Test
    @DisplayName("HAL-7: identities have sensible defaults and can be scripted, with validation")
    void identities() {
        network.imei("490154203237518").imsi("21670123456789").iccid("89367012345678901234")
                .moduleInfo("Quectel", "EC21", "EC21EFAR06A01M4G");

        ModuleIdentity identity = network.identity();

        assertEquals(new ModuleIdentity("Quectel", "EC21", "EC21EFAR06A01M4G", "490154203237518",
                Optional.of("21670123456789"), Optional.of("89367012345678901234")), identity);
        assertThrows(IllegalArgumentException.class, () -> network.imei("123"));
        assertThrows(IllegalArgumentException.class, () -> network.iccid("12"));
    }

    @Test
    @DisplayName("HAL-7: an AT timeout fault fails operations after the AT timeout and reports AT_TIMEOUT")
    void atTimeout() {
        network.requirePin("1234").atTimeout();

        CompletionStage<Void> pin = network.enterPin("1234");
        scheduler.advance(Duration.ofMillis(4999));
        assertTrue(isPending(pin));
        scheduler.advance(Duration.ofMillis(1));

        assertEquals(Reason.TIMEOUT, failure(pin));
        assertEquals(List.of("status:PIN_REQUIRED/NOT_REGISTERED/NONE@0", "fault:AT_TIMEOUT@5000"), listener.events);
        network.respondAgain();
        CompletionStage<Void> again = network.enterPin("1234");
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(null, value(again));
    }

    @Test
    @DisplayName("HAL-7: a restart loses everything at once, answers after 10 s, asks for the PIN again and re-registers")
    void restart() {
        network.requirePin("1234").registerOn(AccessTechnology.LTE, "Telekom HU").atTimeout();
        network.respondAgain();
        network.enterPin("1234");
        scheduler.advance(Duration.ofSeconds(4));
        assertEquals(RegistrationState.REGISTERED_HOME, network.status().registration());
        network.atTimeout();
        listener.events.clear();

        CompletionStage<Void> restart = network.restart();
        assertEquals(CellularStatus.UNKNOWN, network.status());
        assertTrue(network.isRestarting());
        scheduler.advance(Duration.ofSeconds(10));

        assertEquals(null, value(restart));
        assertEquals(SimState.PIN_REQUIRED, network.status().sim());
        CompletionStage<Void> pin = network.enterPin("1234");   // the AT timeout fault is gone
        scheduler.advance(Duration.ofMillis(3200));
        assertEquals(null, value(pin));
        assertEquals(RegistrationState.REGISTERED_HOME, network.status().registration());
        assertEquals(List.of("status:FAILURE/UNKNOWN/NONE@4000", "status:PIN_REQUIRED/NOT_REGISTERED/NONE/-75dBm@14000",
                "status:READY/SEARCHING/NONE/-75dBm@14200", "status:READY/REGISTERED_HOME/LTE/-75dBm@17200"), listener.events);
    }

    @Test
    @DisplayName("HAL-7: a spontaneous module restart is reported and fails the operations it interrupted")
    void crash() {
        network.registerOn(AccessTechnology.LTE, "Telekom HU");
        CompletionStage<Integer> sms = network.sendSms(new OutgoingSms("+36301234567", "report"));
        scheduler.advance(Duration.ofSeconds(1));

        network.crashModule();
        scheduler.advance(Duration.ofSeconds(1));
        CompletionStage<Void> duringRestart = network.enterPin("1234");
        scheduler.advance(Duration.ofSeconds(12));

        assertEquals(Reason.TIMEOUT, failure(sms));
        assertEquals(Reason.TIMEOUT, failure(duringRestart));
        assertEquals(List.of(), network.sentSms());
        assertTrue(listener.kinds().contains("fault:MODULE_RESTARTED"));
        assertFalse(listener.kinds().contains("fault:NETWORK_LOST"));
        assertEquals(RegistrationState.REGISTERED_HOME, network.status().registration());
    }
}
