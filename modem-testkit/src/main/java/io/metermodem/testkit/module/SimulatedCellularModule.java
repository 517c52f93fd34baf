package io.metermodem.testkit.module;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.cellular.SimState;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialListener;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cellular module on the far end of the module UART (HAL-7), speaking the Quectel EC2x or the
 * Telit LE910 AT dialect on the bit-level mock serial wire, in virtual time. A scriptable network
 * stands behind it (SIM and PIN, registration and technology, signal, operator, incoming SMS and
 * calls, CSD data, packet data, ping), and faults come on demand: no answer, garbage bytes, URC
 * storms, late replies, a module reset.
 *
 * <pre>{@code
 * SerialWire wire = new SerialWire(scheduler, "module-uart");
 * MockSerialPort cpu = wire.dte("cpu");
 * SimulatedCellularModule module = SimulatedCellularModule.builder(ModuleDialect.QUECTEL)
 *         .smsCodec(codec).build(wire.dce("ec21"), scheduler);
 * cpu.open(SimulatedCellularModule.LINE);
 * module.register(RegistrationState.REGISTERED_HOME, AccessTechnology.LTE);
 * }</pre>
 *
 * <p>What it does not model: the real timing of network procedures (answers come at once unless
 * a delay is scripted), 7-bit/UCS-2 text mode, more than one PDP context. All methods are
 * synchronized; replies are written from scheduler tasks, never inside the port's callback.
 */
public final class SimulatedCellularModule {

    /** The module UART's settings: 115200 8N1. */
    public static final LineSettings LINE = new LineSettings(115_200, io.metermodem.hal.serial.FrameFormat.F8N1);
    /** The guard time of the {@code +++} escape (S12 = 50). */
    public static final Duration GUARD = Duration.ofSeconds(1);
    /** Longest command line kept; longer ones are answered with ERROR. */
    public static final int MAX_LINE = 2048;
    /** Most PDU characters accepted after the prompt. */
    public static final int MAX_PDU = 1024;

    private enum Mode { COMMAND, PROMPT, DATA, BOOTING }

    private final ModuleDialect dialect;
    private final SerialPort port;
    private final Scheduler scheduler;
    private final ModuleSmsCodec codec;
    private final String imei;
    private final String imsi;
    private final String iccid;
    private final Duration bootTime;

    // module settings (lost on reset)
    private boolean echo = true;
    private int cmee;
    private int cregMode;
    private int cgregMode;
    private int ceregMode;
    private boolean clip;
    private boolean crc;
    private final int[] sRegisters = new int[32];

    // network script
    private SimState sim = SimState.READY;
    private String pin = "1234";
    private int pinAttempts = 3;
    private RegistrationState registration = RegistrationState.NOT_REGISTERED;
    private AccessTechnology technology = AccessTechnology.NONE;
    private int signalDbm = -75;
    private String operator = "Simulated Net";
    private final Map<String, DialOutcome> dialOutcomes = new HashMap<>();
    private final Set<String> refusedApns = new HashSet<>();
    private final Map<String, Duration> pingReplies = new HashMap<>();
    private String ipAddress = "10.64.0.17";

    // state
    private Mode mode = Mode.COMMAND;
    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private boolean lineOverflow;
    private final ByteArrayOutputStream pdu = new ByteArrayOutputStream();
    private int promptLength;
    private final TreeMap<Integer, String> storage = new TreeMap<>();
    private int messageReference;
    private final List<SubmittedSms> sent = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private final List<Integer> deleted = new ArrayList<>();
    private String apn = "";
    private boolean contextActive;
    private boolean callUp;
    private boolean ringing;
    private String ringingCaller;
    private ScheduledTask ringTask;
    private final ByteArrayOutputStream peerReceived = new ByteArrayOutputStream();
    private long lastDataNanos;
    private int escapeChars;
    private ScheduledTask escapeTask;

    // faults
    private boolean silent;
    private Duration replyDelay = Duration.ZERO;
    private final ArrayList<Duration> nextDelays = new ArrayList<>();

    // inbox: bytes handed over from the port's callback to a scheduler task
    private final ByteArrayOutputStream inbox = new ByteArrayOutputStream();
    private boolean drainScheduled;

