package io.metermodem.cellular.at;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The AT client as a pure state machine (HAL-7): bytes from the module and the time in, bytes to
 * write and {@link AtEvent}s out. No threads, no clock of its own, no I/O; {@link AtChannel} puts it
 * on a serial port and a scheduler. Not thread-safe: one caller at a time.
 *
 * <h2>Mechanics</h2>
 * <ul>
 *   <li>One command in flight ({@link #submit}); its information lines are collected until a final
 *       result code ({@code OK}, {@code ERROR}, {@code +CME ERROR}, {@code +CMS ERROR},
 *       {@code CONNECT [rate]}, {@code NO CARRIER}, {@code BUSY}, {@code NO ANSWER},
 *       {@code NO DIALTONE}); an echo of the command line is skipped.</li>
 *   <li>Lines are framed byte by byte on CR or LF, so input may be split or merged anywhere. A line
 *       longer than {@link AtClientSettings#maxLineLength()} is dropped up to its end and reported
 *       as {@link AtEvent.LineOverflow}: memory stays bounded whatever arrives.</li>
 *   <li>Unsolicited result codes ({@link UrcTable}) are delivered in arrival order, also while a
 *       command is pending, with their continuation lines (the PDU after {@code +CMT:}). A line
 *       starting with the pending command's {@link AtCommand#responsePrefix()} is the command's.</li>
 *   <li>A prompt {@code >} (with or without CR LF before it, with or without a space after it)
 *       releases the command's payload and Ctrl-Z.</li>
 *   <li>After {@code CONNECT} bytes are data ({@link AtEvent.Data}) until the module reports
 *       {@code CR LF NO CARRIER CR LF}, or the driver sends the {@code +++} escape. Bytes that may
 *       begin that code are held back until the next byte or {@link #DATA_HOLD_NANOS} of silence
 *       tells.</li>
 * </ul>
 *
 * <h2>Timeouts and resynchronisation</h2>
 * A command without a final result by its deadline completes with {@link AtResult.Timeout}. Its
 * reply may still come, and must never be taken for the next command's. So the client does not
 * accept a new command until it has resynchronised:
 * <ol>
 *   <li>it waits until the line has been quiet for {@link AtClientSettings#quietPeriod()},
 *       dropping every non-URC line ({@link AtEvent.Discarded});</li>
 *   <li>it sends a probe carrying a marker that no earlier command can have produced:
 *       {@code ATE0S7=<m>S7?}, where {@code m} cycles through 40..99 (S7, the wait for carrier in
 *       seconds, is a register every module has, and any of these values is a sensible wait);</li>
 *   <li>only a final result that follows the line echoing {@code m} ends the resynchronisation. A
 *       module executes commands one after another, so whatever the timed-out command still
 *       answers arrives before that marker and is discarded. {@code E0} also switches the echo
 *       off again after a module reset.</li>
 * </ol>
 * A prompt command that times out is followed by ESC (0x1B), which aborts a module still waiting
 * at its prompt, so the probe is not taken as payload. A probe that times out is repeated after another quiet period; after
 * {@link AtClientSettings#maxProbes()} failed probes, or after
 * {@link AtClientSettings#maxConsecutiveTimeouts()} command timeouts in a row, the client asks
 * for a module reset ({@link AtEvent.ResetRequested}), waits for the boot time (doubling with each
 * reset in a row, capped) and probes again. It never gives up.
 */
public final class AtClientCore {

    private static final byte[] NO_CARRIER = "\r\nNO CARRIER\r\n".getBytes(StandardCharsets.US_ASCII);
    /**
     * Longest time bytes that may begin {@code CR LF NO CARRIER CR LF} are held back in online
     * data mode: the module sends the whole code in one burst, so after this silence they are data.
     */
    public static final long DATA_HOLD_NANOS = 20_000_000L;
    /** Most information lines kept for one command; more are {@linkplain AtEvent.Discarded discarded}. */
    public static final int MAX_RESPONSE_LINES = 256;
    private static final byte ESC = 0x1B;
    private static final int FIRST_MARKER = 40;
    private static final int MARKERS = 60;

    private final AtClientSettings settings;
    private final UrcTable urcs;
    private final ArrayDeque<AtEvent> events = new ArrayDeque<>();

    private AtClientState state = AtClientState.IDLE;
    private final byte[] line;
    private int lineLength;
    private int droppedBytes;
    private boolean skipPromptSpace;

    private AtCommand pending;
    private boolean awaitingPrompt;
    private final List<String> collected = new ArrayList<>();
    private long deadline;

    private List<String> urcLines;
    private int urcRemaining;

    private long lastReceived;
    private int marker = FIRST_MARKER - 1;
    private boolean markerSeen;
    private int probeFailures;
    private int consecutiveTimeouts;
    private int resets;

    private int noCarrierMatched;
    private boolean skipLineFeed;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    /**
     * @param settings tuning
     * @param urcs     which lines are unsolicited
     */
    public AtClientCore(AtClientSettings settings, UrcTable urcs) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.urcs = Objects.requireNonNull(urcs, "urcs");
        this.line = new byte[settings.maxLineLength()];
    }

    /** @return the current state */
    public AtClientState state() {
        return state;
    }

    /** @return true when a command may be submitted now */
    public boolean isReady() {
        return state == AtClientState.IDLE;
    }

    /**
     * @return bytes held inside the core (partial line, collected lines, a partial multi-line URC,
     *         data not yet handed out); bounded by the settings whatever arrives
     */
    public int bufferedBytes() {
        int n = lineLength + data.size() + noCarrierMatched;
        for (String l : collected) {
            n += l.length();
        }
        if (urcLines != null) {
            for (String l : urcLines) {
                n += l.length();
            }
        }
        return n;
    }

    /** @return command timeouts in a row since the last command that got a final result */
    public int consecutiveTimeouts() {
        return consecutiveTimeouts;
    }

    /**
     * Sends a command.
     *
     * @param command the command; in online data mode only a {@linkplain AtCommand#raw() raw} one (the escape)
     * @param now     the current time in nanoseconds
     * @throws IllegalStateException when a command is in flight or the client is resynchronising
     */
    public void submit(AtCommand command, long now) {
        Objects.requireNonNull(command, "command");
        if (state == AtClientState.DATA && command.raw()) {
            flushHeldData();
            emitData();
        } else if (state != AtClientState.IDLE) {
            throw new IllegalStateException("cannot send '" + command.text() + "' while " + state);
        }
        pending = command;
        collected.clear();
        awaitingPrompt = command.payload().isPresent();
        deadline = now + command.timeout().toNanos();
        state = AtClientState.PENDING;
        String text = command.raw() ? command.text() : command.text() + "\r";
        events.add(new AtEvent.Transmit(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /**
     * Sends data in online data mode.
     *
     * @param bytes the data
     * @throws IllegalStateException when not in online data mode
     */
    public void transmitData(byte[] bytes) {
        if (state != AtClientState.DATA) {
            throw new IllegalStateException("not in online data mode but " + state);
        }
        events.add(new AtEvent.Transmit(bytes.clone()));
    }

    /**
     * Takes bytes from the module.
     *
     * @param bytes  buffer
     * @param offset first byte
     * @param length number of bytes
     * @param now    the current time in nanoseconds
     */
    public void receive(byte[] bytes, int offset, int length, long now) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length > 0) {
            lastReceived = now;
        }
        for (int i = 0; i < length; i++) {
            byte b = bytes[offset + i];
            if (state == AtClientState.DATA) {
                dataByte(b);
            } else {
                commandByte(b);
            }
        }
        emitData();
    }

    /**
     * Lets time pass: command and probe timeouts, quiet periods, boot waits.
     *
     * @param now the current time in nanoseconds
     */
    public void advanceTime(long now) {
        switch (state) {
            case PENDING -> {
                if (now - deadline >= 0) {
                    timedOut(now);
                }
            }
            case DRAINING -> {
                if (now - (lastReceived + settings.quietPeriod().toNanos()) >= 0) {
                    probe(now);
                }
            }
            case PROBING -> {
                if (now - deadline >= 0) {
                    probeFailures++;
                    if (probeFailures >= settings.maxProbes()) {
                        requestReset(now);
                    } else {
                        drain(now);
                    }
                }
            }
            case BOOTING -> {
                if (now - deadline >= 0) {
                    probeFailures = 0;
                    drain(now);
                }
            }
            case DATA -> {
                if (noCarrierMatched > 0 && now - (lastReceived + DATA_HOLD_NANOS) >= 0) {
                    flushHeldData();
                    emitData();
                }
            }
            default -> {
            }
        }
    }

    /** @return when {@link #advanceTime(long)} next has something to do, in nanoseconds */
    public OptionalLong nextDeadline() {
        return switch (state) {
            case PENDING, PROBING, BOOTING -> OptionalLong.of(deadline);
            case DRAINING -> OptionalLong.of(lastReceived + settings.quietPeriod().toNanos());
            case DATA -> noCarrierMatched > 0 ? OptionalLong.of(lastReceived + DATA_HOLD_NANOS) : OptionalLong.empty();
            default -> OptionalLong.empty();
        };
    }

    /** @return the next event, or null when there is none */
    public AtEvent poll() {
        return events.poll();
    }

    // ---- command mode ----

    private void commandByte(byte b) {
        if (b == '\r' || b == '\n') {
            skipPromptSpace = false;
            endLine();
            return;
        }
        if (skipPromptSpace) {
            skipPromptSpace = false;
            if (b == ' ') {
                return;
            }
        }
        if (droppedBytes > 0) {
            droppedBytes++;
            return;
        }
        if (b == '>' && lineLength == 0 && state == AtClientState.PENDING && awaitingPrompt && urcLines == null) {
            awaitingPrompt = false;
            skipPromptSpace = true;
            String payload = pending.payload().orElse("");
            byte[] out = new byte[payload.length() + 1];
            byte[] text = payload.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(text, 0, out, 0, text.length);
            out[text.length] = AtCommand.CTRL_Z;
            events.add(new AtEvent.Transmit(out));
            return;
        }
        if (lineLength == line.length) {
            droppedBytes = lineLength + 1;
            lineLength = 0;
            return;
        }
        line[lineLength++] = b;
    }

    private void endLine() {
        if (droppedBytes > 0) {
            events.add(new AtEvent.LineOverflow(droppedBytes));
            droppedBytes = 0;
            return;
        }
        if (lineLength == 0) {
            return;
        }
        String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
        lineLength = 0;
        onLine(text);
    }

    private void onLine(String text) {
        if (urcLines != null) {
            urcLines.add(text);
            if (--urcRemaining == 0) {
                emitUrc();
            }
            return;
        }
        switch (state) {
            case PENDING -> pendingLine(text);
            case PROBING -> probingLine(text);
            default -> {
                if (!unsolicited(text)) {
                    if (state == AtClientState.IDLE && text.equals("NO CARRIER")) {
                        events.add(new AtEvent.Unsolicited(new Urc(List.of(text))));
                    } else {
                        events.add(new AtEvent.Discarded(text));
                    }
                }
            }
        }
    }

    private void pendingLine(String text) {
        if (collected.isEmpty() && !pending.raw() && text.equalsIgnoreCase(pending.text())) {
            return; // echo
        }
        Optional<AtResult> result = AtResult.parseFinal(text);
        if (result.isPresent()) {
            complete(result.get());
            return;
        }
        if (pending.responsePrefix().isPresent() && text.startsWith(pending.responsePrefix().get())) {
            collect(text);
            return;
        }
        if (!unsolicited(text)) {
            collect(text);
        }
    }

    private void collect(String text) {
        if (collected.size() < MAX_RESPONSE_LINES) {
            collected.add(text);
        } else {
            events.add(new AtEvent.Discarded(text));
        }
    }

    private void probingLine(String text) {
        if (text.equals(markerText()) || text.equals(Integer.toString(marker))) {
            markerSeen = true;
            return;
        }
        if (markerSeen && AtResult.parseFinal(text).isPresent()) {
            state = AtClientState.IDLE;
            probeFailures = 0;
            if (resets > 0) {
                resets = 0;
                consecutiveTimeouts = 0;
            }
            events.add(new AtEvent.ResyncDone());
            return;
        }
        if (!unsolicited(text)) {
            events.add(new AtEvent.Discarded(text));
        }
    }

    /** @return true when the line was an unsolicited code (delivered or started) */
    private boolean unsolicited(String text) {
        int following = urcs.match(text);
        if (following < 0) {
            return false;
        }
        urcLines = new ArrayList<>(following + 1);
        urcLines.add(text);
        urcRemaining = following;
        if (following == 0) {
            emitUrc();
        }
        return true;
    }

    private void emitUrc() {
        events.add(new AtEvent.Unsolicited(new Urc(urcLines)));
        urcLines = null;
    }

    private void complete(AtResult result) {
        AtCommand command = pending;
        pending = null;
        consecutiveTimeouts = 0;
        state = result instanceof AtResult.Connect ? AtClientState.DATA : AtClientState.IDLE;
        noCarrierMatched = 0;
        skipLineFeed = state == AtClientState.DATA; // the LF of CONNECT's CR LF is not data
        events.add(new AtEvent.Completed(new AtResponse(command, collected, result)));
        collected.clear();
    }

    private void timedOut(long now) {
        AtCommand command = pending;
        pending = null;
        awaitingPrompt = false;
        events.add(new AtEvent.Completed(new AtResponse(command, collected, new AtResult.Timeout())));
        if (command.payload().isPresent()) {
            // the module may still sit at its prompt, taking everything as payload: ESC aborts it
            events.add(new AtEvent.Transmit(new byte[] {ESC}));
        }
        collected.clear();
        consecutiveTimeouts++;
        probeFailures = 0;
        if (consecutiveTimeouts >= settings.maxConsecutiveTimeouts()) {
            requestReset(now);
        } else {
            drain(now);
        }
    }

    private void drain(long now) {
        state = AtClientState.DRAINING;
        lastReceived = now;
        events.add(new AtEvent.ResyncStarted(probeFailures + 1));
    }

    private void probe(long now) {
        marker = FIRST_MARKER + (marker - FIRST_MARKER + 1) % MARKERS;
        markerSeen = false;
        state = AtClientState.PROBING;
        deadline = now + settings.probeTimeout().toNanos();
        String text = "ATE0S7=" + marker + "S7?\r";
        events.add(new AtEvent.Transmit(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private String markerText() {
        return String.format("%03d", marker);
    }

    private void requestReset(long now) {
        resets++;
        state = AtClientState.BOOTING;
        long boot = settings.bootTime().toNanos();
        for (int i = 1; i < resets && boot < settings.maxBootTime().toNanos(); i++) {
            boot *= 2;
        }
        deadline = now + Math.min(boot, settings.maxBootTime().toNanos());
        events.add(new AtEvent.ResetRequested(resets));
    }

    // ---- online data mode ----

    private void dataByte(byte b) {
        if (skipLineFeed) {
            skipLineFeed = false;
            if (b == '\n') {
                return;
            }
        }
        if (b == NO_CARRIER[noCarrierMatched]) {
            noCarrierMatched++;
            if (noCarrierMatched == NO_CARRIER.length) {
                noCarrierMatched = 0;
                emitData();
                state = AtClientState.IDLE;
                lineLength = 0;
                events.add(new AtEvent.DataModeEnded());
            }
            return;
        }
        if (noCarrierMatched == 0) {
            data.write(b);
            return;
        }
        // mismatch: the first held byte is data; the rest and b may start a new match
        int held = noCarrierMatched;
        noCarrierMatched = 0;
        data.write(NO_CARRIER[0]);
        for (int i = 1; i < held; i++) {
            dataByte(NO_CARRIER[i]);
        }
        dataByte(b);
    }

    private void flushHeldData() {
        data.write(NO_CARRIER, 0, noCarrierMatched);
        noCarrierMatched = 0;
    }

    private void emitData() {
        if (data.size() > 0) {
            events.add(new AtEvent.Data(data.toByteArray()));
            data.reset();
        }
    }
}
