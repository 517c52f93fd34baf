package io.metermodem.sms.mread;

import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import io.metermodem.transparent.bridge.Channel;
import io.metermodem.transparent.bridge.MeterLineBorrower;
import io.metermodem.transparent.bridge.MeterLineLoan;
import io.metermodem.transparent.bridge.TransparentBridge;
import io.metermodem.transparent.iec.ArmTimer;
import io.metermodem.transparent.iec.CancelTimer;
import io.metermodem.transparent.iec.ConfigureLine;
import io.metermodem.transparent.iec.IecBaudRate;
import io.metermodem.transparent.iec.IecModeCSession;
import io.metermodem.transparent.iec.IecReadFailure;
import io.metermodem.transparent.iec.IecReadout;
import io.metermodem.transparent.iec.IecSessionAction;
import io.metermodem.transparent.iec.IecTimings;
import io.metermodem.transparent.iec.ReadFailed;
import io.metermodem.transparent.iec.ReadoutCompleted;
import io.metermodem.transparent.iec.SignOn;
import io.metermodem.transparent.iec.Transmit;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code mread} register read (SMS-8, TR-9): one IEC 62056-21 mode C readout with
 * {@link IecModeCSession} on the meter line, driven on the modem's {@link Scheduler} (virtual time in
 * tests), giving C.1.0, 0.9.2 and 0.9.1.
 *
 * <p>Two ways to reach the meter:
 * <ul>
 *   <li>{@link #onBridge}: the line is borrowed from the {@link TransparentBridge}
 *       ({@link TransparentBridge#borrowMeterLine}) with the lowest priority (TR-3). While a head-end
 *       session owns or waits for the line the read fails at once with
 *       {@link MeterReadException.Kind#BUSY}; when a head-end sends its first byte during the read,
 *       the read is abandoned with {@code BUSY} and the session gets the line. A running transparent
 *       session is thus never disturbed.</li>
 *   <li>{@link #onPort}: a meter port of the reader's own (no bridge): it opens the port if needed,
 *       sets itself as the port's listener for the read and removes itself afterwards.</li>
 * </ul>
 * The driver performs the session's actions in order: a {@link Transmit} waits for the meter's
 * reaction time, counts as done when its last character has left the wire ({@code bytes * frameBits /
 * baud}), and a following line change or timer starts only then. The whole read is bounded by a
 * deadline ({@link #DEFAULT_DEADLINE}). One read at a time: a second one while the first runs fails
 * with {@code BUSY}. Call {@link #read()} on the scheduler.
 */
public final class IecRegisterReader implements MeterRegisterReader {

    /** Longest a read may take, sign-on to the last character of the data message. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(IecRegisterReader.class);

    private final Scheduler scheduler;
    private final TransparentBridge bridge;
    private final SerialPort port;
    private final IecBaudRate maxBaudRate;
    private final Duration deadline;
    private Run running;

    private IecRegisterReader(Scheduler scheduler, TransparentBridge bridge, SerialPort port, IecBaudRate maxBaudRate,
                              Duration deadline) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.bridge = bridge;
        this.port = port;
        this.maxBaudRate = Objects.requireNonNull(maxBaudRate, "maxBaudRate");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive");
        }
    }

    /**
     * A reader that borrows the line from the transparent bridge.
     *
     * @param scheduler   the modem's scheduler (the bridge's)
     * @param bridge      the started bridge
     * @param maxBaudRate fastest rate to select
     * @param deadline    longest a read may take
     * @return the reader
     */
    public static IecRegisterReader onBridge(Scheduler scheduler, TransparentBridge bridge, IecBaudRate maxBaudRate,
                                             Duration deadline) {
        return new IecRegisterReader(scheduler, Objects.requireNonNull(bridge, "bridge"), null, maxBaudRate, deadline);
    }

    /**
     * A reader on a meter port of its own.
     *
     * @param scheduler   the modem's scheduler
     * @param port        the meter port, open or not
     * @param maxBaudRate fastest rate to select
     * @param deadline    longest a read may take
     * @return the reader
     */
    public static IecRegisterReader onPort(Scheduler scheduler, SerialPort port, IecBaudRate maxBaudRate,
                                           Duration deadline) {
        return new IecRegisterReader(scheduler, null, Objects.requireNonNull(port, "port"), maxBaudRate, deadline);
    }

    @Override
    public CompletionStage<MeterRegisters> read() {
        if (running != null) {
            return CompletableFuture.failedFuture(new MeterReadException(MeterReadException.Kind.BUSY,
                    "an mread is already running"));
        }
        Run run = new Run();
        if (bridge != null) {
            var loan = bridge.borrowMeterLine(run);
            if (loan.isEmpty()) {
                return CompletableFuture.failedFuture(new MeterReadException(MeterReadException.Kind.BUSY,
                        "a head-end session owns or waits for the meter line"));
            }
            run.line = new LoanLine(loan.get());
        } else {
            try {
                run.line = new PortLine(port, run);
            } catch (IOException | RuntimeException e) {
                return CompletableFuture.failedFuture(new MeterReadException(MeterReadException.Kind.PORT_ERROR,
                        e.getMessage()));
            }
        }
        running = run;
        run.start();
        return run.result;
    }

    /** The meter line during one read. */
    private interface Line {
        LineSettings settings();

        void reconfigure(LineSettings settings) throws IOException;

        void write(byte[] data) throws IOException;

        void release();
    }

    private record LoanLine(MeterLineLoan loan) implements Line {
        @Override
        public LineSettings settings() {
            return loan.settings();
        }

        @Override
        public void reconfigure(LineSettings settings) throws IOException {
            loan.reconfigure(settings);
        }

        @Override
        public void write(byte[] data) throws IOException {
            loan.write(data);
        }

        @Override
        public void release() {
            loan.close();
        }
    }

    private final class PortLine implements Line {
        private final SerialPort serial;

        PortLine(SerialPort serial, Run run) throws IOException {
            this.serial = serial;
            if (!serial.isOpen()) {
                serial.open(LineSettings.IEC_SIGN_ON);
            }
            serial.setListener(new SerialListener() {
                @Override
                public void onData(byte[] data, int offset, int length) {
                    byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
                    scheduler.execute(() -> run.onData(copy));
                }
            });
        }

        @Override
        public LineSettings settings() {
            return serial.settings();
        }

        @Override
        public void reconfigure(LineSettings settings) throws IOException {
            serial.reconfigure(settings);
        }

        @Override
        public void write(byte[] data) throws IOException {
            serial.write(data);
        }

        @Override
        public void release() {
            serial.setListener(null);
        }
    }

    /** One readout: the session, its pending actions and its timers. */
    private final class Run implements MeterLineBorrower {
        private final CompletableFuture<MeterRegisters> result = new CompletableFuture<>();
        private final IecModeCSession session = new IecModeCSession(SignOn.ANY, maxBaudRate, IecTimings.STANDARD);
        private final Deque<IecSessionAction> pending = new ArrayDeque<>();
        private Line line;
        private long lastReceived;
        private long busyUntil;
        private ScheduledTask waitTask;
        private ScheduledTask timer;
        private ScheduledTask deadlineTask;
        private boolean finished;

        void start() {
            long now = scheduler.nanoTime();
            lastReceived = now;
            busyUntil = now;
            deadlineTask = scheduler.schedule(deadline, () -> fail(MeterReadException.Kind.NO_ANSWER,
                    "no readout within " + deadline.toSeconds() + " s"));
            pending.addAll(session.start());
            drain();
        }

        @Override
        public void onMeterData(byte[] data) {
            if (finished) {
                return;
            }
            lastReceived = scheduler.nanoTime();
            try {
                pending.addAll(session.onReceived(data));
            } catch (RuntimeException e) {
                fail(MeterReadException.Kind.BAD_ANSWER, e.toString());
                return;
            }
            drain();
        }

        @Override
        public void onRevoked(Channel by) {
            fail(MeterReadException.Kind.BUSY, "a " + by + " session took the meter line");
        }

        void onData(byte[] data) {
            onMeterData(data);
        }

        private void onTimeout() {
            timer = null;
            if (finished) {
                return;
            }
            try {
                pending.addAll(session.onTimeout());
            } catch (RuntimeException e) {
                fail(MeterReadException.Kind.NO_ANSWER, e.toString());
                return;
            }
            drain();
        }

        private void drain() {
            try {
                while (!finished && waitTask == null && !pending.isEmpty()) {
                    long now = scheduler.nanoTime();
                    IecSessionAction action = pending.peekFirst();
                    switch (action) {
                        case ConfigureLine c -> {
                            if (waitUntil(now, busyUntil)) {
                                return;
                            }
                            if (!line.settings().equals(c.settings())) {
                                line.reconfigure(c.settings());
                            }
                        }
                        case Transmit t -> {
                            if (waitUntil(now, Math.max(busyUntil, lastReceived + t.delay().toNanos()))) {
                                return;
                            }
                            byte[] bytes = t.bytes();
                            line.write(bytes);
                            LineSettings s = line.settings();
                            busyUntil = now + Math.ceilDiv((long) bytes.length * s.frameBits() * 1_000_000_000L, s.baud());
                        }
                        case ArmTimer a -> {
                            if (waitUntil(now, busyUntil)) {
                                return;
                            }
                            cancel(timer);
                            timer = scheduler.schedule(a.timeout(), this::onTimeout);
                        }
                        case CancelTimer c -> {
                            cancel(timer);
                            timer = null;
                        }
                        case ReadoutCompleted done -> {
                            succeed(done.readout());
                            return;
                        }
                        case ReadFailed failed -> {
                            IecReadFailure f = failed.failure();
                            MeterReadException.Kind kind = switch (f.kind()) {
                                case NO_IDENTIFICATION, NO_DATA, INTER_CHARACTER_TIMEOUT -> MeterReadException.Kind.NO_ANSWER;
                                default -> MeterReadException.Kind.BAD_ANSWER;
                            };
                            fail(kind, f.kind() + " at " + f.stage() + ": " + f.detail());
                            return;
                        }
                    }
                    pending.pollFirst();
                }
            } catch (IOException e) {
                fail(MeterReadException.Kind.PORT_ERROR, e.getMessage());
            } catch (RuntimeException e) {
                fail(MeterReadException.Kind.PORT_ERROR, e.toString());
            }
        }

        /** @return true when the queue must wait until {@code due} (a continuation is scheduled) */
        private boolean waitUntil(long now, long due) {
            if (due - now <= 0) {
                return false;
            }
            waitTask = scheduler.scheduleAt(due, () -> {
                waitTask = null;
                drain();
            });
            return true;
        }

        private void succeed(IecReadout readout) {
            MeterRegisters registers = new MeterRegisters(
                    readout.value(IecReadout.METER_SERIAL).orElse(""),
                    readout.value(IecReadout.METER_DATE).orElse(""),
                    readout.value(IecReadout.METER_TIME).orElse(""));
            end();
            LOG.info("mread: meter {} read", registers.meterAddress());
            result.complete(registers);
        }

        private void fail(MeterReadException.Kind kind, String detail) {
            if (finished) {
                return;
            }
            end();
            LOG.info("mread failed: {}: {}", kind, detail);
            result.completeExceptionally(new MeterReadException(kind, detail));
        }

        private void end() {
            finished = true;
            cancel(waitTask);
            cancel(timer);
            cancel(deadlineTask);
            pending.clear();
            try {
                line.release();
            } catch (RuntimeException e) {
                LOG.warn("mread: releasing the meter line failed: {}", e.toString());
            }
            running = null;
        }
    }

    private static void cancel(ScheduledTask task) {
        if (task != null) {
            task.cancel();
        }
    }
}