    private SimulatedCellularModule(Builder b, SerialPort port, Scheduler scheduler) throws IOException {
        this.dialect = b.dialect;
        this.port = Objects.requireNonNull(port, "port");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.codec = Objects.requireNonNull(b.codec, "an SMS codec is required (smsCodec)");
        this.imei = b.imei;
        this.imsi = b.imsi;
        this.iccid = b.iccid;
        this.bootTime = b.bootTime;
        resetSettings();
        if (!port.isOpen()) {
            port.open(LINE);
        }
        port.setListener(new SerialListener() {
            @Override
            public void onData(byte[] data, int offset, int length) {
                accept(data, offset, length);
            }
        });
    }

    /**
     * @param dialect the AT dialect
     * @return a builder
     */
    public static Builder builder(ModuleDialect dialect) {
        return new Builder(Objects.requireNonNull(dialect, "dialect"));
    }

    // ---------------------------------------------------------------- network script

    /**
     * Changes the registration; emits {@code +CREG}/{@code +CGREG}/{@code +CEREG} where enabled.
     *
     * @param state      the new state
     * @param technology the technology while registered
     */
    public synchronized void register(RegistrationState state, AccessTechnology technology) {
        this.registration = Objects.requireNonNull(state, "state");
        this.technology = state.isRegistered() ? Objects.requireNonNull(technology, "technology")
                : AccessTechnology.NONE;
        if (!state.isRegistered()) {
            contextActive = false;
        }
        if (cregMode > 0) {
            urc("+CREG: " + regUrc(cregMode));
        }
        if (cgregMode > 0) {
            urc("+CGREG: " + regUrc(cgregMode));
        }
        if (ceregMode > 0) {
            urc("+CEREG: " + regUrc(ceregMode));
        }
    }

    /** @param dbm the signal strength the radio reports (RSSI in dBm) */
    public synchronized void signal(int dbm) {
        this.signalDbm = dbm;
    }

    /** @param name the operator's name in {@code +COPS?} */
    public synchronized void operator(String name) {
        this.operator = Objects.requireNonNull(name, "name");
    }

    /**
     * @param state the SIM's state; {@link SimState#PIN_REQUIRED} needs {@code AT+CPIN}
     * @param pinCode the PIN that unlocks it
     */
    public synchronized void sim(SimState state, String pinCode) {
        this.sim = Objects.requireNonNull(state, "state");
        this.pin = Objects.requireNonNull(pinCode, "pinCode");
        this.pinAttempts = 3;
    }

    /**
     * An SMS arrives: stored in the SIM's storage, reported with {@code +CMTI: "SM",<index>} per part.
     *
     * @param originator the sender
     * @param text       the text
     */
    public synchronized void deliverSms(String originator, String text) {
        for (String hex : codec.encodeDeliver(originator, text, scheduler.instant())) {
            int index = storage.isEmpty() ? 0 : storage.lastKey() + 1;
            storage.put(index, hex);
            urc("+CMTI: \"SM\"," + index);
        }
    }

