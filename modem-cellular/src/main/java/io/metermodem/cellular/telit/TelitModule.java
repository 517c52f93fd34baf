package io.metermodem.cellular.telit;

import io.metermodem.cellular.at.AtCommand;
import io.metermodem.cellular.at.Urc;
import io.metermodem.cellular.at.UrcTable;
import io.metermodem.cellular.driver.AtCellularModule;
import io.metermodem.cellular.driver.AtFields;
import io.metermodem.cellular.sms.SmsPduCodec;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.Apn;
import io.metermodem.hal.cellular.CellularException;
import io.metermodem.hal.cellular.PingResult;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Telit LE910 driver (HAL-7): the standard commands plus the Telit dialect, {@code AT#CCID},
 * {@code AT#RFSTS} (RSSI per technology; {@code AT+CSQ} as a fallback), {@code AT+CGDCONT} with
 * {@code AT#SGACT} (packet data, {@code #SGACT: <ip>}), {@code AT#PING} (answered in line).
 */
public final class TelitModule extends AtCellularModule {

    /** Boot time of an LE910 after {@code AT+CFUN=1,1}, rounded up. */
    public static final Duration BOOT_TIME = Duration.ofSeconds(20);
    /** Telit's unsolicited codes on top of the standard ones. */
    public static final UrcTable URCS = UrcTable.STANDARD.with("#QSS:", 0);

    /**
     * @param port      the module's UART, open (115200 8N1)
     * @param scheduler runs all work
     * @param codec     the SMS PDU codec
     */
    public TelitModule(SerialPort port, Scheduler scheduler, SmsPduCodec codec) {
        this(port, scheduler, codec, BOOT_TIME);
    }

    /**
     * @param port      the module's UART, open
     * @param scheduler runs all work
     * @param codec     the SMS PDU codec
     * @param bootTime  how long the module takes to boot after a restart
     */
    public TelitModule(SerialPort port, Scheduler scheduler, SmsPduCodec codec, Duration bootTime) {
        super(port, scheduler, codec, URCS, bootTime);
    }

    @Override
    protected String iccidCommand() {
        return "AT#CCID";
    }

    @Override
    protected CompletableFuture<Void> refreshRadio() {
        return command(AtCommand.of("AT#RFSTS")).thenCompose(r -> {
            OptionalInt dbm = r.value("#RFSTS:").map(v -> rfstsRssi(AtFields.split(v), technology()))
                    .orElse(OptionalInt.empty());
            if (dbm.isPresent()) {
                updateRadio(AccessTechnology.NONE, dbm);
                return CompletableFuture.completedFuture(null);
            }
            return command(AtCommand.of("AT+CSQ")).thenAccept(c -> updateRadio(AccessTechnology.NONE,
                    c.value("+CSQ:").map(v -> AtFields.number(AtFields.split(v), 0)).filter(OptionalInt::isPresent)
                            .map(n -> AtFields.csqToDbm(n.getAsInt())).orElse(OptionalInt.empty())));
        });
    }

    /**
     * The RSSI field of {@code #RFSTS:}, whose layout depends on the technology: GSM
     * {@code <PLMN>,<ARFCN>,<RSSI>,...}, WCDMA {@code <PLMN>,<UARFCN>,<PSC>,<Ec/Io>,<RSCP>,<RSSI>,...},
     * LTE {@code <PLMN>,<EARFCN>,<RSRP>,<RSSI>,<RSRQ>,...}.
     *
     * @param fields     the fields
     * @param technology the current technology
     * @return RSSI in dBm, or empty
     */
    static OptionalInt rfstsRssi(List<String> fields, AccessTechnology technology) {
        int index = switch (technology) {
            case GSM -> 2;
            case UMTS -> 5;
            case LTE, LTE_CAT_M1, NB_IOT -> 3;
            default -> -1;
        };
        OptionalInt v = AtFields.number(fields, index);
        return v.isPresent() && v.getAsInt() < 0 && v.getAsInt() > -140 ? v : OptionalInt.empty();
    }

    @Override
    protected CompletableFuture<String> activate(Apn apn) {
        CompletableFuture<?> setup = ok("AT+CGDCONT=1,\"IP\",\"" + apn.name() + "\"");
        return setup.thenCompose(r -> ok(AtCommand.of(apn.user().isEmpty() ? "AT#SGACT=1,1"
                        : "AT#SGACT=1,1,\"" + apn.user() + "\",\"" + apn.password() + "\"")))
                .thenApply(r -> r.value("#SGACT:").orElseThrow(() -> new CompletionException(
                        new CellularException(CellularException.Reason.REFUSED, "#SGACT gave no address"))));
    }

    @Override
    protected CompletableFuture<Void> deactivate() {
        return ok("AT#SGACT=1,0").thenAccept(r -> { });
    }

    @Override
    protected CompletableFuture<PingResult> doPing(String host, Duration timeout) {
        long tenths = Math.max(1, Math.min(600, timeout.toMillis() / 100));
        AtCommand ping = AtCommand.of("AT#PING=\"" + host + "\",1,32," + tenths + ",128",
                timeout.plusSeconds(10));
        return ok(ping).thenApply(r -> {
            // #PING: <n>,<ip>,<time ms>,<ttl>; no reply shows as 600.600.600.600,600,-1
            Optional<Duration> rtt = r.value("#PING:").map(AtFields::split)
                    .filter(f -> f.size() >= 4 && !f.get(1).equals("600.600.600.600") && !f.get(3).equals("-1"))
                    .flatMap(f -> {
                        OptionalInt ms = AtFields.number(f, 2);
                        return ms.isPresent() ? Optional.of(Duration.ofMillis(ms.getAsInt())) : Optional.empty();
                    });
            return new PingResult(host, rtt);
        });
    }

    @Override
    protected boolean dialectUnsolicited(Urc urc) {
        return urc.is("#QSS:");
    }
}
