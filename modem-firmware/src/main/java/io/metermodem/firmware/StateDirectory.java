package io.metermodem.firmware;

import io.metermodem.config.ConfigurationService;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.pi.DeviceKeyFile;
import io.metermodem.hal.pi.FileNonVolatileMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a modem run on a PC keeps what the device keeps in its flash: the configuration store on a
 * file-backed non-volatile memory ({@code flash.bin}, 16 pages of 4 KiB, journaled) and the device
 * key ({@code device.key}) that encrypts it (CFG-2, CFG-8). {@code ./modem run --state DIR} and the
 * {@code ./modem config} commands open the same directory; the default is {@code ./state}.
 */
public final class StateDirectory implements AutoCloseable {

    /** The directory used when none is given. */
    public static final Path DEFAULT = Path.of("state");
    /** Flash geometry of the state file. */
    public static final int PAGE_SIZE = 4096;
    /** Flash geometry of the state file. */
    public static final int PAGE_COUNT = 16;

    private final Path directory;
    private final FileNonVolatileMemory flash;
    private final ConfigurationService configuration;

    private StateDirectory(Path directory, FileNonVolatileMemory flash, ConfigurationService configuration) {
        this.directory = directory;
        this.flash = flash;
        this.configuration = configuration;
    }

    /**
     * Opens (creating on first use) the state in {@code directory} and loads the configuration:
     * the stored one, or the factory defaults on a fresh directory.
     *
     * @param directory the state directory
     * @param registry  the parameters
     * @return the open state; close it to release the flash file
     * @throws IOException if the directory, the key or the flash file cannot be used
     */
    public static StateDirectory open(Path directory, ParameterRegistry registry) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Files.createDirectories(directory);
        byte[] key = DeviceKeyFile.loadOrCreate(directory.resolve("device.key"));
        FileNonVolatileMemory flash = FileNonVolatileMemory.open(directory.resolve("flash.bin"), PAGE_SIZE, PAGE_COUNT);
        try {
            ConfigurationStore store = new ConfigurationStore(flash, new AtRestCipher(key));
            return new StateDirectory(directory, flash, ConfigurationService.open(registry, store));
        } catch (RuntimeException e) {
            flash.close();
            throw e;
        }
    }

    /** @return the directory */
    public Path directory() {
        return directory;
    }

    /** @return the configuration service on this state */
    public ConfigurationService configuration() {
        return configuration;
    }

    @Override
    public void close() throws IOException {
        flash.close();
    }
}
