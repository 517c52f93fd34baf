package io.metermodem.testkit.meter;

import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.serial.SerialPort;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import io.metermodem.transparent.iec.Ack;
import io.metermodem.transparent.iec.AckOptionSelect;
import io.metermodem.transparent.iec.Break;
import io.metermodem.transparent.iec.CommandMessage;
import io.metermodem.transparent.iec.DataMessage;
import io.metermodem.transparent.iec.DataSet;
import io.metermodem.transparent.iec.DecodedMessage;
import io.metermodem.transparent.iec.IecBaudRate;
import io.metermodem.transparent.iec.IecDecodeResult;
import io.metermodem.transparent.iec.IecDecoder;
import io.metermodem.transparent.iec.IecDecoderConfig;
import io.metermodem.transparent.iec.IecEncoder;
import io.metermodem.transparent.iec.IecMessage;
import io.metermodem.transparent.iec.IecTimings;
import io.metermodem.transparent.iec.Identification;
import io.metermodem.transparent.iec.MalformedInput;
import io.metermodem.transparent.iec.Nak;
import io.metermodem.transparent.iec.SignOn;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An IEC 62056-21 meter in protocol mode C, on a serial port in virtual time (TR-4, TR-9, TR-11).
 * Plug it on the meter end of a {@link MockBoard} and the firmware under test meets a meter that
 * keeps the standard's rules, including the ones a lax fake would forget:
 *
 * <ul>
 *   <li>It waits at <b>300 baud 7E1</b> and decodes what arrives with those settings on the
 *       bit-level wire. A modem that sends the sign-on at 8N1 (or at the wrong baud) produces
 *       characters with parity or framing errors; the meter treats them as garbage and stays
 *       silent, as a real meter does (TR-4).</li>
 *   <li>Sign-on request {@code /?!CRLF} or {@code /?address!CRLF} ("Sign on" clause): answered
 *       only for no address or this meter's address (leading zeros not significant).</li>
 *   <li>Identification {@code /XXXZ[\2]ident CRLF} after the reaction time t<sub>r</sub> (200 ms by
 *       default). A lower-case third manufacturer letter announces the short reaction time: the meter
 *       then answers the option select after 20 ms.</li>
 *   <li>Acknowledgement/option select {@code ACK 0 Z Y CRLF}: the meter switches its line to baud Z
 *       as soon as the message has arrived (both sides change after the ACK, TR-11); Y = 0 sends
 *       the data message {@code STX data-block ! CRLF ETX BCC}, Y = 1 enters programming mode with
 *       the password prompt {@code SOH P0 STX (seed) ETX BCC}. After the data message has left the
 *       wire the meter returns to 300 baud 7E1 and {@link IecMeterState#IDLE}.</li>
 *   <li>Time-outs: without an option select within tt (2 s, the standard allows 1.5..2.2 s) it
 *       returns to idle; a gap of more than t<sub>a</sub> = 1500 ms between two characters discards a
 *       partial message; programming mode ends after 120 s of inactivity or on a break {@code B0}.</li>
 * </ul>
 *
 * <pre>{@code
 * MockBoard board = MockBoard.builder().build();
 * SimulatedIecMeter meter = SimulatedIecMeter.builder().serialNumber("87654321").build(board);
 * SerialPort modem = board.meterPort();
 * modem.open(LineSettings.IEC_SIGN_ON);
 * modem.write(IecEncoder.encode(SignOn.ANY));
 * board.advance(Duration.ofMillis(600));                 // sign-on, 200 ms, identification
 * modem.write(IecEncoder.encode(AckOptionSelect.readout(IecBaudRate.B9600)));
 * board.advance(Duration.ofMillis(200));                 // the ACK leaves the wire at 300 baud
 * modem.reconfigure(new LineSettings(9600, FrameFormat.F7E1));
 * board.advance(Duration.ofMillis(500));                 // the data message arrives at 9600
 * }</pre>
 *
 * <p>Fault injection for tests of the client: {@link #silent(boolean)}, {@link #slowAnswer(Duration)},
 * {@link #corruptBcc(boolean)}, {@link #dropAfter(int)}. Observation: {@link #state()},
 * {@link #readoutsServed()}, {@link #events()}.
 *
 * <p>Not supported: protocol modes A, B, D and the HDLC switch of mode E (an option select with
 * V = 2 or Y = 2 is ignored; the identification may still announce mode E with {@code \2}), the
 * secondary protocol V = 1, multi-block data messages, write and execute commands (answered with
 * NAK). An option select for a baud above the meter's maximum is ignored (the meter returns to idle).
 *
 * <p>All work runs in scheduler tasks; the methods are thread-safe.
 */
public final class SimulatedIecMeter {

    /** Most entries kept by {@link #events()}; older ones are dropped. */
    public static final int EVENT_LOG_SIZE = 512;
    /** The standard's inactivity time-out of programming mode (60..120 s). */
    public static final Duration PROGRAMMING_INACTIVITY = Duration.ofSeconds(120);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yy-MM-dd");

    private final SerialPort port;
    private final Scheduler scheduler;
    private final Identification identification;
    private final String address;
    private final ZoneId zone;
    private final Duration reactionTime;
    private final Duration secondReactionTime;
    private final Duration optionSelectTimeout;
    private final Duration interCharacterTimeout;
    private final String programmingPassword;
    private final String passwordSeed;
    private final LinkedHashMap<String, DataSet> registers;
    private final Set<String> clockAddresses;
    private final IecDecoder decoder = new IecDecoder(IecDecoderConfig.DEFAULT.withMaxFrameLength(1024));
    private final ArrayDeque<IecMeterEvent> events = new ArrayDeque<>();

    private IecMeterState state = IecMeterState.IDLE;
    private long generation;
    private long lastCharacterNanos = Long.MIN_VALUE;
    private ScheduledTask watchdog;
    private long readoutsServed;
    private long damagedCharacters;
    private boolean loggedIn;
    private boolean attached = true;

    private boolean silent;
    private Duration slowAnswer;
    private boolean corruptBcc;
    private int dropAfter = -1;

    private SimulatedIecMeter(Builder b, SerialPort port, Scheduler scheduler) throws IOException {
        this.port = Objects.requireNonNull(port, "port");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.identification = new Identification(b.manufacturer, b.maxBaudRate.modeCCode(), b.modeE ? "2" : "", b.ident);
        this.address = b.address != null ? b.address : b.serialNumber;
        this.zone = b.zone;
        this.reactionTime = b.reactionTime;
        this.secondReactionTime = b.shortReactionTime != null ? b.shortReactionTime
                : identification.shortReactionTime() ? IecTimings.STANDARD.shortMinReactionTime() : b.reactionTime;
        this.optionSelectTimeout = b.optionSelectTimeout;
        this.interCharacterTimeout = b.interCharacterTimeout;
        this.programmingPassword = b.programmingPassword;
        this.passwordSeed = b.serialNumber;
        this.registers = new LinkedHashMap<>(b.registers);
        this.clockAddresses = new LinkedHashSet<>(b.clockAddresses);
        this.clockAddresses.retainAll(registers.keySet());
        if (port.isOpen()) {
            port.reconfigure(LineSettings.IEC_SIGN_ON);
        } else {
            port.open(LineSettings.IEC_SIGN_ON);
        }
        port.setListener(new LineInbox(scheduler, this::onEntries));
    }

    /** @return a builder with the defaults described on {@link Builder} */
    public static Builder builder() {
        return new Builder();
    }

    // ---- observation ----

    /** @return the meter's state in the mode C exchange */
    public synchronized IecMeterState state() {
        return state;
    }

    /** @return how many data messages (readouts) the meter has sent, including ones a fault damaged */
    public synchronized long readoutsServed() {
        return readoutsServed;
    }

    /** @return characters that arrived with a parity or framing error (or were lost to an overrun) */
    public synchronized long damagedCharacters() {
        return damagedCharacters;
    }

    /** @return the log, oldest first, at most {@link #EVENT_LOG_SIZE} entries */
    public synchronized List<IecMeterEvent> events() {
        return List.copyOf(events);
    }

    /** @return the well-formed messages received, oldest first (from the bounded log) */
    public synchronized List<IecMessage> receivedMessages() {
        return events.stream().filter(ReceivedRequest.class::isInstance)
                .map(e -> ((ReceivedRequest) e).message()).toList();
    }

    /** @return the answers sent, oldest first (from the bounded log) */
    public synchronized List<SentAnswer> sentAnswers() {
        return events.stream().filter(SentAnswer.class::isInstance).map(SentAnswer.class::cast).toList();
    }

    /** @return the line settings of the meter's port right now */
    public LineSettings lineSettings() {
        return port.settings();
    }

    /** @return the identification the meter sends */
    public Identification identification() {
        return identification;
    }

    /** @return the device address a sign-on may name */
    public String address() {
        return address;
    }

    /**
     * The data sets a readout would carry now, the time and date read from the scheduler's wall clock.
     *
     * @return the data sets in readout order
     */
    public synchronized List<DataSet> readout() {
        ZonedDateTime now = ZonedDateTime.ofInstant(scheduler.instant(), zone);
        List<DataSet> sets = new ArrayList<>(registers.size());
        for (DataSet set : registers.values()) {
            if (clockAddresses.contains(set.address())) {
                String value = set.address().equals("0.9.2") ? DATE.format(now) : TIME.format(now);
                sets.add(new DataSet(set.address(), value, ""));
            } else {
                sets.add(set);
            }
        }
        return sets;
    }

    // ---- changing the meter while it runs ----

    /**
     * Sets or adds a register; a new address goes at the end of the readout. Setting {@code 0.9.1}
     * or {@code 0.9.2} replaces the value read from the clock with a fixed one.
     *
     * @param dataSet the register and its value
     */
    public synchronized void setRegister(DataSet dataSet) {
        Objects.requireNonNull(dataSet, "dataSet");
        registers.put(dataSet.address(), dataSet);
        clockAddresses.remove(dataSet.address());
    }

    /**
     * @param registerAddress the register to drop from the readout
     * @return whether it existed
     */
    public synchronized boolean removeRegister(String registerAddress) {
        clockAddresses.remove(registerAddress);
        return registers.remove(registerAddress) != null;
    }

    // ---- fault injection ----

    /**
     * Makes the meter deaf-mute, e.g. switched off or a broken optical head: it still receives and
     * logs, but never answers.
     *
     * @param on whether the fault is active
     */
    public synchronized void silent(boolean on) {
        this.silent = on;
    }

    /**
     * Replaces the reaction time of every answer, e.g. 2 s to exceed a client's 1500 ms limit.
     *
     * @param reaction the delay before each answer, or {@code null} for the configured reaction times
     */
    public synchronized void slowAnswer(Duration reaction) {
        if (reaction != null && reaction.isNegative()) {
            throw new IllegalArgumentException("reaction time must not be negative: " + reaction);
        }
        this.slowAnswer = reaction;
    }

    /**
     * Sends data and command messages with a wrong block check character (its lowest bit flipped).
     *
     * @param on whether the fault is active
     */
    public synchronized void corruptBcc(boolean on) {
        this.corruptBcc = on;
    }

    /**
     * Cuts every data message after {@code bytes} bytes, as a meter that resets mid-frame; the meter
     * returns to idle once the cut message has left the wire.
     *
     * @param bytes how many bytes of each data message go out; negative to send them whole
     */
    public synchronized void dropAfter(int bytes) {
        this.dropAfter = bytes;
    }

    /** Removes every injected fault. */
    public synchronized void clearFaults() {
        silent = false;
        slowAnswer = null;
        corruptBcc = false;
        dropAfter = -1;
    }

    /**
     * Unplugs the meter: it stops listening and cancels pending answers. The port stays open for the
     * test to use or close.
     */
    public synchronized void detach() {
        attached = false;
        generation++;
        cancelWatchdog();
        port.setListener(null);
    }

    // ---- the protocol ----

    private synchronized void onEntries(int[] entries) {
        if (!attached) {
            return;
        }
        for (int entry : entries) {
            long now = scheduler.nanoTime();
            if (!decoder.isBetweenFrames() && lastCharacterNanos != Long.MIN_VALUE
                    && now - lastCharacterNanos > interCharacterTimeout.toNanos()) {
                decoder.reset();
                log(new IgnoredInput(now, "partial message discarded: more than "
                        + interCharacterTimeout.toMillis() + " ms between two characters"));
            }
            lastCharacterNanos = now;
            if (state == IecMeterState.IDENTIFYING || state == IecMeterState.SENDING_DATA) {
                // the meter is answering (half duplex, as an optical head): what comes now is lost
                log(new IgnoredInput(now, String.format("character 0x%02X arrived while the meter was answering",
                        entry & 0xFF)));
                continue;
            }
            if (state == IecMeterState.AWAITING_OPTION_SELECT) {
                armWatchdog(interCharacterTimeout, "no complete option select: character time-out");
            } else if (state == IecMeterState.PROGRAMMING) {
                armWatchdog(PROGRAMMING_INACTIVITY, "programming mode inactivity time-out");
            }
            if ((entry & LineInbox.DAMAGED) != 0) {
                damagedCharacters++;
                decoder.reset();
                log(new IgnoredInput(now, String.format(
                        "character 0x%02X arrived with a line error (parity/framing/overrun): message discarded",
                        entry & 0xFF)));
                continue;
            }
            for (IecDecodeResult result : decoder.feed(new byte[] {(byte) entry})) {
                switch (result) {
                    case MalformedInput bad -> log(new IgnoredInput(now, bad.kind() + ": " + bad.reason()));
                    case DecodedMessage ok -> onMessage(ok.message(), now);
                }
            }
        }
    }

    private void onMessage(IecMessage message, long now) {
        log(new ReceivedRequest(now, message));
        switch (state) {
            case IDLE, AWAITING_OPTION_SELECT -> {
                if (message instanceof SignOn signOn) {
                    onSignOn(signOn, now);
                } else if (state == IecMeterState.AWAITING_OPTION_SELECT && message instanceof AckOptionSelect select) {
                    onOptionSelect(select, now);
                } else {
                    log(new IgnoredInput(now, message + " not expected in state " + state));
                }
            }
            case PROGRAMMING -> onProgrammingCommand(message, now);
            default -> log(new IgnoredInput(now, message + " not expected in state " + state));
        }
    }

    private void onSignOn(SignOn signOn, long now) {
        if (signOn.hasAddress() && !stripZeros(signOn.address()).equals(stripZeros(address))) {
            log(new IgnoredInput(now, "sign-on for address '" + signOn.address() + "', this meter is '" + address + "'"));
            if (state != IecMeterState.IDLE) {
                toIdle("sign-on for another meter");
            }
            return;
        }
        if (silent) {
            log(new IgnoredInput(now, "fault 'silent': sign-on not answered"));
            return;
        }
        changeState(IecMeterState.IDENTIFYING, "sign-on received");
        cancelWatchdog();
        answerAfter(reaction(reactionTime), () -> {
            long end = send(identification);
            changeState(IecMeterState.AWAITING_OPTION_SELECT, "identification sent");
            armWatchdogAt(end + optionSelectTimeout.toNanos(), "no option select within "
                    + optionSelectTimeout.toMillis() + " ms");
        });
    }

    private void onOptionSelect(AckOptionSelect select, long now) {
        Optional<IecBaudRate> rate = select.baudRate();
        String problem = null;
        if (select.protocolControl() != '0') {
            problem = "protocol control V=" + select.protocolControl() + " not supported";
        } else if (rate.isEmpty() || rate.get().baud() > identification.maxBaudRate().baud()) {
            problem = "baud rate character Z=" + select.baudCode() + " above the meter's maximum "
                    + identification.maxBaudRate().baud();
        } else if (select.modeControl() == '1' && programmingPassword == null) {
            problem = "programming mode is disabled";
        } else if (select.modeControl() != '0' && select.modeControl() != '1') {
            problem = "mode control Y=" + select.modeControl() + " not supported";
        }
        if (problem != null) {
            log(new IgnoredInput(now, "option select ignored: " + problem));
            toIdle("unsupported option select");
            return;
        }
        if (silent) {
            log(new IgnoredInput(now, "fault 'silent': option select not answered"));
            toIdle("fault 'silent'");
            return;
        }
        cancelWatchdog();
        // both sides change speed once the option select has been transmitted (TR-11)
        if (!switchLine(new LineSettings(rate.get().baud(), FrameFormat.F7E1))) {
            return;
        }
        if (select.modeControl() == '0') {
            changeState(IecMeterState.SENDING_DATA, "option select: data readout at " + rate.get().baud());
            answerAfter(reaction(secondReactionTime), () -> {
                DataMessage data = DataMessage.readout(readout());
                readoutsServed++;
                long end = send(data);
                long gen = generation;
                scheduler.scheduleAt(end, () -> {
                    synchronized (this) {
                        if (gen == generation && attached) {
                            toIdle("data message sent");
                        }
                    }
                });
            });
        } else {
            loggedIn = false;
            changeState(IecMeterState.PROGRAMMING, "option select: programming mode at " + rate.get().baud());
            armWatchdog(PROGRAMMING_INACTIVITY, "programming mode inactivity time-out");
            answerAfter(reaction(secondReactionTime),
                    () -> send(new CommandMessage('P', '0', "(" + passwordSeed + ")")));
        }
    }

    private void onProgrammingCommand(IecMessage message, long now) {
        switch (message) {
            case Break b -> toIdle("break command B0");
            case CommandMessage c when c.command() == 'P' && c.type() == '1' -> {
                loggedIn = c.data().equals("(" + programmingPassword + ")");
                IecMessage answer = loggedIn ? new Ack() : new Nak();
                answerAfter(reaction(secondReactionTime), () -> send(answer));
            }
            case CommandMessage c when c.command() == 'R' && (c.type() == '1' || c.type() == '2') -> {
                IecMessage answer = loggedIn ? readRegister(c.data()) : new DataMessage("(ERROR)");
                answerAfter(reaction(secondReactionTime), () -> send(answer));
            }
            default -> {
                log(new IgnoredInput(now, message + " not supported in programming mode: NAK"));
                answerAfter(reaction(secondReactionTime), () -> send(new Nak()));
            }
        }
    }

    private DataMessage readRegister(String data) {
        int open = data.indexOf('(');
        String wanted = open < 0 ? data : data.substring(0, open);
        for (DataSet set : readout()) {
            if (set.address().equals(wanted)) {
                return new DataMessage("(" + set.value() + (set.hasUnit() ? "*" + set.unit() : "") + ")");
            }
        }
        return new DataMessage("(ERROR)");
    }

    // ---- sending and timing ----

    private Duration reaction(Duration normal) {
        return slowAnswer != null ? slowAnswer : normal;
    }

    /** Runs {@code action} after {@code delay} unless the exchange has moved on in between. */
    private void answerAfter(Duration delay, Runnable action) {
        long gen = generation;
        scheduler.schedule(delay, () -> {
            synchronized (this) {
                if (gen == generation && attached) {
                    action.run();
                }
            }
        });
    }

    /**
     * Puts a message on the line, applying the injected faults.
     *
     * @return when its last character will have left the wire
     */
    private long send(IecMessage message) {
        long now = scheduler.nanoTime();
        byte[] bytes = IecEncoder.encode(message);
        String fault = "";
        boolean hasBcc = message instanceof DataMessage || message instanceof CommandMessage || message instanceof Break;
        if (corruptBcc && hasBcc) {
            bytes[bytes.length - 1] ^= 0x01;
            fault = "corruptBcc";
        }
        if (dropAfter >= 0 && message instanceof DataMessage && bytes.length > dropAfter) {
            bytes = Arrays.copyOf(bytes, dropAfter);
            fault = fault.isEmpty() ? "dropAfter(" + dropAfter + ")" : fault + ", dropAfter(" + dropAfter + ")";
        }
        LineSettings line = port.settings();
        try {
            port.write(bytes);
        } catch (IOException e) {
            log(new IgnoredInput(now, "answer not sent, the port failed: " + e.getMessage()));
            return now;
        }
        log(new SentAnswer(now, message, line, bytes.length, fault));
        // the line is idle when the meter answers, so the characters follow back to back from now
        return now + (long) Math.ceil(bytes.length * line.frameBits() * 1e9 / line.baud());
    }

    private boolean switchLine(LineSettings settings) {
        try {
            if (!port.settings().equals(settings)) {
                port.reconfigure(settings);
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            log(new IgnoredInput(scheduler.nanoTime(), "line could not be switched to " + settings + ": " + e.getMessage()));
            return false;
        }
    }

    private void toIdle(String reason) {
        generation++;
        cancelWatchdog();
        decoder.reset();
        loggedIn = false;
        switchLine(LineSettings.IEC_SIGN_ON);
        changeState(IecMeterState.IDLE, reason);
    }

    private void armWatchdog(Duration timeout, String reason) {
        armWatchdogAt(scheduler.nanoTime() + timeout.toNanos(), reason);
    }

    private void armWatchdogAt(long dueNanos, String reason) {
        cancelWatchdog();
        long gen = generation;
        watchdog = scheduler.scheduleAt(dueNanos, () -> {
            synchronized (this) {
                if (gen == generation && attached) {
                    toIdle(reason);
                }
            }
        });
    }

    private void cancelWatchdog() {
        if (watchdog != null) {
            watchdog.cancel();
            watchdog = null;
        }
    }

    private void changeState(IecMeterState to, String reason) {
        if (state != to) {
            log(new StateChanged(scheduler.nanoTime(), state, to, reason));
            state = to;
        }
    }

    private void log(IecMeterEvent event) {
        if (events.size() == EVENT_LOG_SIZE) {
            events.pollFirst();
        }
        events.addLast(event);
    }

    private static String stripZeros(String text) {
        int i = 0;
        while (i < text.length() - 1 && text.charAt(i) == '0') {
            i++;
        }
        return text.substring(i);
    }

    @Override
    public String toString() {
        return "SimulatedIecMeter[/" + identification.manufacturer() + identification.baudCode()
                + identification.ident() + ", address " + address + ", " + state() + "]";
    }

    /**
     * Configures a {@link SimulatedIecMeter}. Defaults: manufacturer {@code ISk} (short reaction
     * time announced), up to 9600 baud ({@code '5'}), identification {@code MT174-0001}, mode C,
     * serial number and device address {@code 12345678}, registers {@code C.1.0(12345678)},
     * {@code 0.9.1(hh:mm:ss)}, {@code 0.9.2(yy-mm-dd)} (from the scheduler's wall clock, UTC),
     * {@code 1.8.0(001234.5*kWh)}, {@code 2.8.0(000012.3*kWh)}; reaction time 200 ms; option select
     * time-out 2 s; inter-character time-out 1500 ms; programming password {@code 00000000}.
     */
    public static final class Builder {
        private String manufacturer = "ISk";
        private IecBaudRate maxBaudRate = IecBaudRate.B9600;
        private String ident = "MT174-0001";
        private boolean modeE;
        private String address;
        private String serialNumber = "12345678";
        private ZoneId zone = ZoneOffset.UTC;
        private Duration reactionTime = IecTimings.STANDARD.minReactionTime();
        private Duration shortReactionTime;
        private Duration optionSelectTimeout = Duration.ofMillis(2000);
        private Duration interCharacterTimeout = IecTimings.STANDARD.interCharacterTimeout();
        private String programmingPassword = "00000000";
        private final LinkedHashMap<String, DataSet> registers = new LinkedHashMap<>();
        private final Set<String> clockAddresses = new LinkedHashSet<>(List.of("0.9.1", "0.9.2"));

        private Builder() {
            registers.put("C.1.0", DataSet.of("C.1.0", serialNumber));
            registers.put("0.9.1", DataSet.of("0.9.1", ""));
            registers.put("0.9.2", DataSet.of("0.9.2", ""));
            registers.put("1.8.0", new DataSet("1.8.0", "001234.5", "kWh"));
            registers.put("2.8.0", new DataSet("2.8.0", "000012.3", "kWh"));
        }

        /**
         * @param code three letters; a lower-case third letter announces the 20 ms reaction time
         * @return this builder
         */
        public Builder manufacturer(String code) {
            this.manufacturer = code;
            return this;
        }

        /** @param rate the fastest rate offered in the identification (Z) @return this builder */
        public Builder maxBaudRate(IecBaudRate rate) {
            this.maxBaudRate = Objects.requireNonNull(rate, "rate");
            return this;
        }

        /** @param identification the type identification after XXXZ, at most 16 characters @return this builder */
        public Builder ident(String identification) {
            this.ident = identification;
            return this;
        }

        /** @param on announce mode E with the enhanced identification {@code \2} @return this builder */
        public Builder modeE(boolean on) {
            this.modeE = on;
            return this;
        }

        /** @param deviceAddress the address a sign-on may name; defaults to the serial number @return this builder */
        public Builder address(String deviceAddress) {
            this.address = new SignOn(deviceAddress).address();
            return this;
        }

        /** @param serial the value of register C.1.0 (and the default device address) @return this builder */
        public Builder serialNumber(String serial) {
            DataSet set = DataSet.of("C.1.0", serial);
            this.serialNumber = set.value();
            registers.put("C.1.0", set);
            return this;
        }

        /**
         * Adds a register, or replaces the value of one with the same address (keeping its place).
         * Setting {@code 0.9.1} or {@code 0.9.2} replaces the clock-derived value with a fixed one.
         *
         * @param dataSet the register
         * @return this builder
         */
        public Builder register(DataSet dataSet) {
            Objects.requireNonNull(dataSet, "dataSet");
            registers.put(dataSet.address(), dataSet);
            clockAddresses.remove(dataSet.address());
            return this;
        }

        /** @param registerAddress a register to leave out of the readout @return this builder */
        public Builder removeRegister(String registerAddress) {
            registers.remove(registerAddress);
            clockAddresses.remove(registerAddress);
            return this;
        }

        /** @param timeZone the zone of registers 0.9.1 and 0.9.2 @return this builder */
        public Builder zone(ZoneId timeZone) {
            this.zone = Objects.requireNonNull(timeZone, "zone");
            return this;
        }

        /** @param reaction t<sub>r</sub> before the identification (and later answers, unless short) @return this builder */
        public Builder reactionTime(Duration reaction) {
            this.reactionTime = Durations.nonNegative(reaction);
            return this;
        }

        /**
         * @param reaction t<sub>r</sub> after the identification; defaults to 20 ms when the
         *                 manufacturer announces the short reaction time, else the reaction time
         * @return this builder
         */
        public Builder shortReactionTime(Duration reaction) {
            this.shortReactionTime = Durations.nonNegative(reaction);
            return this;
        }

        /** @param timeout tt: how long after the identification an option select may take to start @return this builder */
        public Builder optionSelectTimeout(Duration timeout) {
            this.optionSelectTimeout = Durations.nonNegative(timeout);
            return this;
        }

        /** @param timeout t<sub>a</sub>: the longest gap between two characters of one message @return this builder */
        public Builder interCharacterTimeout(Duration timeout) {
            this.interCharacterTimeout = Durations.nonNegative(timeout);
            return this;
        }

        /** @param password the P1 password of programming mode, or {@code null} to refuse programming mode @return this builder */
        public Builder programmingPassword(String password) {
            this.programmingPassword = password;
            return this;
        }

        /**
         * Plugs the meter on the meter end of a mock board's RS232 line.
         *
         * @param board the board; its {@code meterEnd()} is opened at 300 7E1
         * @return the running meter
         * @throws IOException if the port cannot be opened
         */
        public SimulatedIecMeter build(MockBoard board) throws IOException {
            return build(board.meterEnd(), board.scheduler());
        }

        /**
         * Plugs the meter on any serial port (a mock port, an RS485 drop, a real UART).
         *
         * @param port      the meter's port; opened (or reconfigured) at 300 7E1, listener replaced
         * @param scheduler the clock and task runner of that port
         * @return the running meter
         * @throws IOException              if the port cannot be opened
         * @throws IllegalArgumentException if a setting is not valid for an identification message
         */
        public SimulatedIecMeter build(SerialPort port, Scheduler scheduler) throws IOException {
            return new SimulatedIecMeter(this, port, scheduler);
        }
    }
}
