package io.metermodem.benchmarks;

import io.metermodem.cellular.at.AtChannel;
import io.metermodem.cellular.at.AtChannelListener;
import io.metermodem.cellular.at.AtClientCore;
import io.metermodem.cellular.at.AtClientSettings;
import io.metermodem.cellular.at.AtCommand;
import io.metermodem.cellular.at.AtEvent;
import io.metermodem.cellular.at.AtResponse;
import io.metermodem.cellular.quectel.QuectelModule;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.serial.ControlLine;
import io.metermodem.hal.serial.FlowControl;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.PortRole;
import io.metermodem.hal.serial.Rs485Mode;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.serial.SerialPort;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Responses per second through the AT client (HAL-7), against an in-memory responder that answers
 * every command with {@code +CSQ: 20,99} and {@code OK} (with a URC in front, so every response also
 * passes the unsolicited-code path):
 * <ul>
 *   <li>{@code core}: the sans-I/O {@link AtClientCore} alone: submit, receive the answer, poll events;</li>
 *   <li>{@code channel}: the whole {@link AtChannel} (queue, hand-over to scheduler tasks, timer,
 *       future) on a {@link VirtualScheduler} and a port that answers at once, without wire timing.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class AtClientBenchmark {

    private static final byte[] ANSWER = "\r\n+CREG: 1\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final AtCommand CSQ = AtCommand.of("AT+CSQ");

    private AtClientCore core;
    private long now;
    private VirtualScheduler scheduler;
    private AtChannel channel;

    @Setup
    public void setUp() {
        core = new AtClientCore(AtClientSettings.DEFAULTS, QuectelModule.URCS);
        scheduler = new VirtualScheduler();
        channel = new AtChannel(new Responder(), scheduler, AtClientSettings.DEFAULTS, QuectelModule.URCS,
                new AtChannelListener() { });
    }

    @Benchmark
    public void core(Blackhole bh) {
        core.submit(CSQ, now);
        core.receive(ANSWER, 0, ANSWER.length, now);
        now += 1_000;
        AtEvent e;
        while ((e = core.poll()) != null) {
            bh.consume(e);
        }
    }

    @Benchmark
    public AtResponse channel() {
        CompletableFuture<AtResponse> f = channel.send(CSQ).toCompletableFuture();
        while (!f.isDone()) {
            scheduler.runDueTasks();
        }
        return f.join();
    }

    /** Answers each command line at once, on the writer's thread (in a scheduler task, as a UART would). */
    private final class Responder implements SerialPort {
        private SerialListener listener;

        @Override
        public void write(byte[] data, int offset, int length) {
            if (length > 0 && data[offset + length - 1] == '\r' && listener != null) {
                SerialListener l = listener;
                scheduler.execute(() -> l.onData(ANSWER, 0, ANSWER.length));
            }
        }

        @Override
        public void setListener(SerialListener newListener) {
            this.listener = newListener;
        }

        @Override
        public String name() {
            return "responder";
        }

        @Override
        public PortRole role() {
            return PortRole.DTE;
        }

        @Override
        public void open(LineSettings settings) {
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public LineSettings settings() {
            return LineSettings.STANDARD_9600_8N1;
        }

        @Override
        public void reconfigure(LineSettings settings) {
        }

        @Override
        public int read(byte[] buffer, int offset, int length, Duration timeout) {
            return 0;
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public void setControlLine(ControlLine line, boolean asserted) {
        }

        @Override
        public boolean controlLine(ControlLine line) {
            return false;
        }

        @Override
        public void setFlowControl(FlowControl flowControl) {
        }

        @Override
        public FlowControl flowControl() {
            return FlowControl.NONE;
        }

        @Override
        public void setRs485Mode(Rs485Mode mode) {
        }

        @Override
        public Rs485Mode rs485Mode() {
            return Rs485Mode.OFF;
        }

        @Override
        public void sendBreak(Duration duration) {
        }

        @Override
        public void close() {
        }
    }
}
