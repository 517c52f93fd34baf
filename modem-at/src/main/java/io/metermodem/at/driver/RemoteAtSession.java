package io.metermodem.at.driver;

import io.metermodem.at.AtInterface;
import io.metermodem.at.AtInterpreter;
import io.metermodem.at.AtTerminal;
import io.metermodem.config.ConfigurationService;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One remote AT session, without I/O (AT-19): the peer first answers the {@value #PROMPT} prompt with
 * the communication password ({@code sec.comm_password}, checked against its PBKDF2 hash; an empty
 * line when none is set), then talks to an {@link AtInterpreter} built for
 * {@link AtInterface#REMOTE}. A wrong password is answered {@code ERROR} and ends the session; the
 * password line is bounded to {@value #MAX_PASSWORD} characters and never echoed.
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
    private final StringBuilder password = new StringBuilder();
    private boolean tooLong;
    private AtInterpreter interpreter;
    private boolean ended;

    /**
     * Opens a session and sends the prompt.
     *
     * @param configuration where the password hash is
     * @param terminal      the connection's output
     * @param builder       an interpreter builder with scheduler, module and configuration set; its
     *                      interface and terminal are set here
     */
    public RemoteAtSession(ConfigurationService configuration, AtTerminal terminal, AtInterpreter.Builder builder) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.builder = Objects.requireNonNull(builder, "builder");
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
        while (i < end && !ended && interpreter == null) {
            int b = data[i++] & 0xFF;
            if (b == '\r') {
                authenticate();
            } else if (b == '\n' && password.isEmpty() && !tooLong) {
                continue; // the LF of a CR LF before the password
            } else if (password.length() >= MAX_PASSWORD) {
                tooLong = true;
            } else {
                password.append((char) b);
            }
        }
        if (interpreter != null && i < end) {
            int from = i;
            // A LF right after the password's CR belongs to the password line.
            if (data[from] == '\n') {
                from++;
            }
            if (from < end) {
                interpreter.receive(data, from, end - from);
            }
        }
    }

    private void authenticate() {
        String candidate = password.toString();
        password.setLength(0);
        boolean ok = !tooLong && configuration.current().passwordMatches(PASSWORD_PARAMETER, candidate);
        if (ok) {
            terminal.send("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
            interpreter = builder.interfaceType(AtInterface.REMOTE).terminal(terminal).build();
        } else {
            terminal.send("\r\nERROR\r\n".getBytes(StandardCharsets.US_ASCII));
            ended = true;
        }
    }

    /** @return whether the password was accepted */
    public synchronized boolean authenticated() {
        return interpreter != null;
    }

    /** @return whether the session is over (wrong password) and the connection should close */
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
        if (interpreter != null) {
            interpreter.close();
        }
    }
}
