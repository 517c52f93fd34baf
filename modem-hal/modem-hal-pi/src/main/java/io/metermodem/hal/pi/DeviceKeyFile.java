package io.metermodem.hal.pi;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The device key of a Pi board (CFG-8): 32 random bytes in a file of their own, created on first
 * use with owner-only permissions and never written again. Keep it on another medium than the flash
 * image it protects (a different partition, a removable secure element's mount), so that a copy of
 * the flash image alone reveals no secret.
 */
public final class DeviceKeyFile {

    /** Length of the key in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    private DeviceKeyFile() {
    }

    /**
     * Reads the key, creating it first if the file does not exist.
     *
     * @param file where the key lives
     * @return a copy of the key
     * @throws IOException if the file cannot be read or created, or does not hold exactly 32 bytes
     */
    public static byte[] loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != KEY_BYTES) {
            throw new IOException("device key file " + file + " holds " + key.length + " bytes, not " + KEY_BYTES
                    + ": restore it from backup, or delete it to make a new key (the stored configuration is then lost)");
        }
        return key;
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".device-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows during development): the key still works.
            }
            Files.write(temp, key);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
        } catch (FileAlreadyExistsException e) {
            // Another process created it first: theirs wins, ours is discarded.
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
