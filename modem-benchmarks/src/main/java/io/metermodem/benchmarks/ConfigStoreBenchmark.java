package io.metermodem.benchmarks;

import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.config.store.StoredRecord;
import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.hal.nvm.NonVolatileMemory;
import io.metermodem.hal.pi.FileNonVolatileMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Load and commit of a full configuration (a {@value #PAYLOAD}-byte payload) in the A/B
 * configuration store (CFG-2, CFG-8), in microseconds per operation:
 * <ul>
 *   <li>{@code memory=mock}: on the in-memory {@link MockFlash} (4 KiB pages), i.e. the cost of the
 *       store itself: two slot reads and checks, CRC-32C, AES-256-GCM;</li>
 *   <li>{@code memory=file}: on the Pi's {@link FileNonVolatileMemory} in a temporary directory, whose
 *       every erase and write is journalled and forced to disk, so a commit is dominated by fsync;</li>
 *   <li>{@code cipher=none}: the same without encryption, to show what AES-GCM costs.</li>
 * </ul>
 * A commit reads and checks both slots, erases one page, writes and syncs the record, reads it back
 * and checks it; a load reads and checks both slots.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class ConfigStoreBenchmark {

    static final int PAYLOAD = 2048;

    @Param({"mock", "file"})
    public String memory;

    @Param({"aes-gcm", "none"})
    public String cipher;

    private Path dir;
    private FileNonVolatileMemory file;
    private ConfigurationStore store;
    private final byte[] payload = new byte[PAYLOAD];

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        new Random(42).nextBytes(payload);
        NonVolatileMemory nvm;
        if (memory.equals("file")) {
            dir = Files.createTempDirectory("metermodem-configstore-bench");
            file = FileNonVolatileMemory.open(dir.resolve("flash.bin"), 4096, 8);
            nvm = file;
        } else {
            nvm = new MockFlash(4096, 8);
        }
        byte[] key = new byte[32];
        new Random(7).nextBytes(key);
        store = new ConfigurationStore(nvm, cipher.equals("none") ? AtRestCipher.none() : new AtRestCipher(key));
        store.commit(payload, 1); // both slots full, as on a modem in service
        store.commit(payload, 1);
    }

    @Benchmark
    public StoredRecord load() throws IOException {
        return store.load().orElseThrow(() -> new IllegalStateException("the store lost its record"));
    }

    @Benchmark
    public StoredRecord commit() throws IOException {
        return store.commit(payload, 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (file != null) {
            file.close();
            Files.deleteIfExists(file.file());
            Files.deleteIfExists(FileNonVolatileMemory.journalPath(file.file()));
            Files.deleteIfExists(dir);
        }
    }
}
