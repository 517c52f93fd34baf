package io.metermodem.firmware.hes;

import io.metermodem.hal.serial.LineSettings;
import io.metermodem.hal.time.Clock;
import io.metermodem.transparent.iec.ArmTimer;
import io.metermodem.transparent.iec.CancelTimer;
import io.metermodem.transparent.iec.ConfigureLine;
import io.metermodem.transparent.iec.IecBaudRate;
import io.metermodem.transparent.iec.IecModeCSession;
import io.metermodem.transparent.iec.IecReadout;
import io.metermodem.transparent.iec.IecSessionAction;
import io.metermodem.transparent.iec.IecTimings;
import io.metermodem.transparent.iec.ReadFailed;
import io.metermodem.transparent.iec.ReadoutCompleted;
import io.metermodem.transparent.iec.SignOn;
import io.metermodem.transparent.iec.Transmit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Reads a meter with IEC 62056-21 mode C through a modem's transparent TCP port (TR-1, TR-9): the
 * HES side of the bridge. It runs an {@link IecModeCSession} over the socket. The line-speed changes
 * the session asks for happen on the modem's meter line (the bridge follows the baud change,
 * TR-11), so here they only tell how long the bytes take on that remote line: every timer the session
 * arms is extended by the wire time of what was just sent plus a network allowance.
 *
 * <p>Waits (the reaction time before the option select) are spent reading the socket with a timeout,
 * never sleeping, so early bytes are not missed.
 */
public final class IecTcpReader {

    private final Clock clock;
    private final Duration connectTimeout;
    private final Duration networkAllowance;
    private final SignOn signOn;
    private final IecBaudRate maxBaud;

    /**
     * @param clock            the time source for deadlines
     * @param connectTimeout   how long to wait for the TCP connection
     * @param networkAllowance added to every timer for TCP and modem latency
     * @param signOn           the sign-on to send (device address or none)
     * @param maxBaud          the fastest rate to accept
     */
    public IecTcpReader(Clock clock, Duration connectTimeout, Duration networkAllowance, SignOn signOn, IecBaudRate maxBaud) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.networkAllowance = Objects.requireNonNull(networkAllowance, "networkAllowance");
        this.signOn = Objects.requireNonNull(signOn, "signOn");
        this.maxBaud = Objects.requireNonNull(maxBaud, "maxBaud");
    }

    /**
     * Connects, reads the meter, disconnects.
     *
     * @param host the modem's address
     * @param port its transparent port
     * @return the readout
     * @throws IecReadException if the meter did not answer as IEC 62056-21 expects
     * @throws IOException      if the connection failed
     */
    public IecReadout read(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            return read(socket.getInputStream(), socket, socket.getOutputStream());
        }
    }

    private IecReadout read(InputStream in, Socket socket, OutputStream out) throws IOException {
        IecModeCSession session = new IecModeCSession(signOn, maxBaud, IecTimings.STANDARD);
        Deque<IecSessionAction> todo = new ArrayDeque<>(session.start());
        LineSettings line = LineSettings.IEC_SIGN_ON;
        long deadline = Long.MAX_VALUE;
        long wireNanos = 0;
        byte[] buffer = new byte[1024];
        while (true) {
            while (!todo.isEmpty()) {
                IecSessionAction action = todo.poll();
                switch (action) {
                    case ConfigureLine c -> line = c.settings();
                    case Transmit t -> {
                        if (!t.delay().isZero()) {
                            // The reaction time before we may answer: listen meanwhile.
                            long until = clock.nanoTime() + t.delay().toNanos();
                            List<IecSessionAction> early = receiveUntil(in, socket, buffer, until, session);
                            if (!early.isEmpty()) {
                                todo.addAll(early);
                            }
                        }
                        out.write(t.bytes());
                        out.flush();
                        wireNanos += Math.round(t.bytes().length * line.frameBits() * 1e9 / line.baud());
                    }
                    case ArmTimer a -> {
                        deadline = clock.nanoTime() + a.timeout().toNanos() + wireNanos + networkAllowance.toNanos();
                        wireNanos = 0;
                    }
                    case CancelTimer ignored -> deadline = Long.MAX_VALUE;
                    case ReadoutCompleted done -> {
                        return done.readout();
                    }
                    case ReadFailed failed -> throw new IecReadException(failed.failure());
                }
            }
            long remaining = deadline == Long.MAX_VALUE ? Duration.ofMinutes(2).toNanos() : deadline - clock.nanoTime();
            if (remaining <= 0) {
                todo.addAll(session.onTimeout());
                deadline = Long.MAX_VALUE;
                continue;
            }
            socket.setSoTimeout((int) Math.max(1, remaining / 1_000_000));
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("the modem closed the connection before the readout was complete (state "
                            + session.state() + ")");
                }
                todo.addAll(session.onReceived(buffer, 0, n));
            } catch (SocketTimeoutException e) {
                // The loop checks the deadline.
            }
        }
    }

    private List<IecSessionAction> receiveUntil(InputStream in, Socket socket, byte[] buffer, long until,
                                                IecModeCSession session) throws IOException {
        while (true) {
            long remaining = until - clock.nanoTime();
            if (remaining <= 0) {
                return List.of();
            }
            socket.setSoTimeout((int) Math.max(1, remaining / 1_000_000));
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("the modem closed the connection during the reaction time");
                }
                List<IecSessionAction> actions = session.onReceived(buffer, 0, n);
                if (!actions.isEmpty()) {
                    return actions;
                }
            } catch (SocketTimeoutException e) {
                return List.of();
            }
        }
    }
}
