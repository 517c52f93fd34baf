package io.metermodem.firmware.cli;

import io.metermodem.config.ConfigurationService;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.gpio.DigitalInput;
import io.metermodem.hal.time.Scheduler;
import io.metermodem.sms.command.PasswordThrottle;
import io.metermodem.sms.command.SmsCommandProcessor;
import io.metermodem.sms.mread.IecRegisterReader;
import io.metermodem.sms.service.LastGasp;
import io.metermodem.sms.service.RestartHook;
import io.metermodem.sms.service.SmsSendQueue;
import io.metermodem.sms.service.SmsService;
import io.metermodem.transparent.bridge.TransparentBridge;
import io.metermodem.transparent.iec.IecBaudRate;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMS function of {@code ./modem run} (SMS-1..SMS-12, PWR-1): configuration commands received by
 * the cellular module are run against the state directory's configuration and answered, {@code mread}
 * reads the meter by borrowing the line from the transparent bridge (lowest priority), and Last Gasp
 * watches the power-fail input when the board has one.
 */
final class RunSms implements AutoCloseable {

    private final SmsService service;
    private final Optional<LastGasp> lastGasp;

    private RunSms(SmsService service, Optional<LastGasp> lastGasp) {
        this.service = service;
        this.lastGasp = lastGasp;
    }

    /**
     * Starts the SMS function on a cellular module.
     *
     * @param scheduler     the modem's scheduler (the bridge's and the module's)
     * @param module        the cellular module: the virtual board's network or a real module's driver
     * @param powerFail     the power-fail input, when the board has one
     * @param configuration the configuration in force
     * @param bridge        the transparent bridge, lender of the meter line for {@code mread}
     * @param restart       what {@code ATR} does once its reply has gone
     * @param out           where to say what runs
     * @return the running function
     */
    static RunSms start(Scheduler scheduler, CellularModule module, Optional<DigitalInput> powerFail,
                        ConfigurationService configuration, TransparentBridge bridge, RestartHook restart,
                        PrintWriter out) {
        Objects.requireNonNull(module, "module");
        SmsCommandProcessor processor = new SmsCommandProcessor(configuration, scheduler,
                new PasswordThrottle(PasswordThrottle.Settings.DEFAULT),
                IecRegisterReader.onBridge(scheduler, bridge, IecBaudRate.B9600, IecRegisterReader.DEFAULT_DEADLINE));
        SmsSendQueue queue = new SmsSendQueue(scheduler, module, SmsSendQueue.Settings.DEFAULT);
        SmsService service = new SmsService(scheduler, module, processor, queue, restart);
        Optional<LastGasp> lastGasp = powerFail.map(input ->
                new LastGasp(scheduler, input, configuration, queue, LastGasp.DEFAULT_BUDGET));
        // Start on the scheduler's thread: the service and Last Gasp are confined to it.
        scheduler.execute(() -> {
            service.start();
            lastGasp.ifPresent(LastGasp::start);
        });
        out.printf("  SMS commands      on the cellular module%s%n",
                lastGasp.isPresent() ? "; Last Gasp on the power-fail input" : "");
        return new RunSms(service, lastGasp);
    }

    @Override
    public void close() {
        service.close();
        lastGasp.ifPresent(LastGasp::close);
    }
}
