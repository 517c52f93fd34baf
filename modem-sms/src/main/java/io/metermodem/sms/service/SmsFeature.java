package io.metermodem.sms.service;

import io.metermodem.config.ConfigurationService;
import io.metermodem.hal.Board;
import io.metermodem.sms.command.PasswordThrottle;
import io.metermodem.sms.command.SmsCommandProcessor;
import io.metermodem.sms.mread.MeterRegisterReader;
import java.util.Objects;

/**
 * The SMS function of a modem assembled on a {@link Board}: the command processor with the
 * default {@link PasswordThrottle}, one {@link SmsSendQueue} shared by replies and Last Gasp, the
 * {@link SmsService} on the board's cellular module and {@link LastGasp} on its power-fail input with
 * the {@link LastGasp#DEFAULT_BUDGET}.
 *
 * <pre>{@code
 * SmsFeature sms = SmsFeature.start(board, configuration,
 *         IecRegisterReader.onBridge(board.scheduler(), bridge, IecBaudRate.B9600, IecRegisterReader.DEFAULT_DEADLINE),
 *         reason -> firmware.restart());
 * }</pre>
 * Start and close it on the board's scheduler.
 */
public final class SmsFeature implements AutoCloseable {

    private final SmsCommandProcessor processor;
    private final SmsSendQueue sendQueue;
    private final SmsService service;
    private final LastGasp lastGasp;

    private SmsFeature(SmsCommandProcessor processor, SmsSendQueue sendQueue, SmsService service, LastGasp lastGasp) {
        this.processor = processor;
        this.sendQueue = sendQueue;
        this.service = service;
        this.lastGasp = lastGasp;
    }

    /**
     * Assembles and starts the SMS function.
     *
     * @param board         the modem's hardware
     * @param configuration the configuration in force
     * @param meter         reads the meter for {@code mread}; {@link MeterRegisterReader#NONE} without meter
     * @param restartHook   restarts the modem after {@code ATR}
     * @return the running function
     */
    public static SmsFeature start(Board board, ConfigurationService configuration, MeterRegisterReader meter,
                                   RestartHook restartHook) {
        Objects.requireNonNull(board, "board");
        SmsCommandProcessor processor = new SmsCommandProcessor(configuration, board.scheduler(),
                new PasswordThrottle(PasswordThrottle.Settings.DEFAULT), meter);
        SmsSendQueue queue = new SmsSendQueue(board.scheduler(), board.cellularModule(), SmsSendQueue.Settings.DEFAULT);
        SmsService service = new SmsService(board.scheduler(), board.cellularModule(), processor, queue, restartHook);
        LastGasp lastGasp = new LastGasp(board.scheduler(), board.powerFail(), configuration, queue,
                LastGasp.DEFAULT_BUDGET);
        service.start();
        lastGasp.start();
        return new SmsFeature(processor, queue, service, lastGasp);
    }

    /** @return the command processor */
    public SmsCommandProcessor processor() {
        return processor;
    }

    /** @return the send queue shared by replies and Last Gasp */
    public SmsSendQueue sendQueue() {
        return sendQueue;
    }

    /** @return the SMS service */
    public SmsService service() {
        return service;
    }

    /** @return Last Gasp */
    public LastGasp lastGasp() {
        return lastGasp;
    }

    /** Stops listening to the module and the power-fail input. */
    @Override
    public void close() {
        service.close();
        lastGasp.close();
    }
}
