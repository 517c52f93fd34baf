package io.metermodem.cellular.driver;

import io.metermodem.cellular.at.AtChannel;
import io.metermodem.cellular.at.AtChannelListener;
import io.metermodem.cellular.at.AtClientSettings;
import io.metermodem.cellular.at.AtCommand;
import io.metermodem.cellular.at.AtResponse;
import io.metermodem.cellular.at.AtResult;
import io.metermodem.cellular.at.Urc;
import io.metermodem.cellular.at.UrcTable;
import io.metermodem.cellular.sms.MalformedPduException;
import io.metermodem.cellular.sms.SmsPduCodec;
import io.metermodem.cellular.sms.SubmitPdu;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.Apn;
import io.metermodem.hal.cellular.CallEndReason;
import io.metermodem.hal.cellular.CellularException;
import io.metermodem.hal.cellular.CellularListener;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.cellular.CsdCall;
import io.metermodem.hal.cellular.IncomingSms;
import io.metermodem.hal.cellular.ModuleFault;
import io.metermodem.hal.cellular.ModuleIdentity;
import io.metermodem.hal.cellular.OutgoingSms;
import io.metermodem.hal.cellular.PingResult;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.cellular.SimState;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Quectel and Telit drivers share (HAL-7): a {@link CellularModule} over an
 * {@link AtChannel}. The standard parts of TS 27.007/27.005 live here (start-up, identities, SIM
 * PIN, registration reports, operator, SMS in PDU mode, CSD calls); each dialect adds its ICCID
 * command, its radio queries (technology, RSSI per technology), packet data and ping.
 *
 * <p>All state is kept on the scheduler's thread; {@link #status()} and {@link #identity()} read
 * volatile snapshots. Call {@link #start()} once the port is open.
 */
public abstract class AtCellularModule implements CellularModule, AutoCloseable {

    /** Identity reported before the module was read. */
    public static final ModuleIdentity UNREAD = new ModuleIdentity("", "", "", "000000000000000",
            Optional.empty(), Optional.empty());
    /** How often signal and network are polled while running. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(30);
    /** Without a new ring for this long, ringing has stopped. */
    public static final Duration RING_SILENCE = Duration.ofSeconds(8);
    /** The guard time around the {@code +++} escape (S12 default). */
    public static final Duration GUARD_TIME = Duration.ofSeconds(1);

    /** The log of the concrete driver. */
    protected final Logger log = LoggerFactory.getLogger(getClass());
    /** Runs all work. */
    protected final Scheduler scheduler;
    /** The AT client. */
    protected final AtChannel channel;
    private final SmsPduCodec codec;
    private final Duration bootTime;
    private final List<CellularListener> listeners = new CopyOnWriteArrayList<>();

    private volatile CellularStatus status = CellularStatus.UNKNOWN;
    private volatile ModuleIdentity identity = UNREAD;
    private RegistrationState csRegistration = RegistrationState.UNKNOWN;
    private RegistrationState psRegistration = RegistrationState.UNKNOWN;
    private RegistrationState epsRegistration = RegistrationState.UNKNOWN;
    private AccessTechnology reportedTechnology = AccessTechnology.NONE;
    private ScheduledTask poll;
    private boolean needsReinit;
    private final CompletableFuture<Void> firstStart = new CompletableFuture<>();
    private boolean restarting;

    private int ringCount;
    private String caller = "";
    private ScheduledTask ringFire;
    private ScheduledTask ringSilence;
    private AtCsdCall call;
    private CompletableFuture<Void> smsReads = CompletableFuture.completedFuture(null);

    /**
     * @param port      the module's UART, open
     * @param scheduler runs all work
     * @param codec     the SMS PDU codec
     * @param urcs      the dialect's unsolicited codes
     * @param bootTime  how long the module takes to boot after {@code AT+CFUN=1,1}
     */
    protected AtCellularModule(SerialPort port, Scheduler scheduler, SmsPduCodec codec, UrcTable urcs,
                               Duration bootTime) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.bootTime = Objects.requireNonNull(bootTime, "bootTime");
        this.channel = new AtChannel(port, scheduler, AtClientSettings.DEFAULTS, urcs, new AtChannelListener() {
            @Override
            public void onUnsolicited(Urc urc) {
                unsolicited(urc);
            }

            @Override
            public void onData(byte[] bytes) {
                if (call != null) {
                    call.received(bytes);
                }
            }

            @Override
            public void onDataModeEnded() {
                endCall(CallEndReason.REMOTE_HANG_UP);
            }

            @Override
            public void onResetRequested(int resets) {
                needsReinit = true;
                endCall(CallEndReason.NETWORK_LOST);
                fireFault(ModuleFault.AT_TIMEOUT);
            }

            @Override
            public void onResynchronised() {
                if (needsReinit) {
                    needsReinit = false;
                    fireFault(ModuleFault.MODULE_RESTARTED);
                    initialise();
                }
            }

            @Override
            public void onLineOverflow(int droppedBytes) {
                log.warn("module line overflow: {} bytes dropped", droppedBytes);
            }
        });
    }

    /**
     * Initialises the module: echo off, numeric errors, identities, SIM, SMS and call settings,
     * registration reports, the first status; then polls signal and network every {@link #POLL_INTERVAL}.
     *
     * @return completes when the first status is known
     */
    public CompletionStage<Void> start() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            if (poll == null) {
                poll = scheduler.scheduleAtFixedRate(POLL_INTERVAL, POLL_INTERVAL, () -> refresh());
            }
            initialise().whenComplete((v, e) -> {
                complete(done, v, e);
                complete(firstStart, v, e);
            });
        });
        return done;
    }

    /** @return completes when the first {@link #start()} has initialised the module */
    public CompletionStage<Void> started() {
        return firstStart.copy();
    }

    @Override
    public void close() {
        scheduler.execute(() -> {
            if (poll != null) {
                poll.cancel();
            }
        });
        channel.close();
    }

    // ---- the dialect ----

    /** @return the dialect's ICCID command, such as {@code AT+QCCID} */
    protected abstract String iccidCommand();

    /**
     * Reads the access technology and the signal strength in dBm for it (the dialect's own
     * queries); calls {@link #updateRadio(AccessTechnology, OptionalInt)}.
     *
     * @return completes when done
     */
    protected abstract CompletableFuture<Void> refreshRadio();

    /**
     * Brings packet data up on context 1 with the dialect's commands.
     *
     * @param apn the access point
     * @return the IP address
     */
    protected abstract CompletableFuture<String> activate(Apn apn);

    /** @return completes when context 1 is down */
    protected abstract CompletableFuture<Void> deactivate();

    /**
     * Pings with the dialect's command.
     *
     * @param host    the host
     * @param timeout how long to wait for the reply
     * @return the outcome
     */
    protected abstract CompletableFuture<PingResult> doPing(String host, Duration timeout);

    /**
     * A dialect-specific unsolicited code (ping replies, packet data lost, boot message).
     *
     * @param urc the code
     * @return true when handled
     */
    protected boolean dialectUnsolicited(Urc urc) {
        return false;
    }

    // ---- commands ----

    /**
     * Sends a command; a timeout fails the stage with {@link CellularException.Reason#TIMEOUT}.
     *
     * @param command the command
     * @return the response with any final result but a timeout
     */
    protected CompletableFuture<AtResponse> command(AtCommand command) {
        return channel.send(command).toCompletableFuture().thenApply(r -> {
            if (r.result() instanceof AtResult.Timeout) {
                fireFault(ModuleFault.AT_TIMEOUT);
                throw new CompletionException(new CellularException(CellularException.Reason.TIMEOUT,
                        command.text() + " got no answer within " + command.timeout()));
            }
            return r;
        });
    }

    /**
     * Sends a command that must end with {@code OK} (or {@code CONNECT}).
     *
     * @param text the command line
     * @return the response; fails with a {@link CellularException} from the error
     */
    protected CompletableFuture<AtResponse> ok(String text) {
        return ok(AtCommand.of(text));
    }

    /**
     * @param command a command that must end with {@code OK} (or {@code CONNECT})
     * @return the response; fails with a {@link CellularException} from the error
     */
    protected CompletableFuture<AtResponse> ok(AtCommand command) {
        return command(command).thenApply(r -> {
            if (!r.isOk()) {
                throw new CompletionException(failure(command.text(), r.result()));
            }
            return r;
        });
    }

    /**
     * Maps an error result to the HAL's reasons (TS 27.007 9.2.1 codes).
     *
     * @param what   the command, for the message
     * @param result the result
     * @return the exception
     */
    protected static CellularException failure(String what, AtResult result) {
        CellularException.Reason reason = switch (result) {
            case AtResult.CmeError e when e.code().orElse(-1) == 10 -> CellularException.Reason.SIM_ABSENT;
            case AtResult.CmeError e when e.code().orElse(-1) == 16 -> CellularException.Reason.PIN_WRONG;
            case AtResult.CmeError e when e.code().orElse(-1) == 12 -> CellularException.Reason.SIM_BLOCKED;
            case AtResult.CmeError e when e.code().orElse(-1) == 30 -> CellularException.Reason.NOT_REGISTERED;
            case AtResult.Busy b -> CellularException.Reason.BUSY;
            case AtResult.NoAnswer n -> CellularException.Reason.NO_ANSWER;
            case AtResult.NoCarrier n -> CellularException.Reason.NO_CARRIER;
            case AtResult.NoDialtone n -> CellularException.Reason.NO_CARRIER;
            case AtResult.Timeout t -> CellularException.Reason.TIMEOUT;
            default -> CellularException.Reason.REFUSED;
        };
        return new CellularException(reason, what + " answered " + result);
    }

    // ---- start-up ----

    private CompletableFuture<Void> initialise() {
        return ok(AtCommand.of("ATE0", Duration.ofSeconds(2)))
                .thenCompose(r -> ok("AT+CMEE=1"))
                .thenCompose(r -> readIdentity())
                .thenCompose(v -> readSim())
                .thenCompose(v -> ok("AT+CMGF=0"))
                .thenCompose(r -> ok("AT+CNMI=2,1,0,0,0"))
                .thenCompose(r -> ok("AT+CRC=1"))
                .thenCompose(r -> ok("AT+CLIP=1"))
                .thenCompose(r -> ok("ATS0=0"))
                .thenCompose(r -> ok("AT+CREG=2"))
                .thenCompose(r -> ok("AT+CGREG=2"))
                .thenCompose(r -> command(AtCommand.of("AT+CEREG=2")))
                .thenCompose(r -> refresh());
    }

    private CompletableFuture<Void> readIdentity() {
        String[] parts = new String[6];
        return ok("AT+CGMI").thenAccept(r -> parts[0] = r.firstLine().orElse(""))
                .thenCompose(v -> ok("AT+CGMM")).thenAccept(r -> parts[1] = r.firstLine().orElse(""))
                .thenCompose(v -> ok("AT+CGMR")).thenAccept(r -> parts[2] = stripRevision(r.firstLine().orElse("")))
                .thenCompose(v -> ok("AT+CGSN")).thenAccept(r -> parts[3] = digits(r.firstLine().orElse("")))
                .thenCompose(v -> command(AtCommand.of(iccidCommand())))
                .thenAccept(r -> parts[4] = r.isOk() ? iccid(r) : "")
                .thenAccept(v -> {
                    try {
                        identity = new ModuleIdentity(parts[0], parts[1], parts[2], parts[3], identity.imsi(),
                                parts[4].isEmpty() ? Optional.empty() : Optional.of(parts[4]));
                    } catch (IllegalArgumentException e) {
                        log.warn("module identity not usable: {}", e.getMessage());
                    }
                });
    }

    private String iccid(AtResponse r) {
        String prefix = AtCommand.prefixOf(iccidCommand()).orElse("");
        String value = r.value(prefix).orElse(r.firstLine().orElse(""));
        return value.matches("\\d{18,20}[0-9F]?") ? value : "";
    }

    private static String stripRevision(String line) {
        return line.startsWith("Revision:") ? line.substring(9).trim() : line.trim();
    }

    private static String digits(String line) {
        String value = line.startsWith("+CGSN:") ? line.substring(6).trim() : line.trim();
        return value.replace("\"", "");
    }

    private CompletableFuture<Void> readSim() {
        return command(AtCommand.of("AT+CPIN?")).thenCompose(r -> {
            SimState sim;
            if (r.isOk()) {
                sim = simState(r.value("+CPIN:").orElse(""));
            } else if (r.result() instanceof AtResult.CmeError e && e.code().orElse(-1) == 10) {
                sim = SimState.ABSENT;
            } else {
                sim = SimState.FAILURE;
            }
            update(s -> new CellularStatus(sim, s.registration(), s.technology(), s.rssiDbm(), s.operator(),
                    s.ipAddress()));
            if (sim != SimState.READY) {
                return CompletableFuture.completedFuture(null);
            }
            return command(AtCommand.of("AT+CIMI")).thenAccept(c -> {
                String imsi = c.isOk() ? c.firstLine().orElse("").trim() : "";
                if (imsi.matches("\\d{6,15}")) {
                    ModuleIdentity id = identity;
                    identity = new ModuleIdentity(id.manufacturer(), id.model(), id.revision(), id.imei(),
                            Optional.of(imsi), id.iccid());
                }
            });
        });
    }

    private static SimState simState(String value) {
        return switch (value) {
            case "READY" -> SimState.READY;
            case "SIM PIN" -> SimState.PIN_REQUIRED;
            case "SIM PUK" -> SimState.PUK_REQUIRED;
            case "NOT INSERTED", "SIM NOT INSERTED" -> SimState.ABSENT;
            default -> SimState.FAILURE;
        };
    }

    /** @return completes when registration, operator and radio have been read */
    private CompletableFuture<Void> refresh() {
        if (call != null) {
            return CompletableFuture.completedFuture(null); // the line is busy with data
        }
        return command(AtCommand.of("AT+CREG?"))
                .thenAccept(r -> r.lastValue("+CREG:").ifPresent(v -> registrationReport(0, v, true)))
                .thenCompose(v -> command(AtCommand.of("AT+CGREG?")))
                .thenAccept(r -> r.lastValue("+CGREG:").ifPresent(v -> registrationReport(1, v, true)))
                .thenCompose(v -> command(AtCommand.of("AT+CEREG?")))
                .thenAccept(r -> r.lastValue("+CEREG:").ifPresent(v -> registrationReport(2, v, true)))
                .thenCompose(v -> command(AtCommand.of("AT+COPS?")))
                .thenAccept(r -> r.value("+COPS:").ifPresent(this::operatorReport))
                .thenCompose(v -> refreshRadio())
                .exceptionally(e -> {
                    log.debug("status refresh failed: {}", e.getMessage());
                    return null;
                });
    }

    private void operatorReport(String value) {
        List<String> f = AtFields.split(value);
        Optional<String> operator = f.size() >= 3 && !f.get(2).isEmpty() ? Optional.of(f.get(2)) : Optional.empty();
        OptionalInt act = AtFields.number(f, 3);
        if (act.isPresent()) {
            reportedTechnology = AtFields.technology(act.getAsInt());
        }
        update(s -> new CellularStatus(s.sim(), s.registration(), s.registration().isRegistered()
                ? reportedTechnology : s.technology(), s.rssiDbm(), operator, s.ipAddress()));
    }

    private void registrationReport(int domain, String value, boolean solicited) {
        AtFields.Registration reg = AtFields.registrationReport(AtFields.split(value), solicited);
        switch (domain) {
            case 0 -> csRegistration = reg.state();
            case 1 -> psRegistration = reg.state();
            default -> epsRegistration = reg.state();
        }
        if (reg.state().isRegistered() && reg.technology() != AccessTechnology.NONE) {
            reportedTechnology = reg.technology();
        }
        RegistrationState combined = combined();
        boolean lost = status.registration().isRegistered() && !combined.isRegistered();
        update(s -> new CellularStatus(s.sim(), combined, combined.isRegistered() ? reportedTechnology
                : AccessTechnology.NONE, combined.isRegistered() ? s.rssiDbm() : OptionalInt.empty(),
                combined.isRegistered() ? s.operator() : Optional.empty(),
                combined.isRegistered() ? s.ipAddress() : Optional.empty()));
        if (lost) {
            fireFault(ModuleFault.NETWORK_LOST);
        }
    }

    private RegistrationState combined() {
        for (RegistrationState s : List.of(epsRegistration, psRegistration, csRegistration)) {
            if (s.isRegistered()) {
                return s;
            }
        }
        for (RegistrationState s : List.of(RegistrationState.DENIED, RegistrationState.SEARCHING,
                RegistrationState.NOT_REGISTERED)) {
            if (epsRegistration == s || psRegistration == s || csRegistration == s) {
                return s;
            }
        }
        return RegistrationState.UNKNOWN;
    }

    /**
     * Records what the dialect's radio queries found.
     *
     * @param technology the access technology, NONE to keep the one registration reports named
     * @param rssiDbm    the signal strength in dBm
     */
    protected void updateRadio(AccessTechnology technology, OptionalInt rssiDbm) {
        if (technology != AccessTechnology.NONE && status.registration().isRegistered()) {
            reportedTechnology = technology;
        }
        update(s -> new CellularStatus(s.sim(), s.registration(),
                s.registration().isRegistered() ? reportedTechnology : AccessTechnology.NONE, rssiDbm,
                s.operator(), s.ipAddress()));
    }

    /**
     * Records the packet data address.
     *
     * @param ip the address, empty when down
     */
    protected void updateIp(Optional<String> ip) {
        update(s -> new CellularStatus(s.sim(), s.registration(), s.technology(), s.rssiDbm(), s.operator(), ip));
    }

    /** @return the technology the module last reported (registration reports, {@code +COPS}, radio queries) */
    protected AccessTechnology technology() {
        return reportedTechnology;
    }

    private void update(java.util.function.UnaryOperator<CellularStatus> change) {
        CellularStatus before = status;
        CellularStatus after = change.apply(before);
        if (!after.equals(before)) {
            status = after;
            for (CellularListener l : listeners) {
                safely(() -> l.onStatusChanged(after));
            }
        }
    }

    // ---- unsolicited codes ----

    private void unsolicited(Urc urc) {
        if (dialectUnsolicited(urc)) {
            return;
        }
        if (urc.is("+CREG:")) {
            registrationReport(0, urc.value("+CREG:"), false);
        } else if (urc.is("+CGREG:")) {
            registrationReport(1, urc.value("+CGREG:"), false);
        } else if (urc.is("+CEREG:")) {
            registrationReport(2, urc.value("+CEREG:"), false);
        } else if (urc.is("+CMTI:")) {
            AtFields.number(AtFields.split(urc.value("+CMTI:")), 1).ifPresent(this::readStoredSms);
        } else if (urc.is("+CMT:") && urc.lines().size() > 1) {
            decodeAndDeliver(urc.lines().get(1));
        } else if (urc.is("RING") || urc.is("+CRING:")) {
            ring();
        } else if (urc.is("+CLIP:")) {
            List<String> f = AtFields.split(urc.value("+CLIP:"));
            caller = f.get(0).matches("\\+?\\d{1,20}") ? f.get(0) : "";
            if (ringFire != null) {
                ringFire.cancel();
                fireRing();
            }
        } else if (urc.is("NO CARRIER")) {
            if (ringCount > 0) {
                ringingStopped(CallEndReason.MISSED);
            } else {
                endCall(CallEndReason.NETWORK_LOST);
            }
        } else if (urc.is("+CPIN:")) {
            SimState sim = simState(urc.value("+CPIN:"));
            update(s -> new CellularStatus(sim, s.registration(), s.technology(), s.rssiDbm(), s.operator(),
                    s.ipAddress()));
        }
    }

    /**
     * Reports that the module restarted on its own (its boot message): settings are lost, so the
     * driver initialises it again.
     */
    protected void moduleRestarted() {
        if (restarting) {
            return; // our own AT+CFUN=1,1: restart() initialises after the boot time
        }
        needsReinit = false; // initialised here; the channel's resynchronisation need not do it again
        fireFault(ModuleFault.MODULE_RESTARTED);
        csRegistration = RegistrationState.UNKNOWN;
        psRegistration = RegistrationState.UNKNOWN;
        epsRegistration = RegistrationState.UNKNOWN;
        endCall(CallEndReason.NETWORK_LOST);
        update(s -> CellularStatus.UNKNOWN);
        initialise();
    }

    // ---- SMS ----

    @Override
    public CompletionStage<Integer> sendSms(OutgoingSms sms) {
        Objects.requireNonNull(sms, "sms");
        CompletableFuture<Integer> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            List<SubmitPdu> parts;
            try {
                parts = codec.encode(sms);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            CompletableFuture<Integer> chain = CompletableFuture.completedFuture(-1);
            for (SubmitPdu part : parts) {
                chain = chain.thenCompose(ignored -> ok(AtCommand.withPrompt("AT+CMGS=" + part.tpduOctets(),
                        "00" + part.tpduHex())).thenApply(r -> AtFields.number(
                        AtFields.split(r.value("+CMGS:").orElse("")), 0).orElse(-1)));
            }
            chain.whenComplete((v, e) -> complete(done, v, e));
        });
        return done;
    }

    private void readStoredSms(int index) {
        // one message at a time, in the order the +CMTI codes came: read, decode, delete, deliver
        smsReads = smsReads.thenCompose(v -> command(AtCommand.of("AT+CMGR=" + index)).thenCompose(r -> {
            Optional<String> pdu = r.isOk() && r.lines().size() >= 2 ? Optional.of(r.lines().get(1).trim())
                    : Optional.empty();
            Optional<IncomingSms> message = Optional.empty();
            if (pdu.isPresent()) {
                try {
                    message = codec.decode(pdu.get(), scheduler.instant());
                } catch (UnsupportedOperationException e) {
                    log.warn("SMS {} left in storage: {}", index, e.getMessage());
                    return CompletableFuture.completedFuture(null);
                } catch (MalformedPduException | RuntimeException e) {
                    log.warn("SMS {} is malformed and deleted: {}", index, e.getMessage());
                }
            }
            // delete what was read, also what could not be decoded, so storage never fills up
            Optional<IncomingSms> deliver = message;
            return command(AtCommand.of("AT+CMGD=" + index)).thenAccept(d ->
                    deliver.ifPresent(m -> listeners.forEach(l -> safely(() -> l.onSmsReceived(m)))));
        }).exceptionally(e -> {
            log.warn("reading SMS {} failed: {}", index, e.getMessage());
            return null;
        }));
    }

    private void decodeAndDeliver(String pduHex) {
        try {
            Optional<IncomingSms> sms = codec.decode(pduHex, scheduler.instant());
            sms.ifPresent(m -> listeners.forEach(l -> safely(() -> l.onSmsReceived(m))));
        } catch (MalformedPduException | RuntimeException e) {
            log.warn("received SMS PDU dropped: {}", e.getMessage());
        }
    }

    // ---- SIM ----

    @Override
    public CompletionStage<Void> enterPin(String pin) {
        if (pin == null || !pin.matches("\\d{4,8}")) {
            throw new IllegalArgumentException("a PIN has 4..8 digits");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> command(AtCommand.of("AT+CPIN=\"" + pin + "\"")).thenCompose(r -> {
            if (r.isOk()) {
                return readSim().thenCompose(v -> command(AtCommand.of(iccidCommand())).thenAccept(c -> {
                    if (c.isOk() && !iccid(c).isEmpty()) {
                        ModuleIdentity id = identity;
                        identity = new ModuleIdentity(id.manufacturer(), id.model(), id.revision(), id.imei(),
                                id.imsi(), Optional.of(iccid(c)));
                    }
                }));
            }
            AtResult error = r.result();
            return readSim().thenApply(v -> {
                CellularException.Reason reason = switch (status.sim()) {
                    case PUK_REQUIRED -> CellularException.Reason.SIM_BLOCKED;
                    case ABSENT -> CellularException.Reason.SIM_ABSENT;
                    default -> failure("AT+CPIN", error).reason() == CellularException.Reason.REFUSED
                            ? CellularException.Reason.PIN_WRONG : failure("AT+CPIN", error).reason();
                };
                throw new CompletionException(new CellularException(reason, "AT+CPIN answered " + error));
            });
        }).whenComplete((v, e) -> complete(done, null, e)));
        return done;
    }

    // ---- CSD calls ----

    private void ring() {
        ringCount++;
        if (ringSilence != null) {
            ringSilence.cancel();
        }
        ringSilence = scheduler.schedule(RING_SILENCE, () -> ringingStopped(CallEndReason.MISSED));
        if (ringFire != null) {
            ringFire.cancel();
        }
        // +CLIP follows RING: wait a moment for it, so the ring reports the caller
        ringFire = scheduler.schedule(Duration.ofMillis(300), this::fireRing);
    }

    private void fireRing() {
        ringFire = null;
        int count = ringCount;
        String from = caller;
        listeners.forEach(l -> safely(() -> l.onRing(from, count)));
    }

    private void ringingStopped(CallEndReason reason) {
        if (ringCount == 0) {
            return;
        }
        ringCount = 0;
        caller = "";
        if (ringSilence != null) {
            ringSilence.cancel();
            ringSilence = null;
        }
        if (ringFire != null) {
            ringFire.cancel();
            ringFire = null;
        }
        listeners.forEach(l -> safely(() -> l.onRingingStopped(reason)));
    }

    @Override
    public CompletionStage<CsdCall> answer() {
        CompletableFuture<CsdCall> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            if (ringCount == 0 || call != null) {
                done.completeExceptionally(new CellularException(CellularException.Reason.NO_CALL,
                        "nothing rings"));
                return;
            }
            String from = caller;
            ringCount = 0;
            caller = "";
            if (ringSilence != null) {
                ringSilence.cancel();
            }
            ok("ATA").thenApply(r -> (CsdCall) connected(from))
                    .whenComplete((v, e) -> complete(done, v, e));
        });
        return done;
    }

    @Override
    public CompletionStage<CsdCall> dial(String number) {
        io.metermodem.hal.cellular.PhoneNumber.require(number);
        CompletableFuture<CsdCall> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            if (call != null) {
                done.completeExceptionally(new CellularException(CellularException.Reason.BUSY, "a call is up"));
                return;
            }
            ok("ATD" + number).thenApply(r -> (CsdCall) connected(number))
                    .whenComplete((v, e) -> complete(done, v, e));
        });
        return done;
    }

    @Override
    public void reject() {
        scheduler.execute(() -> {
            if (ringCount > 0) {
                command(AtCommand.of("ATH"));
                ringingStopped(CallEndReason.LOCAL_HANG_UP);
            }
        });
    }

    private AtCsdCall connected(String remote) {
        call = new AtCsdCall(remote, this);
        return call;
    }

    void write(AtCsdCall which, byte[] data) {
        scheduler.execute(() -> {
            if (which == call) {
                channel.sendData(data);
            }
        });
    }

    void hangUp(AtCsdCall which) {
        scheduler.execute(() -> {
            if (which != call) {
                return;
            }
            // silence, +++, silence (the module answers OK after it), then ATH
            scheduler.schedule(GUARD_TIME, () -> command(AtCommand.escape(GUARD_TIME))
                    .handle((r, e) -> command(AtCommand.of("ATH")))
                    .whenComplete((r, e) -> endCall(CallEndReason.LOCAL_HANG_UP)));
        });
    }

    private void endCall(CallEndReason reason) {
        AtCsdCall ended = call;
        call = null;
        if (ended != null) {
            ended.ended(reason);
        }
    }

    // ---- packet data, ping, restart ----

    @Override
    public CompletionStage<String> activatePacketData(Apn apn) {
        Objects.requireNonNull(apn, "apn");
        CompletableFuture<String> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            if (!status.registration().isRegistered()) {
                done.completeExceptionally(new CellularException(CellularException.Reason.NOT_REGISTERED,
                        "not registered: " + status.registration()));
                return;
            }
            activate(apn).thenApply(ip -> {
                updateIp(Optional.of(ip));
                return ip;
            }).whenComplete((v, e) -> complete(done, v, e));
        });
        return done;
    }

    @Override
    public CompletionStage<Void> deactivatePacketData() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> deactivate().thenRun(() -> updateIp(Optional.empty()))
                .whenComplete((v, e) -> complete(done, v, e)));
        return done;
    }

    @Override
    public CompletionStage<PingResult> ping(String host, Duration timeout) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<PingResult> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            if (!status.packetDataUp()) {
                done.completeExceptionally(new CellularException(CellularException.Reason.NO_PACKET_DATA,
                        "packet data is down"));
                return;
            }
            doPing(host, timeout).whenComplete((v, e) -> complete(done, v, e));
        });
        return done;
    }

    @Override
    public CompletionStage<Void> restart() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> ok("AT+CFUN=1,1").thenCompose(r -> {
            restarting = true;
            endCall(CallEndReason.NETWORK_LOST);
            csRegistration = RegistrationState.UNKNOWN;
            psRegistration = RegistrationState.UNKNOWN;
            epsRegistration = RegistrationState.UNKNOWN;
            update(s -> CellularStatus.UNKNOWN);
            CompletableFuture<Void> booted = new CompletableFuture<>();
            scheduler.schedule(bootTime, () -> booted.complete(null));
            return booted.thenCompose(v -> {
                restarting = false;
                return initialise();
            });
        }).whenComplete((v, e) -> {
            restarting = false;
            complete(done, v, e);
        }));
        return done;
    }

    // ---- listeners and plumbing ----

    @Override
    public CellularStatus status() {
        return status;
    }

    @Override
    public ModuleIdentity identity() {
        return identity;
    }

    @Override
    public void addListener(CellularListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(CellularListener listener) {
        listeners.remove(listener);
    }

    /** @param fault reported to every listener */
    protected void fireFault(ModuleFault fault) {
        listeners.forEach(l -> safely(() -> l.onFault(fault)));
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("cellular listener failed", e);
        }
    }

    private static <T> void complete(CompletableFuture<T> target, T value, Throwable error) {
        if (error == null) {
            target.complete(value);
        } else {
            target.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error);
        }
    }
}
