package io.metermodem.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.config.store.StoredRecord;
import io.metermodem.hal.mock.nvm.MockFlash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigurationServiceTest {

    private static final ParameterRegistry REGISTRY = TestRegistries.FAST;

    private static Transaction set(String name, String value) {
        return Transaction.builder().set(name, value).build();
    }

    private static ConfigurationStore store(MockFlash flash) {
        return new ConfigurationStore(flash, new AtRestCipher(new byte[32]));
    }

    @Test
    @DisplayName("CFG-3: a fresh device starts with the defaults")
    void freshDeviceHasDefaults() {
        ConfigurationService service = ConfigurationService.open(REGISTRY, store(new MockFlash()));
        assertEquals(REGISTRY.defaults(), service.current());
        assertTrue(service.loadWarnings().isEmpty());
    }

    @Test
    @DisplayName("CFG-2: a committed change survives a restart (reopen on the same flash)")
    void committedChangeSurvivesRestart() {
        MockFlash flash = new MockFlash();
        ConfigurationService service = ConfigurationService.open(REGISTRY, store(flash));
        ChangeOutcome outcome = service.apply(Transaction.builder().set("conn.apn_name", "net")
                .set("csd.password", "s3cret").build());
        assertEquals(ChangeOutcome.OK, outcome.errorCode());

        ConfigurationService reopened = ConfigurationService.open(REGISTRY, store(flash));
        assertEquals(service.current(), reopened.current());
        assertEquals("net", reopened.current().text("conn.apn_name"));
        assertTrue(reopened.current().passwordMatches("csd.password", "s3cret"));
        assertFalse(flash.contains("s3cret".getBytes(StandardCharsets.UTF_8)), "password never stored in plain");
    }

    @Test
    @DisplayName("CFG-2, SMS-10: a flash copy that differs from RAM gives error -1 and changes nothing")
    void flashMismatchIsMinusOne() {
        ScriptedVault vault = new ScriptedVault();
        ConfigurationService service = ConfigurationService.open(REGISTRY, vault);
        service.apply(set("tm.baud", "19200"));
        Configuration before = service.current();
        List<ConfigurationChanged> heard = new ArrayList<>();
        service.addListener(heard::add);
        vault.flashMatches = false;

        ChangeOutcome outcome = service.apply(set("tm.baud", "300"));

        assertInstanceOf(ChangeOutcome.FlashMismatch.class, outcome);
        assertEquals(-1, outcome.errorCode());
        assertSame(before, service.current());
        assertEquals(1, vault.commits.size());
        assertTrue(heard.isEmpty());
    }

    @Test
    @DisplayName("CFG-1: an invalid transaction writes nothing and keeps the configuration")
    void invalidWritesNothing() {
        ScriptedVault vault = new ScriptedVault();
        ConfigurationService service = ConfigurationService.open(REGISTRY, vault);
        ChangeOutcome outcome = service.apply(Transaction.builder().set("conn.apn_name", "ok")
                .set("tm.baud", "7").build());
        ChangeOutcome.Invalid invalid = assertInstanceOf(ChangeOutcome.Invalid.class, outcome);
        assertEquals(ChangeOutcome.INVALID, invalid.errorCode());
        assertEquals(1, invalid.errors().size());
        assertTrue(vault.commits.isEmpty());
        assertEquals(REGISTRY.defaults(), service.current());
    }

    @Test
    @DisplayName("CFG-3, SMS-6: factory reset commits the defaults, passwords included, error code 0")
    void factoryReset() {
        ScriptedVault vault = new ScriptedVault();
        ConfigurationService service = ConfigurationService.open(REGISTRY, vault);
        service.apply(Transaction.builder().set("tm.baud", "300").set("csd.password", "pw").build());
        List<ConfigurationChanged> heard = new ArrayList<>();
        service.addListener(heard::add);
        vault.flashMatches = false; // a reset is the way out of a mismatch

        ChangeOutcome outcome = service.factoryReset();

        assertEquals(0, outcome.errorCode());
        assertEquals(REGISTRY.defaults(), service.current());
        assertFalse(service.current().isPasswordSet("csd.password"));
        assertEquals(2, vault.commits.size());
        assertEquals(ConfigurationChanged.Cause.FACTORY_RESET, heard.getFirst().cause());
        assertEquals(Set.of("tm.baud", "csd.password"), heard.getFirst().changed());
    }

    @Test
    @DisplayName("CFG-4: listeners hear the committed change with the restart flag, after the commit")
    void listenersHearCommittedChange() {
        ScriptedVault vault = new ScriptedVault();
        ConfigurationService service = ConfigurationService.open(REGISTRY, vault);
        List<ConfigurationChanged> heard = new ArrayList<>();
        List<Integer> commitsSeen = new ArrayList<>();
        service.addListener(c -> {
            throw new IllegalStateException("a broken listener must not stop the others");
        });
        service.addListener(c -> {
            heard.add(c);
            commitsSeen.add(vault.commits.size());
        });

        service.apply(set("conn.apn_name", "net"));
        service.apply(set("led.led3", "firmware"));

        assertEquals(2, heard.size());
        assertTrue(heard.get(0).restartRequired());
        assertFalse(heard.get(1).restartRequired());
        assertEquals(List.of(1, 2), commitsSeen);
        assertEquals(ConfigurationChanged.Cause.TRANSACTION, heard.get(0).cause());
        assertEquals("", heard.get(0).previous().text("conn.apn_name"));
        assertEquals("net", heard.get(0).current().text("conn.apn_name"));
    }

    @Test
    @DisplayName("CFG-4: a removed listener hears nothing; an unchanged write commits nothing")
    void removedListenerAndUnchanged() {
        ScriptedVault vault = new ScriptedVault();
        ConfigurationService service = ConfigurationService.open(REGISTRY, vault);
        List<ConfigurationChanged> heard = new ArrayList<>();
        ConfigurationListener l = heard::add;
        service.addListener(l);
        assertTrue(service.removeListener(l));
        service.apply(set("tm.baud", "300"));
        assertTrue(heard.isEmpty());
        ChangeOutcome same = service.apply(set("tm.baud", "300"));
        assertInstanceOf(ChangeOutcome.Unchanged.class, same);
        assertEquals(0, same.errorCode());
        assertEquals(1, vault.commits.size());
    }

    @Test
    @DisplayName("CFG-2: an unreadable store opens with the defaults")
    void unreadableStoreGivesDefaults() {
        ScriptedVault vault = new ScriptedVault();
        vault.failLoad = true;
        assertEquals(REGISTRY.defaults(), ConfigurationService.open(REGISTRY, vault).current());
    }

    @Test
    @DisplayName("CFG-2: a failed write reports -1 and keeps the configuration")
    void failedWrite() {
        ScriptedVault vault = new ScriptedVault();
        ConfigurationService service = ConfigurationService.open(REGISTRY, vault);
        vault.failCommit = true;
        ChangeOutcome outcome = service.apply(set("tm.baud", "300"));
        assertInstanceOf(ChangeOutcome.StorageFailure.class, outcome);
        assertEquals(-1, outcome.errorCode());
        assertEquals(REGISTRY.defaults(), service.current());
    }

    @Test
    @DisplayName("CFG-2: a record with unknown names and bad values loads with repairs")
    void loadWithRepairs() {
        ScriptedVault vault = new ScriptedVault();
        byte[] payload = CodecPayloads.of("future.param", "1", "tm.baud", "12345", "conn.apn_name", "net");
        vault.initial = Optional.of(new StoredRecord(7, 2, payload, 0));
        ConfigurationService service = ConfigurationService.open(REGISTRY, vault);
        assertEquals("net", service.current().text("conn.apn_name"));
        assertEquals(9600, service.current().intValue("tm.baud"));
        assertFalse(service.loadWarnings().isEmpty());
    }
}
