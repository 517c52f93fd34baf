package io.metermodem.cellular.quectel;

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
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Quectel EC2x/EC200 driver (HAL-7): the standard commands plus the Quectel dialect,
 * {@code AT+QCCID}, {@code AT+QNWINFO} (technology), {@code AT+QCSQ} (RSSI per technology,
 * {@code AT+CSQ} as a fallback), {@code AT+QICSGP}/{@code AT+QIACT} (packet data),
 * {@code AT+QPING} with its {@code +QPING:} URCs, and the {@code RDY} boot message.
 */
public final class QuectelModule extends AtCellularModule {

    /** Boot time of an EC21 after {@code AT+CFUN=1,1}, rounded up. */
    public static final Duration BOOT_TIME = Duration.ofSeconds(15);
    /** Quectel's unsolicited codes on top of the standard ones. */
    public static final UrcTable URCS = UrcTable.STANDARD.with("+QPING:", 0).with("+QIURC:", 0)
            .with("+QIND:", 0).with("RDY", 0).with("POWERED DOWN", 0).with("+QUSIM:", 0);

    private CompletableFuture<PingResult> pendingPing;
    private String pingHost;
    private ScheduledTask pingGuard;

    /**
     * @param port      the module's UART, open (115200 8N1 on the EC2x)
     * @param scheduler runs all work
     * @param codec     the SMS PDU codec
     */
    public QuectelModule(SerialPort port, Scheduler scheduler, SmsPduCodec codec) {
        this(port, scheduler, codec, BOOT_TIME);
    }

    /**
     * @param port      the module's UART, open
     * @param scheduler runs all work
     * @param codec     the SMS PDU codec
     * @param bootTime  how long the module takes to boot after a restart
     */
    public QuectelModule(SerialPort port, Scheduler scheduler, SmsPduCodec codec, Duration bootTime) {
        super(port, scheduler, codec, URCS, bootTime);
    }

    @Override
    protected String iccidCommand() {
        return "AT+QCCID";
    }

    @Override
    protected CompletableFuture<Void> refreshRadio() {
        return command(AtCommand.of("AT+QNWINFO")).thenCompose(nw -> {
            AccessTechnology tech = nw.value("+QNWINFO:").map(v -> nwinfoTechnology(AtFields.split(v).get(0)))
                    .orElse(AccessTechnology.NONE);
            return command(AtCommand.of("AT+QCSQ")).thenCompose(q -> {
                OptionalInt dbm = q.value("+QCSQ:").map(v -> qcsqDbm(AtFields.split(v))).orElse(OptionalInt.empty());
                if (dbm.isPresent()) {
                    updateRadio(tech, dbm);
                    return CompletableFuture.completedFuture(null);
                }
                return command(AtCommand.of("AT+CSQ")).thenAccept(c -> updateRadio(tech, c.value("+CSQ:")
                        .map(v -> AtFields.number(AtFields.split(v), 0)).filter(OptionalInt::isPresent)
                        .map(n -> AtFields.csqToDbm(n.getAsInt())).orElse(OptionalInt.empty())));
            });
        });
    }

    /**
     * @param act the first field of {@code +QNWINFO:}
     * @return the technology it names
     */
    static AccessTechnology nwinfoTechnology(String act) {
        return switch (act) {
            case "GSM", "GPRS", "EDGE" -> AccessTechnology.GSM;
            case "WCDMA", "HSDPA", "HSUPA", "HSPA+", "TDSCDMA", "HSPA" -> AccessTechnology.UMTS;
            case "TDD LTE", "FDD LTE", "LTE" -> AccessTechnology.LTE;
            case "CAT-M", "eMTC" -> AccessTechnology.LTE_CAT_M1;
            case "CAT-NB", "NBIoT" -> AccessTechnology.NB_IOT;
            default -> AccessTechnology.NONE;
        };
    }

