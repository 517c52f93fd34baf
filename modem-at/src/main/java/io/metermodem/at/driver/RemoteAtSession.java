package io.metermodem.at.driver;

import io.metermodem.at.AtInterface;
import io.metermodem.at.AtInterpreter;
import io.metermodem.at.AtTerminal;
import io.metermodem.config.ConfigurationService;
import io.metermodem.hal.time.ScheduledTask;
import io.metermodem.hal.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * One remote AT session, without I/O (AT-19): the peer first answers the {@value #PROMPT} prompt with
 * the communication password ({@code sec.comm_password}, checked against its PBKDF2 hash; an empty
 * line when none is set), then talks to an {@link AtInterpreter} built for
 * {@link AtInterface#REMOTE}. The password line is bounded to {@value #MAX_PASSWORD} characters and
 * never echoed.
 *
 * <p>A wrong password is answered {@code ERROR} only after the delay of a {@link PasswordThrottle}
 * (1 s, doubling per consecutive failure of the same source, at most 32 s, in the scheduler's time);
 * then the session ends and the driver's end callback closes the connection. While a source is
 * blocked its next password is checked only when the block ends. Input arriving while a password
 * waits for its check or its answer is discarded.
 */
public final class RemoteAtSession implements AutoCloseable {

    /** The prompt sent when the session opens. */
    public static final String PROMPT = "PASSWORD:";
    /** Longest password line accepted; a longer one fails. */
    public static final int MAX_PASSWORD = 256;
    /** The password parameter checked. */
    public static final String PASSWORD_PARAMETER = "sec.comm_password";

    private final ConfigurationService configuration;
    private final AtTerminal terminal;
    private final AtInterpreter.Builder builder;
    private final Scheduler scheduler;
    private final PasswordThrottle throttle;
    private final String source;
    private final Runnable onEnded;
    private final StringBuilder password = new StringBuilder();
    private boolean tooLong;
    private boolean checking;
    /** The password was accepted and nothing has reached the interpreter yet: an LF may end its CR LF. */
    private boolean afterPassword;
    private ScheduledTask pending;
    private AtInterpreter interpreter;
    private boolean ended;

    /**
     * Opens a session with a throttle of its own and sends the prompt; for a single connection (tests,
     * a serial link). A server shares one throttle between its sessions:
     * {@link #RemoteAtSession(ConfigurationService, AtTerminal, AtInterpreter.Builder, PasswordThrottle, String, Runnable)}.
     *
     * @param configuration where the password hash is
     * @param terminal      the connection's output
     * @param builder       an interpreter builder with scheduler, module and configuration set; its
     *                      interface and terminal are set here
     */
    public RemoteAtSession(ConfigurationService configuration, AtTerminal terminal, AtInterpreter.Builder builder) {
        this(configuration, terminal, builder, new PasswordThrottle(), "session", () -> { });
    }

    /**
     * Opens a session and sends the prompt.
     *
     * @param configuration where the password hash is
     * @param terminal      the connection's output
     * @param builder       an interpreter builder with scheduler, module and configuration set; its
     *                      interface and terminal are set here; its scheduler times the password delay
     * @param throttle      the failures per source, shared by the sessions of one server
     * @param source        who connects (the peer's address)
     * @param onEnded       called once when the session ends by itself after a wrong password, on the
     *                      scheduler's thread: the driver closes the connection
     */
    public RemoteAtSession(ConfigurationService configuration, AtTerminal terminal, AtInterpreter.Builder builder,
                           PasswordThrottle throttle, String source, Runnable onEnded) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.scheduler = Objects.requireNonNull(builder.configuredScheduler(), "the builder's scheduler");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.source = Objects.requireNonNull(source, "source");
        this.onEnded = Objects.requireNonNull(onEnded, "onEnded");
        terminal.send(PROMPT.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Takes bytes from the peer.
     *
     * @param data   the buffer
     * @param offset first byte
     * @param length number of bytes
     */
    public synchronized void receive(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int i = offset;
        int end = offset + length;
        while (i < end && !ended && !checking && interpreter == null) {
            int b = data[i++] & 0xFF;
            if (b == '\r') {
                passwordLine();
            } else if (b == '\n' && password.isEmpty() && !tooLong) {
                continue; // the LF of a CR LF before the password
            } else if (password.length() >= MAX_PASSWORD) {
                tooLong = true;
            } else {
                password.append((char) b);
            }
        }
        if (interpreter != null && !ended && i < end) {
            int from = i;
            // A LF right after the password's CR belongs to the password line, in whatever chunk it
            // comes; any later LF is the terminal's, for the interpreter.
            if (afterPassword && data[from] == '\n') {
                from++;
            }
            afterPassword = false;
            if (from < end) {
                interpreter.receive(data, from, end - from);
            }
        }
    }

    private void passwordLine() {
        String candidate = password.toString();
        boolean overlong = tooLong;
        password.setLength(0);
        tooLong = false;
        checking = true;
        checkWhenAllowed(candidate, overlong);
    }

    /** Checks now, or when the source's block ends (again later if another session failed meanwhile). */
    private void checkWhenAllowed(String candidate, boolean overlong) {
        long now = scheduler.nanoTime();
        long notBefore = throttle.notBefore(source, now);
        if (notBefore == now) {
            check(candidate, overlong);
        } else {
            pending = scheduler.scheduleAt(notBefore, () -> deferredCheck(candidate, overlong));
        }
    }

    private synchronized void deferredCheck(String candidate, boolean overlong) {
        pending = null;
        if (!ended) {
            checkWhenAllowed(candidate, overlong);
        }
    }

    private void check(String candidate, boolean overlong) {
        boolean ok = !overlong && configuration.current().passwordMatches(PASSWORD_PARAMETER, candidate);
        if (ok) {
            throttle.succeeded(source);
            checking = false;
            terminal.send("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
            interpreter = builder.interfaceType(AtInterface.REMOTE).terminal(terminal).build();
            afterPassword = true;
        } else {
            Duration delay = throttle.failed(source, scheduler.nanoTime());
            pending = scheduler.schedule(delay, this::refuse);
        }
    }

    private void refuse() {
        synchronized (this) {
            pending = null;
            if (ended) {
                return;
            }
            terminal.send("\r\nERROR\r\n".getBytes(StandardCharsets.US_ASCII));
            ended = true;
        }
        onEnded.run();
    }

    /** @return whether the password was accepted */
    public synchronized boolean authenticated() {
        return interpreter != null;
    }

    /** @return whether a password line waits for its check or its (delayed) answer */
    public synchronized boolean checking() {
        return checking && !ended && interpreter == null;
    }

    /** @return whether the session is over (wrong password answered, or closed) and the connection should close */
    public synchronized boolean ended() {
        return ended;
    }

    /** @return the interpreter after a good password, else {@code null} */
    public synchronized AtInterpreter interpreter() {
        return interpreter;
    }

    @Override
    public synchronized void close() {
        ended = true;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        if (interpreter != null) {
            interpreter.close();
        }
    }
}
