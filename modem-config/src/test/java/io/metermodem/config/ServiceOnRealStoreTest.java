package io.metermodem.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.nvm.MockFlash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The configuration service on the real A/B store, AES-GCM and the mock flash: what a modem runs. */
class ServiceOnRealStoreTest {

    private final MockBoard board = MockBoard.builder().build();
    private final MockFlash flash = board.nonVolatileMemory();

    private ConfigurationService open() {
        return ConfigurationService.open(TestRegistries.FAST,
                new ConfigurationStore(flash, new AtRestCipher(board.deviceKey())));
    }

    @Test
    @DisplayName("CFG-2, SMS-10: a flash copy that no longer matches the RAM copy refuses the change with error code -1 and changes nothing")
    void flashMismatchIsMinusOne() {
        ConfigurationService service = open();
        ChangeOutcome first = service.apply(Transaction.builder().set("conn.apn_name", "first.apn").build());
        assertEquals(0, first.errorCode());

        // A retention error in the record just committed: the flash no longer holds what RAM holds.
        byte[] image = flash.snapshot();
        int used = 0;
        while (used < image.length && image[used] != (byte) 0xFF) {
            used++;
        }
        flash.flipBit(used / 2, 3);

        ChangeOutcome second = service.apply(Transaction.builder().set("conn.apn_name", "second.apn").build());
        assertInstanceOf(ChangeOutcome.FlashMismatch.class, second);
        assertEquals(-1, second.errorCode());
        assertEquals("first.apn", service.current().text("conn.apn_name"));
    }

    @Test
    @DisplayName("CFG-2, CFG-8: committed settings survive a restart, and the flash holds no APN password in clear")
    void survivesRestartEncrypted() {
        ConfigurationService service = open();
        assertEquals(0, service.apply(Transaction.builder()
                .set("conn.apn_name", "meters.example")
                .set("conn.apn_pass", "apn-secret-passw0rd").build()).errorCode());

        ConfigurationService restarted = open();

        assertEquals("meters.example", restarted.current().text("conn.apn_name"));
        assertEquals("apn-secret-passw0rd", restarted.current().text("conn.apn_pass"));
        assertFalse(flash.contains("apn-secret-passw0rd".getBytes(StandardCharsets.UTF_8)));
        assertFalse(flash.contains("meters.example".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("CFG-3: a factory reset commits the defaults, also over a damaged flash copy")
    void factoryResetOverDamage() {
        ConfigurationService service = open();
        service.apply(Transaction.builder().set("tm.baud", "300").build());
        flash.flipBit(40, 1);

        ChangeOutcome reset = service.factoryReset();

        assertEquals(0, reset.errorCode());
        assertEquals(ParameterRegistry.wmE2s().parameter("tm.baud").defaultValue(),
                open().current().valueText("tm.baud"));
    }
}