    /**
     * {@code +QCSQ: <sysmode>,<value1>,...}: the first value is the RSSI in dBm for GSM, WCDMA and
     * LTE (then RSRP, SINR, RSRQ follow for LTE).
     *
     * @param fields the fields
     * @return RSSI in dBm, empty for {@code NOSERVICE} or nonsense
     */
    static OptionalInt qcsqDbm(List<String> fields) {
        if (fields.size() < 2 || fields.get(0).equals("NOSERVICE")) {
            return OptionalInt.empty();
        }
        OptionalInt v = AtFields.number(fields, 1);
        return v.isPresent() && v.getAsInt() < 0 && v.getAsInt() > -140 ? v : OptionalInt.empty();
    }

    @Override
    protected CompletableFuture<String> activate(Apn apn) {
        int auth = apn.user().isEmpty() ? 0 : 3; // PAP or CHAP
        String cfg = "AT+QICSGP=1,1,\"" + apn.name() + "\",\"" + apn.user() + "\",\"" + apn.password() + "\","
                + auth;
        return ok(cfg).thenCompose(r -> ok("AT+QIACT=1"))
                .thenCompose(r -> ok("AT+QIACT?"))
                .thenApply(r -> {
                    for (String line : r.lines()) {
                        if (line.startsWith("+QIACT:")) {
                            List<String> f = AtFields.split(line.substring(7));
                            if (f.size() >= 4 && f.get(0).equals("1") && f.get(1).equals("1")) {
                                return f.get(3);
                            }
                        }
                    }
                    throw new CompletionException(new CellularException(CellularException.Reason.REFUSED,
                            "context 1 not active after AT+QIACT"));
                });
    }

    @Override
    protected CompletableFuture<Void> deactivate() {
        return ok("AT+QIDEACT=1").thenAccept(r -> { });
    }

    @Override
    protected CompletableFuture<PingResult> doPing(String host, Duration timeout) {
        if (pendingPing != null) {
            return CompletableFuture.failedFuture(new CellularException(CellularException.Reason.BUSY,
                    "a ping is running"));
        }
        long seconds = Math.max(1, Math.min(255, (timeout.toMillis() + 999) / 1000));
        CompletableFuture<PingResult> result = new CompletableFuture<>();
        pendingPing = result;
        pingHost = host;
        // the module reports through URCs; guard against a module that never does
        pingGuard = scheduler.schedule(Duration.ofSeconds(seconds + 5), () -> finishPing(Optional.empty()));
        ok("AT+QPING=1,\"" + host + "\"," + seconds + ",1").whenComplete((r, e) -> {
            if (e != null) {
                pendingPing = null;
                pingGuard.cancel();
                result.completeExceptionally(e instanceof CompletionException ? e.getCause() : e);
            }
        });
        return result;
    }

    private void finishPing(Optional<Duration> rtt) {
        CompletableFuture<PingResult> p = pendingPing;
        pendingPing = null;
        if (pingGuard != null) {
            pingGuard.cancel();
        }
        if (p != null) {
            p.complete(new PingResult(pingHost, rtt));
        }
    }

    @Override
    protected boolean dialectUnsolicited(Urc urc) {
        if (urc.is("+QPING:")) {
            List<String> f = AtFields.split(urc.value("+QPING:"));
            // reply: 0,"ip",bytes,time,ttl; summary: 0,sent,rcvd,lost,min,max,avg; error: <code>
            if (urc.value("+QPING:").contains("\"") && f.size() >= 4 && f.get(0).equals("0")) {
                AtFields.number(f, 3).ifPresent(ms -> finishPing(Optional.of(Duration.ofMillis(ms))));
            } else if (f.size() == 1 || !f.get(0).equals("0")) {
                finishPing(Optional.empty());
            } else if (AtFields.number(f, 2).orElse(0) == 0) {
                finishPing(Optional.empty());
            }
            return true;
        }
        if (urc.is("+QIURC:")) {
            if (urc.value("+QIURC:").startsWith("\"pdpdeact\"")) {
                updateIp(Optional.empty());
            }
            return true;
        }
        if (urc.is("RDY")) {
            moduleRestarted();
            return true;
        }
        return urc.is("+QIND:") || urc.is("POWERED DOWN") || urc.is("+QUSIM:");
    }
}
