package io.metermodem.cellular.driver;

import io.metermodem.cellular.quectel.QuectelModule;
import io.metermodem.cellular.telit.TelitModule;
import io.metermodem.hal.cellular.CallEndReason;
import io.metermodem.hal.cellular.CellularListener;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.cellular.IncomingSms;
import io.metermodem.hal.cellular.ModuleFault;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.mock.serial.SerialWire;
import io.metermodem.testkit.module.ModuleDialect;
import io.metermodem.testkit.module.SimulatedCellularModule;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * Test harness: a driver and a simulated module of one dialect on the two ends of a bit-level
 * mock UART, in virtual time, with everything the driver reports recorded.
 */
final class ModuleBench implements CellularListener {

    final VirtualScheduler scheduler = new VirtualScheduler();
    final FakePduFormat codec = new FakePduFormat();
    final SerialWire wire = new SerialWire(scheduler, "module-uart");
    final MockSerialPort cpu = wire.dte("cpu");
    final SimulatedCellularModule module;
    final AtCellularModule driver;

    final List<CellularStatus> statuses = new CopyOnWriteArrayList<>();
    final List<IncomingSms> sms = new CopyOnWriteArrayList<>();
    final List<String> rings = new CopyOnWriteArrayList<>();
    final List<CallEndReason> ringingStopped = new CopyOnWriteArrayList<>();
    final List<ModuleFault> faults = new CopyOnWriteArrayList<>();

    ModuleBench(ModuleDialect dialect) throws IOException {
        this(dialect, null);
    }

    /** @param driverCodec the driver's codec, null for the shared test double */
    ModuleBench(ModuleDialect dialect, io.metermodem.cellular.sms.SmsPduCodec driverCodec) throws IOException {
        module = SimulatedCellularModule.builder(dialect).smsCodec(codec).build(wire.dce("module"), scheduler);
        cpu.open(SimulatedCellularModule.LINE);
        var smsCodec = driverCodec != null ? driverCodec : codec;
        driver = dialect == ModuleDialect.QUECTEL
                ? new QuectelModule(cpu, scheduler, smsCodec, Duration.ofSeconds(8))
                : new TelitModule(cpu, scheduler, smsCodec, Duration.ofSeconds(8));
        driver.addListener(this);
    }

    /** Starts the driver and waits (virtually) until the first status is known. */
    ModuleBench started() throws Exception {
        await(driver.start(), Duration.ofMinutes(1));
        return this;
    }

    /** Lets virtual time pass. */
    void advance(Duration d) {
        scheduler.advance(d);
    }

    /** Advances virtual time in small steps until the stage completes, then returns its value. */
    <T> T await(CompletionStage<T> stage, Duration limit) throws Exception {
        CompletableFuture<T> f = stage.toCompletableFuture();
        long steps = limit.toMillis() / 10;
        for (long i = 0; i < steps && !f.isDone(); i++) {
            scheduler.advance(Duration.ofMillis(10));
        }
        if (!f.isDone()) {
            throw new AssertionError("not done within " + limit + " of virtual time");
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** @return how the stage failed, after at most {@code limit} of virtual time */
    Throwable failure(CompletionStage<?> stage, Duration limit) {
        try {
            await(stage, limit);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected the operation to fail");
    }

    @Override
    public void onStatusChanged(CellularStatus status) {
        statuses.add(status);
    }

    @Override
    public void onSmsReceived(IncomingSms message) {
        sms.add(message);
    }

    @Override
    public void onRing(String callerNumber, int ringCount) {
        rings.add(callerNumber + "#" + ringCount);
    }

    @Override
    public void onRingingStopped(CallEndReason reason) {
        ringingStopped.add(reason);
    }

    @Override
    public void onFault(ModuleFault fault) {
        faults.add(fault);
    }
}
