package io.metermodem.benchmarks;

import io.metermodem.at.AtInterpreter;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.mock.MockBoard;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Command lines per second through the AT interpreter (AT-22, AT-23): a batch of {@value #LINES}
 * typical lines (bare {@code AT}, a chained basic line, an S-register read, {@code AT+CGSN} answered
 * from the mock cellular module, {@code AT+CGDCONT?} read from the configuration, an unknown command)
 * fed as one byte stream with the echo on, answers collected by a terminal that only counts bytes.
 * {@code split=byte} feeds the same stream one byte per call, as a slow serial line would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class AtInterpreterBenchmark {

    static final int LINES = 6;
    private static final byte[] BATCH = ("AT\rATE1V1Q0X1&C1S0=3\rATS12?\rAT+CGSN\rAT+CGDCONT?\rATJ\r")
            .getBytes(StandardCharsets.US_ASCII);

    @Param({"line", "byte"})
    public String split;

    private MockBoard board;
    private AtInterpreter interpreter;
    private long answered;

    @Setup(Level.Trial)
    public void setUp() {
        board = MockBoard.builder().build();
        board.network().registerOn(AccessTechnology.LTE, "Bench");
        ConfigurationService config = ConfigurationService.open(ParameterRegistry.wmE2s(),
                new ConfigurationStore(board.nonVolatileMemory(), new AtRestCipher(board.deviceKey())));
        interpreter = AtInterpreter.builder().scheduler(board.scheduler()).cellularModule(board.cellularModule())
                .configuration(config).terminal(bytes -> answered += bytes.length).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        interpreter.close();
        board.close();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void commandLines(Blackhole bh) {
        if (split.equals("byte")) {
            for (int i = 0; i < BATCH.length; i++) {
                interpreter.receive(BATCH, i, 1);
            }
        } else {
            interpreter.receive(BATCH, 0, BATCH.length);
        }
        bh.consume(answered);
    }
}