    /**
     * A data call rings: {@code RING} (or {@code +CRING: REL ASYNC}) and {@code +CLIP} every 3 s
     * until answered, rejected or {@link #stopRinging()}.
     *
     * @param caller the caller's number
     */
    public synchronized void ring(String caller) {
        ringing = true;
        ringingCaller = caller;
        if (ringTask != null) {
            ringTask.cancel();
        }
        ringTask = scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ofSeconds(3), this::ringOnce);
    }

    /** The caller gives up: ringing stops, {@code NO CARRIER}. */
    public synchronized void stopRinging() {
        if (ringing) {
            stopRingTask();
            urc("NO CARRIER");
        }
    }

    /**
     * @param number a number the driver may dial
     * @param outcome how the network answers it (numbers not set answer NO CARRIER)
     */
    public synchronized void dialOutcome(String number, DialOutcome outcome) {
        dialOutcomes.put(number, outcome);
    }

    /**
     * The far end of the data call sends bytes.
     *
     * @param data the bytes
     */
    public synchronized void peerSend(byte[] data) {
        if (mode == Mode.DATA) {
            write(data);
        }
    }

    /** @return the bytes the driver sent the far end of the data call so far, and clears them */
    public synchronized byte[] peerReceived() {
        byte[] out = peerReceived.toByteArray();
        peerReceived.reset();
        return out;
    }

    /** The far end hangs up: {@code NO CARRIER}. */
    public synchronized void peerHangUp() {
        if (callUp) {
            callUp = false;
            mode = Mode.COMMAND;
            raw("\r\nNO CARRIER\r\n");
        }
    }

    /** @param apnName an APN the network refuses */
    public synchronized void refuseApn(String apnName) {
        refusedApns.add(apnName);
    }

    /** @param address the IP address the network assigns */
    public synchronized void ipAddress(String address) {
        this.ipAddress = Objects.requireNonNull(address, "address");
    }

    /**
     * @param host       a host to ping
     * @param roundTrip  its round trip; hosts not set never reply
     */
    public synchronized void pingReply(String host, Duration roundTrip) {
        pingReplies.put(host, roundTrip);
    }

    /** Packet data is lost by the network ({@code +QIURC: "pdpdeact",1} on Quectel). */
    public synchronized void dropPacketData() {
        contextActive = false;
        if (dialect == ModuleDialect.QUECTEL) {
            urc("+QIURC: \"pdpdeact\",1");
        }
    }

    // ---------------------------------------------------------------- faults

    /** @param on true: the module hears but answers nothing (and sends no URCs) until turned off */
    public synchronized void silent(boolean on) {
        this.silent = on;
    }

    /** @param bytes written to the line as they are, now */
    public synchronized void sendGarbage(byte[] bytes) {
        write(bytes);
    }

    /**
     * A burst of registration and signal URCs.
     *
     * @param count how many
     */
    public synchronized void urcStorm(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append("\r\n+CREG: ").append(regUrc(2)).append("\r\n");
            if (dialect == ModuleDialect.QUECTEL) {
                sb.append("\r\n+QIND: \"csq\",").append(csq()).append(",99\r\n");
            }
        }
        raw(sb.toString());
    }

    /** @param delay every answer comes this late (late replies); zero for on time */
    public synchronized void replyDelay(Duration delay) {
        this.replyDelay = Objects.requireNonNull(delay, "delay");
    }

    /** @param delay the answer to the next command only comes this late */
    public synchronized void delayNextReply(Duration delay) {
        nextDelays.add(Objects.requireNonNull(delay, "delay"));
    }

    /** The module resets on its own: silent for the boot time, then {@code RDY} (Quectel); settings lost. */
    public synchronized void reset() {
        reboot();
    }

    // ---------------------------------------------------------------- observation

    /** @return every command line received, in order */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    /** @return messages the network accepted */
    public synchronized List<SubmittedSms> sentSms() {
        return List.copyOf(sent);
    }

    /** @return indexes deleted with {@code AT+CMGD}, in order */
    public synchronized List<Integer> deletedIndexes() {
        return List.copyOf(deleted);
    }

    /** @return indexes still stored */
    public synchronized Set<Integer> storedIndexes() {
        return Set.copyOf(storage.keySet());
    }

    /** @return the APN configured for context 1 */
    public synchronized String apn() {
        return apn;
    }

    /** @return true while packet data is up */
    public synchronized boolean packetDataActive() {
        return contextActive;
    }

    /** @return true while a data call is connected */
    public synchronized boolean callConnected() {
        return callUp;
    }

    /** @return true while the module echoes */
    public synchronized boolean echo() {
        return echo;
    }

    /** @return the dialect */
    public ModuleDialect dialect() {
        return dialect;
    }

    // ---------------------------------------------------------------- receive

    private void accept(byte[] data, int offset, int length) {
        synchronized (inbox) {
            if (inbox.size() < 64 * 1024) {
                inbox.write(data, offset, length);
            }
            if (!drainScheduled) {
                drainScheduled = true;
                scheduler.execute(this::drain);
            }
        }
    }

    private void drain() {
        byte[] bytes;
        synchronized (inbox) {
            bytes = inbox.toByteArray();
            inbox.reset();
            drainScheduled = false;
        }
        synchronized (this) {
            for (byte b : bytes) {
                received(b);
            }
        }
    }

    private void received(byte b) {
        switch (mode) {
            case BOOTING -> {
            }
            case DATA -> dataByte(b);
            case PROMPT -> promptByte(b);
            default -> commandByte(b);
        }
    }

    private void commandByte(byte b) {
        if (echo && !silent) {
            write(new byte[] {b});
        }
        if (b == '\n') {
            return;
        }
        if (b == '\r') {
            String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1).trim();
            boolean overflow = lineOverflow;
            lineLength = 0;
            lineOverflow = false;
            if (overflow) {
                reply(List.of(), "ERROR");
            } else if (text.length() >= 2 && text.substring(0, 2).equalsIgnoreCase("AT")) {
                commands.add(text);
                if (!silent) {
                    command(text);
                }
            }
            return;
        }
        if (lineLength == MAX_LINE) {
            lineOverflow = true;
        } else {
            line[lineLength++] = b;
        }
    }

    private void promptByte(byte b) {
        if (b == 0x1B) {
            mode = Mode.COMMAND;
            pdu.reset();
            reply(List.of(), "OK");
            return;
        }
        if (b != 0x1A) {
            if (pdu.size() < MAX_PDU) {
                pdu.write(b);
            }
            return;
        }
        mode = Mode.COMMAND;
        String hex = pdu.toString(StandardCharsets.ISO_8859_1).trim();
        pdu.reset();
        if (silent) {
            return;
        }
        // the SMSC field: its first octet is its length; AT+CMGS counts only the TPDU after it
        int smscOctets;
        try {
            smscOctets = Integer.parseInt(hex.substring(0, 2), 16);
        } catch (RuntimeException e) {
            reply(List.of(), cms(304));
            return;
        }
        String tpdu = hex.length() >= 2 + 2 * smscOctets ? hex.substring(2 + 2 * smscOctets) : "";
        if (tpdu.length() != 2 * promptLength || tpdu.isEmpty()) {
            reply(List.of(), cms(304));
            return;
        }
        try {
            codec.decodeSubmit(tpdu).ifPresent(sent::add);
        } catch (IllegalArgumentException e) {
            reply(List.of(), cms(304));
            return;
        }
        messageReference = (messageReference + 1) % 256;
        reply(List.of("+CMGS: " + messageReference), "OK");
    }

    private void dataByte(byte b) {
        long now = scheduler.nanoTime();
        boolean quietBefore = now - lastDataNanos >= GUARD.toNanos();
        lastDataNanos = now;
        if (b == '+' && (escapeChars > 0 || quietBefore) && escapeChars < 3) {
            escapeChars++;
            if (escapeChars == 3) {
                if (escapeTask != null) {
                    escapeTask.cancel();
                }
                long at = now;
                escapeTask = scheduler.schedule(GUARD, () -> escapeComplete(at));
            }
            return;
        }
        if (escapeChars > 0) {
            for (int i = 0; i < escapeChars; i++) {
                peerReceived.write('+');
            }
            escapeChars = 0;
        }
        peerReceived.write(b);
    }

    private synchronized void escapeComplete(long thirdPlusAt) {
        escapeTask = null;
        if (mode == Mode.DATA && escapeChars == 3 && lastDataNanos == thirdPlusAt) {
            escapeChars = 0;
            mode = Mode.COMMAND;
            reply(List.of(), "OK");
        }
    }

    // ---------------------------------------------------------------- commands

    private static final Pattern BASIC = Pattern.compile("(?i)([EVQXZ&][A-Z]?)(\\d*)|S(\\d+)(=(\\d+)|\\?)");

    private void command(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        String body = upper.substring(2);
        if (body.isEmpty()) {
            reply(List.of(), "OK");
            return;
        }
        char first = body.charAt(0);
        if (first == '+' || first == '#') {
            extended(text.substring(2), body);
            return;
        }
        if (first == 'D') {
            dial(body.substring(1).replace("T", "").replace(";", ""));
            return;
        }
        if (body.equals("A")) {
            answerCall();
            return;
        }
        if (body.equals("H") || body.equals("H0")) {
            hangUp();
            return;
        }
        if (body.equals("O") || body.equals("O0")) {
            if (callUp) {
                mode = Mode.DATA;
                lastDataNanos = scheduler.nanoTime();
                reply(List.of(), "CONNECT 9600");
            } else {
                reply(List.of(), "NO CARRIER");
            }
            return;
        }
        if (body.equals("I")) {
            reply(dialect == ModuleDialect.QUECTEL ? List.of("Quectel", "EC21", "Revision: EC21EFAR06A01M4G")
                    : List.of("LE910C1-EU"), "OK");
            return;
        }
        basicChain(body);
    }

    private void basicChain(String body) {
        List<String> lines = new ArrayList<>();
        Matcher m = BASIC.matcher(body);
        int at = 0;
        while (at < body.length()) {
            if (!m.find(at) || m.start() != at) {
                reply(List.of(), "ERROR");
                return;
            }
            if (m.group(3) != null) {
                int reg = Integer.parseInt(m.group(3));
                if (reg >= sRegisters.length) {
                    reply(List.of(), "ERROR");
                    return;
                }
                if (m.group(5) != null) {
                    int value = Integer.parseInt(m.group(5));
                    if (value > 255) {
                        reply(List.of(), "ERROR");
                        return;
                    }
                    sRegisters[reg] = value;
                } else {
                    lines.add(String.format("%03d", sRegisters[reg]));
                }
            } else if (m.group(1).equals("E")) {
                echo = !"0".equals(m.group(2)) && !m.group(2).isEmpty();
            }
            at = m.end();
        }
        reply(lines, "OK");
    }

    private void extended(String original, String body) {
        String name = body;
        int cut = indexOfAny(body, "=?");
        if (cut >= 0) {
            name = body.substring(0, cut);
        }
        String args = cut >= 0 && body.charAt(cut) == '=' ? original.substring(cut + 1) : "";
        boolean query = body.endsWith("?") && (cut < 0 || body.charAt(cut) == '?');
        boolean quectel = dialect == ModuleDialect.QUECTEL;
        switch (name) {
            case "+CMEE" -> {
                cmee = parseIntOr(args, 0);
                reply(List.of(), "OK");
            }
            case "+CGMI" -> reply(List.of(quectel ? "Quectel" : "Telit"), "OK");
            case "+CGMM" -> reply(List.of(quectel ? "EC21" : "LE910C1-EU"), "OK");
            case "+CGMR" -> reply(List.of(quectel ? "EC21EFAR06A01M4G" : "25.30.226"), "OK");
            case "+CGSN" -> reply(List.of(imei), "OK");
            case "+CIMI" -> {
                if (sim == SimState.READY) {
                    reply(List.of(imsi), "OK");
                } else {
                    reply(List.of(), cme(sim == SimState.ABSENT ? 10 : 11));
                }
            }
            case "+QCCID" -> dialectOnly(quectel, "+QCCID: " + iccid);
            case "#CCID" -> dialectOnly(!quectel, "#CCID: " + iccid);
            case "+CPIN" -> cpin(query, args);
            case "+CMGF", "+CNMI", "+CRC", "+CLIP", "+CSCS", "+CBST" -> {
                if (name.equals("+CLIP")) {
                    clip = args.startsWith("1");
                }
                if (name.equals("+CRC")) {
                    crc = args.startsWith("1");
                }
                reply(List.of(), "OK");
            }
            case "+CREG" -> {
                if (query) {
                    reply(List.of("+CREG: " + cregMode + "," + regUrc(cregMode)), "OK");
                } else {
                    cregMode = parseIntOr(args, 0);
                    reply(List.of(), "OK");
                }
            }
            case "+CGREG" -> {
                if (query) {
                    reply(List.of("+CGREG: " + cgregMode + "," + regUrc(cgregMode)), "OK");
                } else {
                    cgregMode = parseIntOr(args, 0);
                    reply(List.of(), "OK");
                }
            }
            case "+CEREG" -> {
                if (query) {
                    reply(List.of("+CEREG: " + ceregMode + "," + regUrc(ceregMode)), "OK");
                } else {
                    ceregMode = parseIntOr(args, 0);
                    reply(List.of(), "OK");
                }
            }
            case "+COPS" -> {
                if (query) {
                    reply(List.of(registration.isRegistered()
                            ? "+COPS: 0,0,\"" + operator + "\"," + act() : "+COPS: 0"), "OK");
                } else {
                    reply(List.of(), "OK");
                }
            }
            case "+CSQ" -> reply(List.of("+CSQ: " + csq() + ",99"), "OK");
            case "+QNWINFO" -> dialectOnly(quectel, "+QNWINFO: " + nwinfo());
            case "+QCSQ" -> dialectOnly(quectel, "+QCSQ: " + qcsq());
            case "#RFSTS" -> dialectOnly(!quectel, "#RFSTS: " + rfsts());
            case "+CMGS" -> {
                int length = parseIntOr(args, -1);
                if (length < 1 || length > 176) {
                    reply(List.of(), cms(304));
                    return;
                }
                promptLength = length;
                mode = Mode.PROMPT;
                pdu.reset();
                raw(quectel ? "> " : "\r\n> ");
            }
            case "+CMGR" -> {
                String hex = storage.get(parseIntOr(args, -1));
                if (hex == null) {
                    reply(List.of(), cms(321));
                } else {
                    reply(List.of("+CMGR: 0,," + (hex.length() / 2 - 1 - Integer.parseInt(hex.substring(0, 2), 16)),
                            hex), "OK");
                }
            }
            case "+CMGD" -> {
                int index = parseIntOr(args.split(",")[0], -1);
                storage.remove(index);
                deleted.add(index);
                reply(List.of(), "OK");
            }
            case "+QICSGP" -> {
                if (!quectel) {
                    reply(List.of(), "ERROR");
                    return;
                }
                List<String> f = split(args);
                apn = f.size() > 2 ? f.get(2) : "";
                reply(List.of(), "OK");
            }
            case "+CGDCONT" -> {
                List<String> f = split(args);
                apn = f.size() > 2 ? f.get(2) : "";
                reply(List.of(), "OK");
            }
            case "+QIACT" -> {
                if (!quectel) {
                    reply(List.of(), "ERROR");
                } else if (query) {
                    reply(contextActive ? List.of("+QIACT: 1,1,1,\"" + ipAddress + "\"") : List.of(), "OK");
                } else {
                    activate(List.of());
                }
            }
            case "+QIDEACT" -> {
                contextActive = false;
                reply(List.of(), quectel ? "OK" : "ERROR");
            }
            case "#SGACT" -> {
                if (quectel) {
                    reply(List.of(), "ERROR");
                } else if (args.startsWith("1,1")) {
                    activate(List.of("#SGACT: " + ipAddress));
                } else {
                    contextActive = false;
                    reply(List.of(), "OK");
                }
            }
            case "+QPING" -> {
                if (!quectel || !contextActive) {
                    reply(List.of(), quectel ? cme(561) : "ERROR");
                    return;
                }
                List<String> f = split(args);
                String host = f.size() > 1 ? f.get(1) : "";
                int seconds = f.size() > 2 ? parseIntOr(f.get(2), 4) : 4;
                reply(List.of(), "OK");
                Duration rtt = pingReplies.get(host);
                if (rtt != null && rtt.compareTo(Duration.ofSeconds(seconds)) < 0) {
                    scheduler.schedule(rtt, () -> urcLater("+QPING: 0,\"" + host + "\",32," + rtt.toMillis() + ",255",
                            "+QPING: 0,1,1,0," + rtt.toMillis() + "," + rtt.toMillis() + "," + rtt.toMillis()));
                } else {
                    scheduler.schedule(Duration.ofSeconds(seconds), () -> urcLater("+QPING: 569"));
                }
            }
            case "#PING" -> {
                if (quectel || !contextActive) {
                    reply(List.of(), quectel ? "ERROR" : cme(559));
                    return;
                }
                List<String> f = split(args);
                String host = f.get(0);
                int tenths = f.size() > 3 ? parseIntOr(f.get(3), 50) : 50;
                Duration rtt = pingReplies.get(host);
                if (rtt != null && rtt.compareTo(Duration.ofMillis(100L * tenths)) < 0) {
                    delayed(rtt, List.of("#PING: 01,\"" + host + "\"," + rtt.toMillis() + ",128"), "OK");
                } else {
                    delayed(Duration.ofMillis(100L * tenths), List.of("#PING: 01,\"600.600.600.600\",600,-1"), "OK");
                }
            }
            case "+CFUN" -> {
                reply(List.of(), "OK");
                if (args.replace(" ", "").equals("1,1")) {
                    scheduler.schedule(Duration.ofMillis(50), this::reboot);
                }
            }
            default -> reply(List.of(), "ERROR");
        }
    }

    private void dialectOnly(boolean supported, String answer) {
        reply(supported ? List.of(answer) : List.of(), supported ? "OK" : "ERROR");
    }

    private void cpin(boolean query, String args) {
        if (query) {
            switch (sim) {
                case READY -> reply(List.of("+CPIN: READY"), "OK");
                case PIN_REQUIRED -> reply(List.of("+CPIN: SIM PIN"), "OK");
                case PUK_REQUIRED -> reply(List.of("+CPIN: SIM PUK"), "OK");
                case ABSENT -> reply(List.of(), cme(10));
                default -> reply(List.of(), cme(13));
            }
            return;
        }
        String given = args.replace("\"", "").trim();
        if (sim == SimState.ABSENT) {
            reply(List.of(), cme(10));
        } else if (sim != SimState.PIN_REQUIRED) {
            reply(List.of(), sim == SimState.PUK_REQUIRED ? cme(12) : cme(3));
        } else if (given.equals(pin)) {
            sim = SimState.READY;
            pinAttempts = 3;
            reply(List.of(), "OK");
        } else {
            pinAttempts--;
            if (pinAttempts == 0) {
                sim = SimState.PUK_REQUIRED;
            }
            reply(List.of(), cme(16));
        }
    }

    private void activate(List<String> lines) {
        if (!registration.isRegistered()) {
            reply(List.of(), cme(30));
        } else if (refusedApns.contains(apn) || apn.isEmpty()) {
            reply(List.of(), dialect == ModuleDialect.QUECTEL ? "ERROR" : cme(555));
        } else {
            contextActive = true;
            reply(lines, "OK");
        }
    }

    private void dial(String number) {
        DialOutcome outcome = callUp ? DialOutcome.BUSY : dialOutcomes.getOrDefault(number, DialOutcome.NO_CARRIER);
        if (outcome == DialOutcome.CONNECT) {
            startCall();
        } else {
            reply(List.of(), switch (outcome) {
                case BUSY -> "BUSY";
                case NO_ANSWER -> "NO ANSWER";
                default -> "NO CARRIER";
            });
        }
    }

    private void answerCall() {
        if (!ringing) {
            reply(List.of(), "NO CARRIER");
            return;
        }
        stopRingTask();
        startCall();
    }

    private void startCall() {
        callUp = true;
        mode = Mode.DATA;
        lastDataNanos = scheduler.nanoTime();
        escapeChars = 0;
        reply(List.of(), "CONNECT 9600");
    }

    private void hangUp() {
        if (ringing) {
            stopRingTask();
        }
        callUp = false;
        reply(List.of(), "OK");
    }

    private void ringOnce() {
        synchronized (this) {
            if (!ringing || silent || mode != Mode.COMMAND) {
                return;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(crc ? "\r\n+CRING: REL ASYNC\r\n" : "\r\nRING\r\n");
            if (clip) {
                sb.append("\r\n+CLIP: \"").append(ringingCaller).append("\",145,,,,0\r\n");
            }
            raw(sb.toString());
        }
    }

    private void stopRingTask() {
        ringing = false;
        if (ringTask != null) {
            ringTask.cancel();
            ringTask = null;
        }
    }

    private synchronized void reboot() {
        mode = Mode.BOOTING;
        callUp = false;
        contextActive = false;
        stopRingTask();
        resetSettings();
        lineLength = 0;
        scheduler.schedule(bootTime, () -> {
            synchronized (this) {
                mode = Mode.COMMAND;
                if (dialect == ModuleDialect.QUECTEL && !silent) {
                    raw("\r\nRDY\r\n");
                }
            }
        });
    }

    private void resetSettings() {
        echo = true;
        cmee = 0;
        cregMode = 0;
        cgregMode = 0;
        ceregMode = 0;
        clip = false;
        crc = false;
        java.util.Arrays.fill(sRegisters, 0);
        sRegisters[2] = 43;
        sRegisters[3] = 13;
        sRegisters[4] = 10;
        sRegisters[5] = 8;
        sRegisters[7] = 60;
        sRegisters[12] = 50;
    }

    // ---------------------------------------------------------------- values

    private String regUrc(int n) {
        int stat = switch (registration) {
            case NOT_REGISTERED -> 0;
            case REGISTERED_HOME -> 1;
            case SEARCHING -> 2;
            case DENIED -> 3;
            case REGISTERED_ROAMING -> 5;
            default -> 4;
        };
        if (n >= 2 && registration.isRegistered()) {
            return stat + ",\"1A2B\",\"01C3D4E5\"," + act();
        }
        return Integer.toString(stat);
    }

    private int act() {
        return switch (technology) {
            case GSM -> 0;
            case UMTS -> 2;
            case LTE -> 7;
            case LTE_CAT_M1 -> 8;
            case NB_IOT -> 9;
            default -> 0;
        };
    }

    private int csq() {
        if (!registration.isRegistered()) {
            return 99;
        }
        return Math.max(0, Math.min(31, (signalDbm + 113) / 2));
    }

    private String nwinfo() {
        return switch (registration.isRegistered() ? technology : AccessTechnology.NONE) {
            case GSM -> "\"EDGE\",\"26201\",\"GSM 900\",62";
            case UMTS -> "\"HSPA+\",\"26201\",\"WCDMA 2100\",10700";
            case LTE -> "\"FDD LTE\",\"26201\",\"LTE BAND 3\",1300";
            case LTE_CAT_M1 -> "\"CAT-M\",\"26201\",\"LTE BAND 20\",6300";
            case NB_IOT -> "\"CAT-NB\",\"26201\",\"LTE BAND 8\",3740";
            default -> "\"No Service\"";
        };
    }

    private String qcsq() {
        return switch (registration.isRegistered() ? technology : AccessTechnology.NONE) {
            case GSM -> "\"GSM\"," + signalDbm;
            case UMTS -> "\"WCDMA\"," + signalDbm + "," + (signalDbm - 10) + ",-8";
            case LTE, LTE_CAT_M1, NB_IOT -> "\"LTE\"," + signalDbm + "," + (signalDbm - 25) + ",120,-10";
            default -> "\"NOSERVICE\"";
        };
    }

    private String rfsts() {
        return switch (registration.isRegistered() ? technology : AccessTechnology.NONE) {
            case GSM -> "\"262 01\",62," + signalDbm + ",1A2B,01,0,0,0,0,,\"262011234567890\",\"Sim\",3,2";
            case UMTS -> "\"262 01\",10700,123,-8," + (signalDbm - 10) + "," + signalDbm + ",1A2B,01,0,,,,,,";
            case LTE, LTE_CAT_M1, NB_IOT -> "\"262 01\",1300," + (signalDbm - 25) + "," + signalDbm
                    + ",-10,1A2B,FF,0,128,19,1,01C3D4E5,\"262011234567890\",\"Sim\",3,3";
            default -> "\"\",0,0,0,0";
        };
    }

    private String cme(int code) {
        return cmee == 2 ? "+CME ERROR: error " + code : cmee == 1 ? "+CME ERROR: " + code : "ERROR";
    }

    private String cms(int code) {
        return "+CMS ERROR: " + code;
    }

    // ---------------------------------------------------------------- output

    private void reply(List<String> lines, String result) {
        Duration delay = !nextDelays.isEmpty() ? nextDelays.remove(0) : replyDelay;
        delayed(delay, lines, result);
    }

    private void delayed(Duration delay, List<String> lines, String result) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append("\r\n").append(l).append("\r\n");
        }
        sb.append("\r\n").append(result).append("\r\n");
        String text = sb.toString();
        if (delay.isZero()) {
            raw(text);
        } else {
            scheduler.schedule(delay, () -> {
                synchronized (this) {
                    if (mode != Mode.BOOTING) {
                        raw(text);
                    }
                }
            });
        }
    }

    private void urc(String text) {
        if (!silent && mode == Mode.COMMAND) {
            raw("\r\n" + text + "\r\n");
        }
    }

    private void urcLater(String... lines) {
        synchronized (this) {
            for (String l : lines) {
                urc(l);
            }
        }
    }

    private void raw(String text) {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void write(byte[] bytes) {
        try {
            port.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int parseIntOr(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        for (String f : args.split(",", -1)) {
            out.add(f.replace("\"", "").trim());
        }
        return out;
    }

    @Override
    public String toString() {
        return "SimulatedCellularModule[" + dialect + " on " + port.name() + "]";
    }

    /** Builds a {@link SimulatedCellularModule}. */
    public static final class Builder {
        private final ModuleDialect dialect;
        private ModuleSmsCodec codec;
        private String imei = "866123456789012";
        private String imsi = "262011234567890";
        private String iccid = "89490200001234567890";
        private Duration bootTime = Duration.ofSeconds(5);

        private Builder(ModuleDialect dialect) {
            this.dialect = dialect;
        }

        /**
         * @param smsCodec the network side of SMS (required)
         * @return this builder
         */
        public Builder smsCodec(ModuleSmsCodec smsCodec) {
            this.codec = Objects.requireNonNull(smsCodec, "smsCodec");
            return this;
        }

        /**
         * @param value 15 digits
         * @return this builder
         */
        public Builder imei(String value) {
            if (value == null || !value.matches("\\d{15}")) {
                throw new IllegalArgumentException("IMEI must be 15 digits");
            }
            this.imei = value;
            return this;
        }

        /**
         * @param value the SIM's IMSI
         * @return this builder
         */
        public Builder imsi(String value) {
            this.imsi = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param value the SIM's ICCID
         * @return this builder
         */
        public Builder iccid(String value) {
            this.iccid = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param value how long the module is silent after a reset (5 s by default)
         * @return this builder
         */
        public Builder bootTime(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("boot time must be positive");
            }
            this.bootTime = value;
            return this;
        }

        /**
         * Puts the module on its end of the UART, opening it at {@link #LINE} if closed.
         *
         * @param port      the module's end of the wire
         * @param scheduler the wire's scheduler
         * @return the module
         * @throws IOException if the port cannot be opened
         */
        public SimulatedCellularModule build(SerialPort port, Scheduler scheduler) throws IOException {
            return new SimulatedCellularModule(this, port, scheduler);
        }
    }

    /** @return the operator name, for tests that assert it */
    public synchronized Optional<String> operatorName() {
        return registration.isRegistered() ? Optional.of(operator) : Optional.empty();
    }
}
