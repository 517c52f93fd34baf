package io.metermodem.benchmarks;

import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.mock.serial.SerialWire;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialListener;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated bytes per second through the bit-level mock wire, on one core: a block of
 * {@value #BLOCK} bytes is written at one end and virtual time advanced until the other end has
 * it. The score (operations per second) is simulated characters per second.
 *
 * <ul>
 *   <li>{@code matched-read}: both ends 115200 8N1, receiver drained with {@code readAvailable()}
 *       (the lazy path a polling reader uses);</li>
 *   <li>{@code matched-listener}: both ends 115200 8N1, characters pushed to a listener at their
 *       exact arrival times;</li>
 *   <li>{@code matched-listener-fifoN}: as above with a receive FIFO trigger level of N characters,
 *       as a hardware UART hands characters to its driver;</li>
 *   <li>{@code mismatched-listener}: 7E1 sender, 8N1 receiver: every character is sampled bit by
 *       bit from the waveform.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class WireThroughputBenchmark {

    static final int BLOCK = 4096;

    @Param({"matched-read", "matched-listener", "matched-listener-fifo16", "matched-listener-fifo64", "mismatched-listener"})
    public String scenario;

    private VirtualScheduler scheduler;
    private MockSerialPort sender;
    private MockSerialPort receiver;
    private final byte[] block = new byte[BLOCK];
    private long blockNanos;
    private long received;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        for (int i = 0; i < BLOCK; i++) {
            block[i] = (byte) (i * 31 + 7);
        }
        scheduler = new VirtualScheduler();
        SerialWire wire = new SerialWire(scheduler, "bench");
        sender = wire.dce("sender");
        receiver = wire.dte("receiver");
        LineSettings fast8n1 = new LineSettings(115_200, FrameFormat.F8N1);
        if (scenario.startsWith("mismatched")) {
            sender.open(new LineSettings(115_200, FrameFormat.F7E1));
        } else {
            sender.open(fast8n1);
        }
        receiver.open(fast8n1);
        receiver.setReceiveBufferCapacity(2 * BLOCK);
        if (scenario.contains("fifo")) {
            receiver.setReceiveFifoTrigger(Integer.parseInt(scenario.substring(scenario.indexOf("fifo") + 4)));
        }
        if (scenario.contains("listener")) {
            receiver.setListener(new SerialListener() {
                @Override
                public void onData(byte[] data, int offset, int length) {
                    received += length;
                }
            });
        }
        blockNanos = Math.round(BLOCK * 10 * 1e9 / 115_200) + 1;
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public long transferBlock() throws IOException {
        sender.write(block, 0, BLOCK);
        scheduler.advanceTo(scheduler.nanoTime() + blockNanos);
        if (!scenario.contains("listener")) {
            received += receiver.readAvailable().length;
        }
        return received;
    }

    @TearDown(Level.Trial)
    public void check() {
        if (received == 0) {
            throw new IllegalStateException("nothing was received: the benchmark measured nothing");
        }
        sender.close();
        receiver.close();
    }
}
