package io.metermodem.at.script;

import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Plays an {@link AtScript} against an AT interface in the scheduler's time (AT-25), without I/O:
 * commands go out through a consumer, the interface's bytes come in through {@link #receive}. Each
 * step sends its command and a CR, then waits for a line beginning with the expected answer
 * (case-insensitive); {@code ERROR} or another final result code instead, or the timeout, fails
 * the run. Received lines are bounded to {@value #MAX_LINE} characters.
 */
public final class AtScriptRunner {

    /** Longest received line kept; the rest of a longer line is dropped. */
    public static final int MAX_LINE = 512;
    /** Received lines kept for a failure report. */
    public static final int KEPT_LINES = 8;

    private static final String[] FINAL_CODES = {"OK", "ERROR", "NO CARRIER", "BUSY", "NO ANSWER", "NO DIALTONE",
        "+CME ERROR", "+CMS ERROR"};

    private final Scheduler scheduler;
    private final Consumer<byte[]> output;
    private final StringBuilder line = new StringBuilder();
    private final Deque<String> lastLines = new ArrayDeque<>();
    private AtScript script;
    private Consumer<ScriptResult> done;
    private int index;
    private ScheduledTask timer;
    private boolean waiting;
    /** Inside {@code output.accept}: a synchronous peer may answer (and finish a step) from there. */
    private boolean sending;
    /** A step finished while sending: the loop in {@link #next()} goes on, instead of a nested call. */
    private boolean nextPending;

    /**
     * @param scheduler the time source for the timeouts
     * @param output    receives the bytes for the AT interface
     */
    public AtScriptRunner(Scheduler scheduler, Consumer<byte[]> output) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.output = Objects.requireNonNull(output, "output");
    }

    /**
     * Starts a run; {@code done} hears its result once.
     *
     * @param script the script
     * @param whenDone receives the result
     * @throws IllegalStateException when a run is in progress
     */
    public synchronized void start(AtScript script, Consumer<ScriptResult> whenDone) {
        if (this.script != null) {
            throw new IllegalStateException("a script is running");
        }
        this.script = Objects.requireNonNull(script, "script");
        this.done = Objects.requireNonNull(whenDone, "whenDone");
        this.index = 0;
        next();
    }

    /** @return whether a run is in progress */
    public synchronized boolean running() {
        return script != null;
    }

    /**
     * Takes bytes from the AT interface.
     *
     * @param data   the buffer
     * @param offset first byte
     * @param length number of bytes
     */
    public synchronized void receive(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        for (int k = offset; k < offset + length; k++) {
            int ch = data[k] & 0x7F;
            if (ch == '\r' || ch == '\n') {
                if (!line.isEmpty()) {
                    String text = line.toString().strip();
                    line.setLength(0);
                    if (!text.isEmpty()) {
                        onLine(text);
                    }
                }
            } else if (line.length() < MAX_LINE) {
                line.append((char) ch);
            }
        }
    }

    private void onLine(String text) {
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(text);
        if (!waiting) {
            return;
        }
        AtScriptStep step = script.steps().get(index);
        if (text.equalsIgnoreCase(step.command())) {
            return; // the interface's echo
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith(step.answer().toUpperCase(Locale.ROOT))) {
            waiting = false;
            cancelTimer();
            index++;
            next();
            return;
        }
        for (String code : FINAL_CODES) {
            if (upper.equals(code) || upper.startsWith(code + ":")) {
                fail("expected '" + step.answer() + "', got '" + text + "'");
                return;
            }
        }
    }

    /**
     * Sends steps until one waits for its answer. A peer that answers synchronously, from inside
     * {@code output.accept}, does not recurse into here (a long script would overflow the stack): it
     * leaves {@link #nextPending} for this loop.
     */
    private void next() {
        if (sending) {
            nextPending = true;
            return;
        }
        while (script != null && index < script.steps().size()) {
            AtScriptStep step = script.steps().get(index);
            lastLines.clear();
            byte[] command = (step.command() + "\r").getBytes(StandardCharsets.ISO_8859_1);
            if (step.answer().isEmpty()) {
                index++;
                send(command);
                nextPending = false;
                continue;
            }
            // Armed before sending: a synchronous peer answers from inside output.accept.
            waiting = true;
            int stepIndex = index;
            timer = scheduler.schedule(step.timeout(), () -> timedOut(stepIndex));
            send(command);
            if (!nextPending) {
                return;
            }
            nextPending = false;
        }
        if (script != null) {
            finish(new ScriptResult.Completed(script.steps().size()));
        }
    }

    private void send(byte[] command) {
        sending = true;
        try {
            output.accept(command);
        } finally {
            sending = false;
        }
    }

    private synchronized void timedOut(int stepIndex) {
        if (script != null && waiting && index == stepIndex) {
            AtScriptStep step = script.steps().get(index);
            fail("no '" + step.answer() + "' within " + step.timeout().toMillis() + " ms");
        }
    }

    private void fail(String reason) {
        waiting = false;
        cancelTimer();
        finish(new ScriptResult.Failed(script.steps().get(index), index, reason, lastLines.stream().toList()));
    }

    private void finish(ScriptResult result) {
        Consumer<ScriptResult> callback = done;
        script = null;
        done = null;
        callback.accept(result);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
