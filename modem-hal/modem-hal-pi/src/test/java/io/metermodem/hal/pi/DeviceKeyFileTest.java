package io.metermodem.hal.pi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceKeyFileTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("HAL-8: a Pi board's device key is created once, owner-only, and read back the same on every start")
    void createdOnceAndStable() throws IOException {
        Path file = dir.resolve("keys/device.key");
        byte[] first = DeviceKeyFile.loadOrCreate(file);
        byte[] again = DeviceKeyFile.loadOrCreate(file);

        assertEquals(32, first.length);
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, DeviceKeyFile.loadOrCreate(dir.resolve("other.key"))), "keys are random");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
    }

    @Test
    @DisplayName("HAL-8: a damaged device key file is refused with a message saying what to do")
    void damagedRefused() throws IOException {
        Path file = dir.resolve("device.key");
        Files.write(file, new byte[7]);
        IOException e = assertThrows(IOException.class, () -> DeviceKeyFile.loadOrCreate(file));
        assertTrue(e.getMessage().contains("7 bytes"), e.getMessage());
    }
}
