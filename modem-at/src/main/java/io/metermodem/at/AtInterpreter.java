package io.metermodem.at;

import io.metermodem.config.ChangeOutcome;
import io.metermodem.config.ChangeResult;
import io.metermodem.config.Configuration;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.Transaction;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.CallEndReason;
import io.metermodem.hal.cellular.CellularException;
import io.metermodem.hal.cellular.CellularListener;
import io.metermodem.hal.cellular.CellularModule;
import io.metermodem.hal.cellular.CellularStatus;
import io.metermodem.hal.cellular.CsdCall;
import io.metermodem.hal.cellular.CsdReceiver;
import io.metermodem.hal.cellular.ModuleIdentity;
import io.metermodem.hal.serial.FlowControl;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modem's V.250 command interpreter for one interface (AT-1..AT-24): bytes from the terminal in
 * ({@link #receive}), bytes for the terminal out (an {@link AtTerminal}), events out (an
 * {@link AtEventListener}). It does no I/O of its own; time comes from the HAL {@link Scheduler}
 * (escape guard time, connection timeout, signal display, power cycle), the CSD calls from the HAL
 * {@link CellularModule}, and {@code AT&W} saves through the {@link ConfigurationService}.
 *
 * <p>Command mode: lines start with {@code AT}, basic commands chain, an extended command stands
 * alone (AT-23), unknown or malformed lines and over-long lines are answered {@code ERROR} without
 * running any part. Result codes follow V.250 (AT-22): verbose {@code CR LF text CR LF}, numeric
 * {@code code CR}; {@code ATQ1} suppresses them (AT-8). On the {@link AtInterface#LOCAL local}
 * interface the terminal may frame 8N1 or 7E1; the interpreter recognises which from the bytes of the
 * {@code AT} prefix and answers the same way (AT-1). The {@link AtInterface#REMOTE remote} interface
 * refuses call control and the module's commands (AT-19).
 *
 * <p>Online data mode: after {@code CONNECT} the terminal's bytes go to the CSD call and the call's to
 * the terminal; {@code +++} framed by the S12 guard time, or DTR dropped under {@code AT&D1}, returns
 * to command mode keeping the call ({@code ATO} resumes), DTR under {@code AT&D2} hangs up (AT-13,
 * AT-24). Incoming calls are announced with {@code RING} and answered after S0 rings (3, as the
 * manual says) or by {@code ATA} (AT-2).
 *
 * <p>Thread safety: every public method is synchronized, so a driver may call {@link #receive} from
 * its reader thread while the module's callbacks and scheduled tasks arrive on others.
 */
public final class AtInterpreter implements AutoCloseable {

    /** Off time of the {@code AT+R} power cycle (AT-17). */
    public static final Duration POWER_CYCLE = Duration.ofSeconds(10);
    /** Period of the {@code AT+S} signal strength display (AT-18). */
    public static final Duration RSSI_DISPLAY_PERIOD = Duration.ofSeconds(5);
    /** Bearer services {@code AT+CBST} accepts as its first value (AT-19). */
    public static final Set<Integer> CBST_SPEEDS = Set.of(0, 4, 6, 7, 70, 71);
    /** {@code +CME ERROR} of {@code AT+CPIN?} without a SIM (3GPP TS 27.007 9.2.1: SIM not inserted). */
    public static final int CME_SIM_NOT_INSERTED = 10;
    /** {@code +CME ERROR} of {@code AT+CPIN?} with a faulty SIM (3GPP TS 27.007 9.2.1: SIM failure). */
    public static final int CME_SIM_FAILURE = 13;

    private static final Logger LOG = LoggerFactory.getLogger(AtInterpreter.class);

    private final AtInterface iface;
    private final Scheduler scheduler;
    private final CellularModule module;
    private final ConfigurationService configuration;
    private final AtTerminal terminal;
    private final TerminalLines lines;
    private final ResetHook resetHook;
    private final AtIdentity identity;
    private final AtEventListener events;
    private final CellularListener cellularListener;

    private final CommandLineAssembler assembler = new CommandLineAssembler();
    private final byte[] echoBuffer = new byte[256];
    private int echoLength;
    private AtProfile profile;
    /** The stored profile when the configuration has no {@value AtProfile#PARAMETER} parameter. */
    private AtProfile ramStored = AtProfile.factory();
    private LineFraming framing = LineFraming.F8N1;
    private AtMode mode = AtMode.COMMAND;
    private String lastLine = "";
    private final Map<String, String> pendingChanges = new LinkedHashMap<>();
    private boolean pendingFactoryReset;
    private int cbstSpeed = 7;
    private int cmeErrorCode;
    private Boolean dcdLevel;

    // Calls: a generation number tells a late completion of an abandoned ATA/ATD from the current one.
    private long callGeneration;
    private boolean settingUp;
    private ScheduledTask setupTimeout;
    private CsdCall call;
    private boolean callIncoming;
    private String ringingCaller;
    private int lastRssi = Integer.MIN_VALUE;

    // Escape sequence (AT-24).
    private long lastDataNanos;
    private int escapeCount;
    private long lastEscapeNanos;
    private ScheduledTask escapeTask;

    private ScheduledTask rssiDisplay;
    private ScheduledTask powerCycleEnd;
    private long droppedOnlineCommandBytes;
    private boolean closed;

    private AtInterpreter(Builder b) {
        this.iface = b.iface;
        this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
        this.module = Objects.requireNonNull(b.module, "cellular module");
        this.configuration = Objects.requireNonNull(b.configuration, "configuration service");
        this.terminal = Objects.requireNonNull(b.terminal, "terminal");
        this.lines = b.lines;
        this.identity = b.identity;
        this.events = b.events;
        this.resetHook = b.resetHook != null ? b.resetHook : offTime -> module.restart();
        this.profile = storedNow(true);
        this.cellularListener = new CellularListener() {
            @Override
            public void onStatusChanged(CellularStatus status) {
                statusChanged(status);
            }

            @Override
            public void onRing(String callerNumber, int ringCount) {
                ring(callerNumber, ringCount);
            }

            @Override
            public void onRingingStopped(CallEndReason reason) {
                ringingStopped();
            }
        };
        module.addListener(cellularListener);
        module.status().rssiDbm().ifPresent(v -> lastRssi = v);
        applyLines(true);
    }

    /**
     * Starts building an interpreter.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // =============================================================================================
    // Input
    // =============================================================================================

    /**
     * Takes bytes from the terminal, in any split: a line may arrive one byte at a time or many lines
     * in one call.
     *
     * @param data   the buffer
     * @param offset first byte
     * @param length number of bytes
     */
    public synchronized void receive(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (closed) {
            return;
        }
        int i = offset;
        int end = offset + length;
        while (i < end) {
            switch (mode) {
                case RESETTING -> i = end;
                case ONLINE_DATA -> i = onlineData(data, i, end);
                default -> {
                    if (settingUp) {
                        // V.250: any character aborts a connection attempt.
                        abortSetup();
                        i++;
                    } else {
                        commandByte(data[i] & 0xFF);
                        i++;
                    }
                }
            }
        }
        flushEcho();
    }

    /**
     * Convenience for tests and scripts: {@link #receive(byte[], int, int)} of ASCII text.
     *
     * @param text the characters
     */
    public void receive(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        receive(bytes, 0, bytes.length);
    }

    /**
     * The terminal's DTR line changed (AT-13): with a call up and DTR dropped, {@code AT&D1} returns
     * to command mode keeping the call, {@code AT&D2} hangs up, {@code AT&D0} ignores it.
     *
     * @param asserted the new level
     */
    public synchronized void dtrChanged(boolean asserted) {
        if (closed || asserted || call == null) {
            return;
        }
        switch (profile.dtrMode()) {
            case 1 -> {
                if (mode == AtMode.ONLINE_DATA) {
                    toOnlineCommand();
                }
            }
            case 2 -> {
                hangUpCall();
                setMode(AtMode.COMMAND);
                result(ResultCode.OK);
            }
            default -> {
            }
        }
    }

    /**
     * Stops the interpreter: no more output, the module listener removed, timers cancelled. A call in
     * progress is hung up.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        module.removeListener(cellularListener);
        cancel(escapeTask);
        cancel(rssiDisplay);
        cancel(setupTimeout);
        cancel(powerCycleEnd);
        if (call != null) {
            CsdCall c = call;
            call = null;
            c.hangUp();
        }
    }

    // =============================================================================================
    // State for drivers and tests
    // =============================================================================================

    /** @return the interface this interpreter serves */
    public AtInterface interfaceType() {
        return iface;
    }

    /** @return the current V.250 state */
    public synchronized AtMode mode() {
        return mode;
    }

    /** @return the framing the interpreter answers in (AT-1) */
    public synchronized LineFraming framing() {
        return framing;
    }

    /** @return a copy of the active profile */
    public synchronized AtProfile profile() {
        return profile.copy();
    }

    /**
     * The profile {@code AT&W} stored and {@code ATZ} restores: the configuration's
     * {@value AtProfile#PARAMETER}, or the factory profile when that is malformed.
     *
     * @return a copy of the stored profile
     */
    public synchronized AtProfile storedProfile() {
        return storedNow(false);
    }

    /** @return whether a CSD call is connected */
    public synchronized boolean inCall() {
        return call != null;
    }

    /** @return whether the {@code AT+S} signal display runs */
    public synchronized boolean rssiDisplayOn() {
        return rssiDisplay != null;
    }

    /** @return bytes from the call dropped while the terminal was in online command mode */
    public synchronized long droppedOnlineCommandBytes() {
        return droppedOnlineCommandBytes;
    }

    // =============================================================================================
    // Command mode
    // =============================================================================================

    private void commandByte(int raw) {
        int s3 = profile.register(SRegister.S3);
        int s5 = profile.register(SRegister.S5);
        CommandLineAssembler.Step step = assembler.accept(raw, s3, s5);
        if (profile.echo() && !(step == CommandLineAssembler.Step.NONE && (raw & 0x7F) == s5 && assembler.inLine())) {
            echo(raw, step); // a backspace that erased nothing is not echoed: it would eat the prompt
        }
        if (iface == AtInterface.LOCAL && (step != CommandLineAssembler.Step.NONE
                || assembler.inLine() && assembler.length() == 0)) {
            LineFraming evidence = assembler.framingEvidence();
            if (evidence != null && evidence != framing) {
                framing = evidence;
                events.onEvent(new AtEvent.FramingDetected(framing));
            }
        }
        switch (step) {
            case LINE -> {
                String line = assembler.line();
                lastLine = line;
                executeLine(line);
            }
            case REPEAT -> executeLine(lastLine);
            case OVERFLOW -> {
                LOG.debug("command line longer than {} characters refused", CommandLineAssembler.MAX_LINE);
                finish("<overflow>", ResultCode.ERROR);
            }
            default -> {
            }
        }
    }

    private void echo(int raw, CommandLineAssembler.Step step) {
        if (step == CommandLineAssembler.Step.ERASED) {
            // Rub the character out on the screen: backspace, space, backspace.
            echoByte(raw);
            echoByte(framing.encode(' '));
            echoByte(raw);
        } else {
            // The byte goes back as it came, so a 7E1 terminal sees its own frames.
            echoByte(raw);
        }
    }

    /** Echo is collected and sent in one piece before any other output or at the end of the input. */
    private void echoByte(int b) {
        if (echoLength == echoBuffer.length) {
            flushEcho();
        }
        echoBuffer[echoLength++] = (byte) b;
    }

    private void flushEcho() {
        if (echoLength > 0) {
            byte[] bytes = java.util.Arrays.copyOf(echoBuffer, echoLength);
            echoLength = 0;
            if (!closed) {
                terminal.send(bytes);
            }
        }
    }

    private void executeLine(String line) {
        ParsedLine parsed = CommandParser.parse(line);
        if (parsed instanceof ParsedLine.Failure failure) {
            LOG.debug("AT{} refused at {}: {}", line, failure.position(), failure.reason());
            finish(line, ResultCode.ERROR);
            return;
        }
        List<AtCommand> commands = ((ParsedLine.Commands) parsed).commands();
        Output out = new Output();
        for (AtCommand command : commands) {
            Outcome outcome;
            try {
                outcome = execute(command, out);
            } catch (RuntimeException e) {
                LOG.warn("AT{} failed", line, e);
                events.onEvent(new AtEvent.CommandFailed(line, command, e));
                outcome = Outcome.ERROR;
            }
            switch (outcome) {
                case ERROR -> {
                    out.flushInfo();
                    finish(line, ResultCode.ERROR);
                    return;
                }
                case PENDING -> {
                    out.flushInfo();
                    events.onEvent(new AtEvent.LineExecuted(line, null));
                    return;
                }
                case DONE_SILENT -> {
                    out.flushInfo();
                    return;
                }
                case NO_CARRIER -> {
                    out.flushInfo();
                    finish(line, ResultCode.NO_CARRIER);
                    return;
                }
                case CME_ERROR -> {
                    out.flushInfo();
                    cmeError(cmeErrorCode);
                    events.onEvent(new AtEvent.LineExecuted(line, ResultCode.ERROR));
                    return;
                }
                case CONNECT -> {
                    out.flushInfo();
                    connectResult();
                    events.onEvent(new AtEvent.LineExecuted(line, ResultCode.CONNECT));
                    return;
                }
                default -> {
                }
            }
        }
        out.flushInfo();
        finish(line, ResultCode.OK);
    }

    private void finish(String line, ResultCode code) {
        result(code);
        events.onEvent(new AtEvent.LineExecuted(line, code));
    }

    private enum Outcome { CONTINUE, ERROR, PENDING, CONNECT, NO_CARRIER, DONE_SILENT, CME_ERROR }

    /** Information text collected while a line runs, sent before its final result code. */
    private final class Output {
        private final List<String> info = new ArrayList<>();

        void info(String text) {
            info.add(text);
        }

        void flushInfo() {
            for (String text : info) {
                informationText(text);
            }
            info.clear();
        }
    }

    private Outcome execute(AtCommand command, Output out) {
        return switch (command.kind()) {
            case BASIC -> basic(command, out);
            case S_REGISTER -> sRegister(command, out);
            case EXTENDED -> extended(command, out);
        };
    }

    private Outcome basic(AtCommand c, Output out) {
        int n = c.number();
        switch (c.name()) {
            case "E" -> {
                return set01(n, profile::echo);
            }
            case "Q" -> {
                return set01(n, profile::quiet);
            }
            case "V" -> {
                return set01(n, profile::verbose);
            }
            case "X" -> {
                if (n > 4) {
                    return Outcome.ERROR;
                }
                profile.resultSet(n);
                return Outcome.CONTINUE;
            }
            case "I" -> {
                if (n != 0) {
                    return Outcome.ERROR;
                }
                out.info(identificationLine());
                return Outcome.CONTINUE;
            }
            case "Z" -> {
                if (n != 0) {
                    return Outcome.ERROR;
                }
                softReset(storedNow(true));
                return Outcome.CONTINUE;
            }
            case "&F" -> {
                if (n != 0) {
                    return Outcome.ERROR;
                }
                profile = AtProfile.factory();
                pendingChanges.clear();
                pendingFactoryReset = true;
                cbstSpeed = 7;
                applyLines(true);
                return Outcome.CONTINUE;
            }
            case "&W" -> {
                return n != 0 ? Outcome.ERROR : save();
            }
            case "&C" -> {
                if (n > 2) {
                    return Outcome.ERROR;
                }
                profile.dcdMode(n);
                applyLines(false);
                return Outcome.CONTINUE;
            }
            case "&D" -> {
                if (n > 2) {
                    return Outcome.ERROR;
                }
                profile.dtrMode(n);
                return Outcome.CONTINUE;
            }
            case "&K" -> {
                if (n != 0 && n != 3) {
                    return Outcome.ERROR;
                }
                profile.flowControl(n);
                applyLines(true);
                return Outcome.CONTINUE;
            }
            case "A" -> {
                return iface == AtInterface.REMOTE || n != 0 ? Outcome.ERROR : answer();
            }
            case "D" -> {
                return iface == AtInterface.REMOTE ? Outcome.ERROR : dial(c.argument());
            }
            case "H" -> {
                if (iface == AtInterface.REMOTE || n != 0) {
                    return Outcome.ERROR;
                }
                hangUp();
                return Outcome.CONTINUE;
            }
            case "O" -> {
                if (iface == AtInterface.REMOTE || n != 0) {
                    return Outcome.ERROR;
                }
                if (call == null || !call.isConnected()) {
                    return Outcome.NO_CARRIER;
                }
                toOnlineData();
                return Outcome.CONNECT;
            }
            default -> {
                return Outcome.ERROR;
            }
        }
    }

    private static Outcome set01(int n, java.util.function.Consumer<Boolean> setter) {
        if (n > 1) {
            return Outcome.ERROR;
        }
        setter.accept(n == 1);
        return Outcome.CONTINUE;
    }

    private Outcome sRegister(AtCommand c, Output out) {
        var register = SRegister.byIndex(c.number());
        if (register.isEmpty()) {
            return Outcome.ERROR;
        }
        SRegister r = register.get();
        if (c.form() == AtCommand.Form.READ) {
            int value = profile.register(r);
            out.info(value < 10 ? "00" + value : value < 100 ? "0" + value : Integer.toString(value));
            return Outcome.CONTINUE;
        }
        int value = Integer.parseInt(c.argument());
        if (!r.accepts(value) || r == SRegister.S1) {
            return Outcome.ERROR;
        }
        profile.register(r, value);
        return Outcome.CONTINUE;
    }

    private Outcome extended(AtCommand c, Output out) {
        boolean local = iface == AtInterface.LOCAL;
        AtCommand.Form form = c.form();
        return switch (c.name()) {
            case "+I" -> form != AtCommand.Form.EXEC ? Outcome.ERROR : modemInformation(out);
            case "+IP" -> {
                if (form != AtCommand.Form.READ) {
                    yield Outcome.ERROR;
                }
                out.info("IP: " + module.status().ipAddress().orElse("0.0.0.0"));
                yield Outcome.CONTINUE;
            }
            case "+R" -> form != AtCommand.Form.EXEC ? Outcome.ERROR : powerCycle();
            case "+S" -> form != AtCommand.Form.EXEC ? Outcome.ERROR : signalDisplay(out);
            case "+0" -> {
                if (form != AtCommand.Form.EXEC) {
                    yield Outcome.ERROR;
                }
                pendingChanges.put("tm.baud", "9600");
                pendingChanges.put("tm.data_format", "8N1");
                yield Outcome.CONTINUE;
            }
            case "+CGDCONT" -> pdpContext(form, c.argument(), out);
            case "+CBST" -> local ? bearer(form, c.argument(), out) : Outcome.ERROR;
            case "+CPIN" -> local && form == AtCommand.Form.READ ? pinStatus(out) : Outcome.ERROR;
            case "+CLCC" -> local && form == AtCommand.Form.EXEC ? callList(out) : Outcome.ERROR;
            case "+COPS" -> local && (form == AtCommand.Form.EXEC || form == AtCommand.Form.READ)
                    ? operator(out) : Outcome.ERROR;
            case "+CIMI" -> local && form == AtCommand.Form.EXEC ? imsi(out) : Outcome.ERROR;
            case "+CGSN" -> local && form == AtCommand.Form.EXEC ? imei(out) : Outcome.ERROR;
            default -> Outcome.ERROR;
        };
    }

    // ---- identification and status ---------------------------------------------------------------

    private String identificationLine() {
        AccessTechnology technology = module.status().technology();
        String generation = technology == AccessTechnology.NONE ? "" : " " + technology.generation() + "G";
        return identity.modemType() + generation + " V" + identity.firmwareVersion();
    }

    private Outcome modemInformation(Output out) {
        Configuration current = configuration.current();
        out.info(identity.modemType() + " v" + identity.firmwareVersion());
        out.info(profile.summary());
        out.info("APN: " + pendingOr(current, "conn.apn_name"));
        out.info("meter port: " + pendingOr(current, "tm.baud") + " " + pendingOr(current, "tm.data_format"));
        return Outcome.CONTINUE;
    }

    private String pendingOr(Configuration current, String name) {
        String pending = pendingChanges.get(name);
        if (pending != null) {
            return pending;
        }
        return pendingFactoryReset ? configuration.registry().defaults().valueText(name) : current.valueText(name);
    }

    private Outcome signalDisplay(Output out) {
        if (iface == AtInterface.REMOTE) {
            out.info(rssiText());
            return Outcome.CONTINUE;
        }
        if (rssiDisplay != null) {
            cancel(rssiDisplay);
            rssiDisplay = null;
        } else {
            rssiDisplay = scheduler.scheduleAtFixedRate(RSSI_DISPLAY_PERIOD, RSSI_DISPLAY_PERIOD, this::showRssi);
        }
        return Outcome.CONTINUE;
    }

    private synchronized void showRssi() {
        if (!closed && (mode == AtMode.COMMAND || mode == AtMode.ONLINE_COMMAND) && !assembler.inLine()) {
            informationText(rssiText());
        }
    }

    private String rssiText() {
        OptionalInt now = module.status().rssiDbm();
        if (now.isPresent()) {
            lastRssi = now.getAsInt();
        }
        return lastRssi == Integer.MIN_VALUE ? "RSSI: unknown" : "RSSI: " + lastRssi + " dBm";
    }

    private synchronized void statusChanged(CellularStatus status) {
        status.rssiDbm().ifPresent(v -> lastRssi = v);
    }

    /**
     * {@code AT+CPIN?} (AT-19). Without a usable SIM there is no {@code +CPIN:} state to report:
     * 27.007 answers {@code +CME ERROR: 10} (not inserted) or {@code 13} (failure). The modem has no
     * {@code AT+CMEE} (the manual lists none), so the error is always the numeric form, as under
     * {@code AT+CMEE=1}: a bare {@code ERROR} would not say why.
     */
    private Outcome pinStatus(Output out) {
        return switch (module.status().sim()) {
            case ABSENT -> cme(CME_SIM_NOT_INSERTED);
            case FAILURE -> cme(CME_SIM_FAILURE);
            case READY -> {
                out.info("+CPIN: READY");
                yield Outcome.CONTINUE;
            }
            case PIN_REQUIRED -> {
                out.info("+CPIN: SIM PIN");
                yield Outcome.CONTINUE;
            }
            case PUK_REQUIRED -> {
                out.info("+CPIN: SIM PUK");
                yield Outcome.CONTINUE;
            }
        };
    }

    private Outcome cme(int code) {
        cmeErrorCode = code;
        return Outcome.CME_ERROR;
    }

    /**
     * A {@code +CME ERROR: n} final result: framed like a verbose result code under {@code ATV1}, like
     * a numeric one ({@code text CR}) under {@code ATV0}; suppressed under {@code ATQ1}.
     */
    private void cmeError(int code) {
        if (closed || profile.quiet()) {
            return;
        }
        String text = "+CME ERROR: " + code;
        if (profile.verbose()) {
            verboseLine(text);
        } else {
            send(text + (char) profile.register(SRegister.S3));
        }
    }

    private Outcome callList(Output out) {
        if (call != null) {
            out.info("+CLCC: 1," + (callIncoming ? 1 : 0) + ",0,1,0," + quotedNumber(call.remoteNumber()));
        } else if (ringingCaller != null) {
            out.info("+CLCC: 1,1,4,1,0," + quotedNumber(ringingCaller));
        }
        return Outcome.CONTINUE;
    }

    private static String quotedNumber(String number) {
        return "\"" + number + "\"," + (number.startsWith("+") ? 145 : 129);
    }

    private Outcome operator(Output out) {
        CellularStatus status = module.status();
        if (status.registration().isRegistered() && status.operator().isPresent()) {
            out.info("+COPS: 0,0,\"" + status.operator().get() + "\"," + accessTechnology(status.technology()));
        } else {
            out.info("+COPS: 0");
        }
        out.info("+CREG: 0," + switch (status.registration()) {
            case NOT_REGISTERED -> 0;
            case REGISTERED_HOME -> 1;
            case SEARCHING -> 2;
            case DENIED -> 3;
            case UNKNOWN -> 4;
            case REGISTERED_ROAMING -> 5;
        });
        return Outcome.CONTINUE;
    }

    private static int accessTechnology(AccessTechnology technology) {
        return switch (technology) {
            case GSM, NONE -> 0;
            case UMTS -> 2;
            case LTE -> 7;
            case LTE_CAT_M1 -> 8;
            case NB_IOT -> 9;
        };
    }

    private Outcome imsi(Output out) {
        ModuleIdentity id = module.identity();
        if (id.imsi().isEmpty()) {
            return Outcome.ERROR;
        }
        out.info(id.imsi().get());
        return Outcome.CONTINUE;
    }

    private Outcome imei(Output out) {
        out.info(module.identity().imei());
        return Outcome.CONTINUE;
    }

    private Outcome bearer(AtCommand.Form form, String argument, Output out) {
        switch (form) {
            case READ -> {
                out.info("+CBST: " + cbstSpeed + ",0,1");
                return Outcome.CONTINUE;
            }
            case TEST -> {
                out.info("+CBST: (0,4,6,7,70,71),(0),(1)");
                return Outcome.CONTINUE;
            }
            case SET -> {
                List<String> values = CommandParser.splitArguments(argument);
                if (values == null || values.isEmpty() || values.size() > 3) {
                    return Outcome.ERROR;
                }
                Integer speed = smallNumber(values.get(0));
                if (speed == null || !CBST_SPEEDS.contains(speed)
                        || values.size() > 1 && !"0".equals(values.get(1))
                        || values.size() > 2 && !"1".equals(values.get(2))) {
                    return Outcome.ERROR;
                }
                cbstSpeed = speed;
                return Outcome.CONTINUE;
            }
            default -> {
                return Outcome.ERROR;
            }
        }
    }

    private static Integer smallNumber(String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return null;
        }
        return Integer.parseInt(text);
    }

    // ---- configuration (AT-20, AT-21) ------------------------------------------------------------

    private Outcome pdpContext(AtCommand.Form form, String argument, Output out) {
        switch (form) {
            case READ -> {
                out.info("+CGDCONT: 1,\"IP\",\"" + pendingOr(configuration.current(), "conn.apn_name") + "\"");
                return Outcome.CONTINUE;
            }
            case TEST -> {
                out.info("+CGDCONT: (1),\"IP\"");
                return Outcome.CONTINUE;
            }
            case SET -> {
                List<String> values = CommandParser.splitArguments(argument);
                if (values == null || values.size() != 3 || !"1".equals(values.get(0))
                        || !"IP".equalsIgnoreCase(values.get(1))) {
                    return Outcome.ERROR;
                }
                String apn = values.get(2);
                ChangeResult check = Transaction.builder().set("conn.apn_name", apn).build()
                        .validate(configuration.current());
                if (check instanceof ChangeResult.Rejected) {
                    return Outcome.ERROR;
                }
                pendingChanges.put("conn.apn_name", apn);
                return Outcome.CONTINUE;
            }
            default -> {
                return Outcome.ERROR;
            }
        }
    }

    /**
     * {@code AT&W}: the pending settings and the active profile in one transaction. After
     * {@code AT&F} the configuration is first reset to the factory values (which hold the factory
     * profile); the transaction then writes only what differs from them.
     */
    private Outcome save() {
        ChangeOutcome outcome = null;
        boolean profileParameter = configuration.registry().contains(AtProfile.PARAMETER);
        if (pendingFactoryReset) {
            outcome = configuration.factoryReset();
            if (outcome.errorCode() != ChangeOutcome.OK) {
                events.onEvent(new AtEvent.ConfigurationSaved(outcome));
                return Outcome.ERROR;
            }
        }
        Transaction.Builder tx = Transaction.builder();
        pendingChanges.forEach(tx::set);
        String profileText = profile.canonical();
        if (profileParameter && !profileText.equals(configuration.current().valueText(AtProfile.PARAMETER))) {
            tx.set(AtProfile.PARAMETER, profileText);
        }
        if (tx.size() > 0) {
            outcome = configuration.apply(tx.build());
        }
        if (outcome != null) {
            events.onEvent(new AtEvent.ConfigurationSaved(outcome));
            if (outcome.errorCode() != ChangeOutcome.OK) {
                return Outcome.ERROR;
            }
        }
        pendingChanges.clear();
        pendingFactoryReset = false;
        ramStored = profile.copy();
        return Outcome.CONTINUE;
    }

    /**
     * The stored profile: the configuration's {@value AtProfile#PARAMETER}; a malformed one (a store
     * written by other firmware, a registry with a looser type) gives the factory profile, so the
     * interface always comes up. Without the parameter the profile {@code AT&W} kept in RAM.
     */
    private AtProfile storedNow(boolean log) {
        if (!configuration.registry().contains(AtProfile.PARAMETER)) {
            return ramStored.copy();
        }
        String text = configuration.current().valueText(AtProfile.PARAMETER);
        var parsed = AtProfile.parse(text);
        if (parsed.isEmpty()) {
            if (log) {
                LOG.warn("stored AT profile {} is malformed ({} characters); using the factory profile",
                        AtProfile.PARAMETER, text.length());
            }
            return AtProfile.factory();
        }
        return parsed.get();
    }

    private void softReset(AtProfile to) {
        hangUpCall();
        if (ringingCaller != null) {
            module.reject();
            ringingCaller = null;
        }
        profile = to.copy();
        pendingChanges.clear();
        pendingFactoryReset = false;
        cbstSpeed = 7;
        cancel(rssiDisplay);
        rssiDisplay = null;
        setMode(AtMode.COMMAND);
        applyLines(true);
    }

    private Outcome powerCycle() {
        // OK goes out before the power drops; then the interface is deaf for the off time.
        result(ResultCode.OK);
        events.onEvent(new AtEvent.LineExecuted("+R", ResultCode.OK));
        softReset(storedNow(true));
        setMode(AtMode.RESETTING);
        assembler.reset();
        events.onEvent(new AtEvent.PowerCycle(POWER_CYCLE));
        resetHook.powerCycle(POWER_CYCLE);
        powerCycleEnd = scheduler.schedule(POWER_CYCLE, this::powerCycleEnded);
        return Outcome.DONE_SILENT;
    }

    private synchronized void powerCycleEnded() {
        powerCycleEnd = null;
        if (!closed && mode == AtMode.RESETTING) {
            setMode(AtMode.COMMAND);
        }
    }

    // =============================================================================================
    // Calls (AT-2, AT-3, AT-5, AT-7, AT-13, AT-24)
    // =============================================================================================

    private Outcome answer() {
        if (call != null) {
            return Outcome.ERROR;
        }
        callIncoming = true;
        return setUp(module.answer());
    }

    private Outcome dial(String dialString) {
        if (call != null) {
            return Outcome.ERROR;
        }
        StringBuilder number = new StringBuilder();
        for (int k = 0; k < dialString.length(); k++) {
            char ch = Character.toUpperCase(dialString.charAt(k));
            if ((ch >= '0' && ch <= '9') || (ch == '+' && number.isEmpty())) {
                number.append(ch);
            } else if (ch == 'T' || ch == 'P' || ch == ',' || ch == 'W' || ch == '-' || ch == '(' || ch == ')') {
                continue; // tone/pulse and pauses mean nothing on a cellular call
            } else {
                return Outcome.ERROR; // ';' (voice), '@', letters: not a CSD number
            }
        }
        if (!number.toString().matches("\\+?\\d{1,20}")) {
            return Outcome.ERROR;
        }
        callIncoming = false;
        return setUp(module.dial(number.toString()));
    }

    private Outcome setUp(CompletionStage<CsdCall> stage) {
        long generation = ++callGeneration;
        settingUp = true;
        setupTimeout = scheduler.schedule(Duration.ofSeconds(profile.register(SRegister.S7)),
                () -> setupTimedOut(generation));
        stage.whenComplete((c, error) -> setupCompleted(generation, c, error));
        return settingUp ? Outcome.PENDING : Outcome.DONE_SILENT;
    }

    private synchronized void setupCompleted(long generation, CsdCall c, Throwable error) {
        if (generation != callGeneration || !settingUp || closed) {
            if (c != null) {
                c.hangUp(); // a connection nobody waits for any more
            }
            return;
        }
        settingUp = false;
        cancel(setupTimeout);
        ringingCaller = null;
        if (error != null || c == null || !c.isConnected()) {
            if (c != null) {
                c.hangUp();
            }
            result(failureCode(error));
            return;
        }
        call = c;
        c.setReceiver(new CallReceiver(c));
        toOnlineData();
        connectResult();
    }

    private synchronized void setupTimedOut(long generation) {
        if (generation == callGeneration && settingUp && !closed) {
            settingUp = false;
            callGeneration++;
            result(ResultCode.NO_CARRIER);
        }
    }

    private void abortSetup() {
        settingUp = false;
        callGeneration++;
        cancel(setupTimeout);
        result(ResultCode.NO_CARRIER);
    }

    private static ResultCode failureCode(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CellularException ce) {
            return switch (ce.reason()) {
                case BUSY -> ResultCode.BUSY;
                case NO_ANSWER -> ResultCode.NO_ANSWER;
                case NOT_REGISTERED, SIM_ABSENT, SIM_BLOCKED, PIN_WRONG -> ResultCode.NO_DIALTONE;
                default -> ResultCode.NO_CARRIER;
            };
        }
        return ResultCode.NO_CARRIER;
    }

    private void hangUp() {
        if (settingUp) {
            settingUp = false;
            callGeneration++;
            cancel(setupTimeout);
        }
        hangUpCall();
        if (ringingCaller != null) {
            module.reject();
            ringingCaller = null;
        }
        setMode(AtMode.COMMAND);
    }

    private void hangUpCall() {
        if (call != null) {
            CsdCall c = call;
            call = null;
            c.hangUp();
            cancel(escapeTask);
            escapeCount = 0;
            applyLines(false);
        }
    }

    private synchronized void ring(String caller, int count) {
        if (closed || iface != AtInterface.LOCAL || call != null || settingUp) {
            return;
        }
        ringingCaller = caller;
        profile.register(SRegister.S1, Math.min(count, 255));
        result(ResultCode.RING);
        int autoAnswer = profile.register(SRegister.S0);
        if (autoAnswer > 0 && count >= autoAnswer && mode == AtMode.COMMAND) {
            callIncoming = true;
            try {
                setUp(module.answer());
            } catch (RuntimeException e) {
                // Never into the module's thread: the caller hears no answer, the terminal NO CARRIER.
                LOG.warn("auto-answer failed", e);
                settingUp = false;
                result(ResultCode.NO_CARRIER);
            }
        }
    }

    private synchronized void ringingStopped() {
        ringingCaller = null;
        profile.register(SRegister.S1, 0);
    }

    private final class CallReceiver implements CsdReceiver {
        private final CsdCall owner;

        CallReceiver(CsdCall owner) {
            this.owner = owner;
        }

        @Override
        public void onData(byte[] data, int offset, int length) {
            synchronized (AtInterpreter.this) {
                if (closed || call != owner) {
                    return;
                }
                if (mode == AtMode.ONLINE_DATA) {
                    byte[] copy = new byte[length];
                    System.arraycopy(data, offset, copy, 0, length);
                    flushEcho();
                    terminal.send(copy);
                } else {
                    droppedOnlineCommandBytes += length;
                }
            }
        }

        @Override
        public void onEnded(CallEndReason reason) {
            synchronized (AtInterpreter.this) {
                if (closed || call != owner) {
                    return;
                }
                call = null;
                cancel(escapeTask);
                escapeCount = 0;
                setMode(AtMode.COMMAND);
                applyLines(false);
                result(ResultCode.NO_CARRIER);
            }
        }
    }

    private void toOnlineData() {
        lastDataNanos = scheduler.nanoTime();
        escapeCount = 0;
        setMode(AtMode.ONLINE_DATA);
        applyLines(false);
    }

    private void toOnlineCommand() {
        cancel(escapeTask);
        escapeCount = 0;
        setMode(AtMode.ONLINE_COMMAND);
        assembler.reset();
        applyLines(false);
        result(ResultCode.OK);
    }

    /** Forwards terminal bytes to the call, watching for the escape sequence (AT-24). */
    private int onlineData(byte[] data, int from, int end) {
        long now = scheduler.nanoTime();
        int escape = profile.register(SRegister.S2);
        long guard = profile.register(SRegister.S12) * 20_000_000L;
        for (int k = from; k < end; k++) {
            int b = data[k] & 0xFF;
            boolean escapeChar = escape <= 127 && b == escape && escapeCount < 3
                    && (escapeCount == 0 ? now - lastDataNanos >= guard : now - lastEscapeNanos < guard);
            if (escapeChar) {
                escapeCount++;
                lastEscapeNanos = now;
                if (escapeCount == 3) {
                    escapeTask = scheduler.scheduleAt(now + guard, this::escapeGuardEnded);
                }
            } else if (escapeCount > 0) {
                escapeCount = 0;
                cancel(escapeTask);
                escapeTask = null;
            }
            lastDataNanos = now;
        }
        if (call != null) {
            try {
                call.write(data, from, end - from);
            } catch (IOException e) {
                LOG.debug("CSD write failed: {}", e.getMessage());
            }
        }
        return end;
    }

    private synchronized void escapeGuardEnded() {
        escapeTask = null;
        if (!closed && mode == AtMode.ONLINE_DATA && escapeCount == 3 && call != null) {
            toOnlineCommand();
        }
    }

    // =============================================================================================
    // Output
    // =============================================================================================

    private void connectResult() {
        if (profile.quiet()) {
            return;
        }
        if (!profile.verbose()) {
            send(ResultCode.CONNECT.number() + "" + (char) profile.register(SRegister.S3));
        } else if (profile.resultSet() == 0) {
            verboseLine(ResultCode.CONNECT.text());
        } else {
            verboseLine(ResultCode.CONNECT.text() + " " + connectRate());
        }
    }

    private int connectRate() {
        return switch (cbstSpeed) {
            case 4 -> 2400;
            case 6 -> 4800;
            default -> 9600;
        };
    }

    private void result(ResultCode code) {
        if (closed || profile.quiet()) {
            return;
        }
        ResultCode shown = profile.resultSet() == 0 && !code.inBasicSet() ? ResultCode.NO_CARRIER : code;
        if (profile.verbose()) {
            verboseLine(shown.text());
        } else {
            send(shown.number() + "" + (char) profile.register(SRegister.S3));
        }
    }

    private void informationText(String text) {
        char cr = (char) profile.register(SRegister.S3);
        char lf = (char) profile.register(SRegister.S4);
        send(profile.verbose() ? "" + cr + lf + text + cr + lf : text + cr + lf);
    }

    private void verboseLine(String text) {
        char cr = (char) profile.register(SRegister.S3);
        char lf = (char) profile.register(SRegister.S4);
        send("" + cr + lf + text + cr + lf);
    }

    private void send(String text) {
        if (closed) {
            return;
        }
        flushEcho();
        byte[] bytes = new byte[text.length()];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = (byte) framing.encode(text.charAt(k));
        }
        terminal.send(bytes);
    }

    private void setMode(AtMode newMode) {
        if (mode != newMode) {
            mode = newMode;
            events.onEvent(new AtEvent.ModeChanged(newMode));
        }
    }

    /** Drives DCD as {@code AT&C} says (AT-12) and, when asked, the flow control (AT-14). */
    private void applyLines(boolean flowControlToo) {
        boolean level = switch (profile.dcdMode()) {
            case 0 -> true;
            case 1 -> call != null;
            default -> mode == AtMode.ONLINE_DATA;
        };
        if (dcdLevel == null || dcdLevel != level) {
            dcdLevel = level;
            lines.setDcd(level);
        }
        if (flowControlToo) {
            lines.setFlowControl(profile.flowControl() == 3 ? FlowControl.RTS_CTS : FlowControl.NONE);
        }
    }

    private static void cancel(ScheduledTask task) {
        if (task != null) {
            task.cancel();
        }
    }

    @Override
    public String toString() {
        return "AtInterpreter[" + iface + ", " + mode + ", " + framing + "]";
    }

    /** Builds an {@link AtInterpreter}; scheduler, cellular module, configuration and terminal are required. */
    public static final class Builder {
        private AtInterface iface = AtInterface.LOCAL;
        private Scheduler scheduler;
        private CellularModule module;
        private ConfigurationService configuration;
        private AtTerminal terminal;
        private TerminalLines lines = TerminalLines.NONE;
        private ResetHook resetHook;
        private AtIdentity identity = AtIdentity.WM_E2S;
        private AtEventListener events = AtEventListener.IGNORE;

        private Builder() {
        }

        /**
         * @param value local (default) or remote
         * @return this
         */
        public Builder interfaceType(AtInterface value) {
            this.iface = Objects.requireNonNull(value, "interface");
            return this;
        }

        /**
         * @param value the modem's scheduler
         * @return this
         */
        public Builder scheduler(Scheduler value) {
            this.scheduler = value;
            return this;
        }

        /**
         * The scheduler given so far, for drivers that time things around the interpreter (the remote
         * session's password delay).
         *
         * @return the scheduler, or {@code null} when none is set yet
         */
        public Scheduler configuredScheduler() {
            return scheduler;
        }

        /**
         * @param value the cellular module answering {@code AT+C...} and carrying CSD calls
         * @return this
         */
        public Builder cellularModule(CellularModule value) {
            this.module = value;
            return this;
        }

        /**
         * @param value the configuration {@code AT&W} saves to and {@code AT+CGDCONT?} reads
         * @return this
         */
        public Builder configuration(ConfigurationService value) {
            this.configuration = value;
            return this;
        }

        /**
         * @param value where the bytes for the terminal go
         * @return this
         */
        public Builder terminal(AtTerminal value) {
            this.terminal = value;
            return this;
        }

        /**
         * @param value the control lines ({@link TerminalLines#NONE} by default)
         * @return this
         */
        public Builder lines(TerminalLines value) {
            this.lines = Objects.requireNonNull(value, "lines");
            return this;
        }

        /**
         * @param value what {@code AT+R} does; by default it restarts the cellular module
         * @return this
         */
        public Builder resetHook(ResetHook value) {
            this.resetHook = value;
            return this;
        }

        /**
         * @param value the names {@code ATI}/{@code AT+I} report
         * @return this
         */
        public Builder identity(AtIdentity value) {
            this.identity = Objects.requireNonNull(value, "identity");
            return this;
        }

        /**
         * @param value receives the interpreter's events
         * @return this
         */
        public Builder events(AtEventListener value) {
            this.events = Objects.requireNonNull(value, "events");
            return this;
        }

        /**
         * Builds the interpreter with the stored profile ({@value AtProfile#PARAMETER}) in force; it
         * listens to the module at once and sets DCD and flow control.
         *
         * @return the interpreter
         */
        public AtInterpreter build() {
            return new AtInterpreter(this);
        }
    }
}
