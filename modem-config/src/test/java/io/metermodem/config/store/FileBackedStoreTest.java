package io.metermodem.config.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.hal.pi.FileNonVolatileMemory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on the Raspberry Pi's file-backed flash (CFG-2, CFG-8, HAL-6): a commit survives closing and
 * reopening the file, and the file holds no plaintext. These tests write real files with fsync and take a
 * file lock, so each has a timeout as a safety net against a hung file system.
 */
@Timeout(60)
class FileBackedStoreTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("HAL-6: a configuration committed to the Pi's flash file loads after the file is closed and reopened")
    void commitCloseReopenLoad() throws IOException {
        Path file = dir.resolve("flash.bin");
        AtRestCipher cipher = new AtRestCipher(Fixtures.key(7));
        StoredRecord last;
        try (FileNonVolatileMemory flash = FileNonVolatileMemory.open(file, 4096, 8)) {
            ConfigurationStore store = new ConfigurationStore(flash, cipher);
            store.commit(Fixtures.payload(2048, 1), 1);
            last = store.commit(Fixtures.payload(2048, 2), 1);
        }

        try (FileNonVolatileMemory flash = FileNonVolatileMemory.open(file, 4096, 8)) {
            ConfigurationStore store = new ConfigurationStore(flash, cipher);
            assertEquals(Optional.of(last), store.load());
            assertEquals(Optional.of(Slot.B), store.health().current());
            StoredRecord next = store.commit(Fixtures.payload(10, 3), 2);
            assertEquals(Optional.of(next), new ConfigurationStore(flash, cipher).load());
        }
    }

    @Test
    @DisplayName("CFG-8: the Pi's flash file holds no plaintext of the configuration")
    void flashFileHoldsNoPlaintext() throws IOException {
        Path file = dir.resolve("flash.bin");
        byte[] secret = "apn-secret-passw0rd".getBytes(StandardCharsets.US_ASCII);
        try (FileNonVolatileMemory flash = FileNonVolatileMemory.open(file, 4096, 4)) {
            new ConfigurationStore(flash, new AtRestCipher(Fixtures.key(7))).commit(secret, 1);
        }

        String dump = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(dump.contains("apn-secret-passw0rd"));
    }
}
