package io.metermodem.transparent.iec;

import io.metermodem.hal.serial.FrameFormat;
import io.metermodem.hal.serial.LineSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client side of an IEC 62056-21 data readout (TR-9), as a sans-I/O state machine: what an HES
 * does through the bridge, and what the modem's own {@code mread} (SMS-8) and IEC polling (LED-9) do
 * on the meter port.
 *
 * <p>The sequence of mode C (clause "Protocol mode C"):
 * <ol>
 *   <li>at 300 baud 7E1 send the sign-on {@code /?[address]!CR LF};</li>
 *   <li>receive the identification {@code /XXXZ ident CR LF} within the maximum reaction time;</li>
 *   <li>after the minimum reaction time send {@code ACK 0 Z 0 CR LF} at 300 baud, Z the meter's
 *       rate capped at the caller's maximum;</li>
 *   <li>once the ACK has been transmitted, change the line to Z, 7E1;</li>
 *   <li>receive {@code STX data ! CR LF ETX BCC}; check the BCC; the readout is done.</li>
 * </ol>
 * Mode E meters are read the same way (V = 0 asks for the IEC readout, not HDLC). Mode B meters
 * switch to their announced rate without ACK; mode A meters send the data at 300 baud.
 *
 * <p>The session never touches a port or a clock. Each call returns {@link IecSessionAction}s
 * to perform in order; the caller reports received bytes with {@link #onReceived} and an expired
 * {@link ArmTimer} with {@link #onTimeout()}. Typical driver loop:
 * <pre>{@code
 * IecModeCSession session = new IecModeCSession();
 * perform(session.start());
 * while (!session.state().isFinal()) {
 *     Optional<byte[]> bytes = port.read(timerDeadline);
 *     perform(bytes.isPresent() ? session.onReceived(bytes.get()) : session.onTimeout());
 * }
 * session.readout().flatMap(IecReadout::meterSerial) ...
 * }</pre>
 * Not thread-safe: drive it from one thread (or one serialized executor).
 */
public final class IecModeCSession {

    private final SignOn signOn;
    private final IecBaudRate maxBaudRate;
    private final IecTimings timings;
    private final IecDecoder decoder;
    private IecSessionState state = IecSessionState.NEW;
    private Identification identification;
    private IecReadout readout;
    private IecReadFailure failure;

    /** A session that signs on without address, accepts up to 19200 baud and uses the standard timings. */
    public IecModeCSession() {
        this(SignOn.ANY, IecBaudRate.B19200, IecTimings.STANDARD);
    }

    /**
     * @param signOn      the sign-on to send, with or without device address
     * @param maxBaudRate the fastest rate to select even if the meter offers more (e.g. an optical head's limit)
     * @param timings     reaction and inter-character times
     * @throws IllegalArgumentException if an argument is missing
     */
    public IecModeCSession(SignOn signOn, IecBaudRate maxBaudRate, IecTimings timings) {
        if (signOn == null || maxBaudRate == null || timings == null) {
            throw new IllegalArgumentException("signOn, maxBaudRate and timings are required");
        }
        this.signOn = signOn;
        this.maxBaudRate = maxBaudRate;
        this.timings = timings;
        // Option selects are expected although the meter never sends one: an optical head or a
        // half-duplex bus echoes ours, and it must decode as that echo, not as a lone ACK plus noise.
        // Stripping bit 7 costs nothing when the port already runs 7E1 and saves a read at 8 bits.
        this.decoder = new IecDecoder(IecDecoderConfig.DEFAULT.withStripParityBit(true));
    }

    /**
     * Begins the readout: line to 300 7E1, send the sign-on, wait for the identification.
     *
     * @return the actions to perform
     * @throws IllegalStateException if the session was already started
     */
    public List<IecSessionAction> start() {
        if (state != IecSessionState.NEW) {
            throw new IllegalStateException("session already started");
        }
        state = IecSessionState.AWAITING_IDENTIFICATION;
        return List.of(new ConfigureLine(LineSettings.IEC_SIGN_ON),
                new Transmit(IecEncoder.encode(signOn), Duration.ZERO),
                new ArmTimer(timings.maxReactionTime()));
    }

    /**
     * Bytes received from the meter.
     *
     * @param data bytes as read
     * @return the actions to perform; empty if the session has already ended (late bytes are ignored)
     * @throws IllegalStateException if the session was not started
     */
    public List<IecSessionAction> onReceived(byte[] data) {
        if (data == null) {
            throw new IllegalArgumentException("data is required");
        }
        return onReceived(data, 0, data.length);
    }

    /**
     * Bytes received from the meter, {@code data[offset .. offset+count)}.
     *
     * @param data   buffer
     * @param offset first byte
     * @param count  number of bytes
     * @return the actions to perform; empty if the session has already ended
     * @throws IllegalStateException if the session was not started
     */
    public List<IecSessionAction> onReceived(byte[] data, int offset, int count) {
        requireStarted();
        if (state.isFinal()) {
            return List.of();
        }
        List<IecSessionAction> actions = new ArrayList<>(4);
        for (IecDecodeResult result : decoder.feed(data, offset, count)) {
            if (state.isFinal()) {
                break;
            }
            if (state == IecSessionState.AWAITING_IDENTIFICATION) {
                whileAwaitingIdentification(result, actions);
            } else {
                whileAwaitingData(result, actions);
            }
        }
        boolean timerArmed = actions.stream().anyMatch(a -> a instanceof ArmTimer);
        if (!state.isFinal() && !timerArmed && count > 0 && !decoder.isBetweenFrames()) {
            // Within a message the limit is the inter-character time, restarted by every chunk.
            actions.add(new ArmTimer(timings.interCharacterTimeout()));
        }
        return actions;
    }

    /**
     * The timer of the last {@link ArmTimer} expired without a byte arriving.
     *
     * @return the actions to perform (the failure); empty if the session has already ended
     * @throws IllegalStateException if the session was not started
     */
    public List<IecSessionAction> onTimeout() {
        requireStarted();
        if (state.isFinal()) {
            return List.of();
        }
        boolean midMessage = !decoder.isBetweenFrames();
        IecReadFailureKind kind;
        if (midMessage) {
            kind = IecReadFailureKind.INTER_CHARACTER_TIMEOUT;
        } else if (state == IecSessionState.AWAITING_IDENTIFICATION) {
            kind = IecReadFailureKind.NO_IDENTIFICATION;
        } else {
            kind = IecReadFailureKind.NO_DATA;
        }
        List<IecSessionAction> actions = new ArrayList<>(1);
        fail(kind, midMessage ? "no character within " + timings.interCharacterTimeout().toMillis() + " ms"
                : "no answer in time", actions, false);
        return actions;
    }

    /** @return the current step */
    public IecSessionState state() {
        return state;
    }

    /** @return the meter's identification once received */
    public Optional<Identification> identification() {
        return Optional.ofNullable(identification);
    }

    /** @return the readout once {@link IecSessionState#COMPLETED} */
    public Optional<IecReadout> readout() {
        return Optional.ofNullable(readout);
    }

    /** @return the failure once {@link IecSessionState#FAILED} */
    public Optional<IecReadFailure> failure() {
        return Optional.ofNullable(failure);
    }

    private void whileAwaitingIdentification(IecDecodeResult result, List<IecSessionAction> actions) {
        switch (result) {
            case DecodedMessage(Identification id, long start, long end) -> identified(id, actions);
            // Optical heads and half-duplex RS485 echo what we send: our own sign-on is not an answer.
            case DecodedMessage(SignOn echo, long start, long end) -> { }
            case DecodedMessage decoded -> fail(IecReadFailureKind.UNEXPECTED_MESSAGE,
                    "expected an identification, received " + decoded.message(), actions, true);
            // Noise before the answer (a waking optical head, a bus turnaround) is not fatal.
            case MalformedInput m when m.kind() == MalformedKind.UNEXPECTED_BYTE -> { }
            case MalformedInput m -> fail(IecReadFailureKind.MALFORMED_IDENTIFICATION,
                    m.kind() + " at " + m.position() + ": " + m.reason(), actions, true);
        }
    }

    private void identified(Identification id, List<IecSessionAction> actions) {
        identification = id;
        state = IecSessionState.AWAITING_DATA;
        Duration reaction = id.shortReactionTime() ? timings.shortMinReactionTime() : timings.minReactionTime();
        switch (id.protocolMode()) {
            case C, E -> {
                IecBaudRate offered = id.maxBaudRate();
                IecBaudRate rate = offered.compareTo(maxBaudRate) <= 0 ? offered : maxBaudRate;
                actions.add(new Transmit(IecEncoder.encode(AckOptionSelect.readout(rate)), reaction));
                // Only after the ACK left at 300 baud: the meter changes speed once it has received it.
                actions.add(new ConfigureLine(new LineSettings(rate.baud(), FrameFormat.F7E1)));
            }
            case B -> actions.add(new ConfigureLine(new LineSettings(id.maxBaudRate().baud(), FrameFormat.F7E1)));
            case A -> { }
        }
        actions.add(new ArmTimer(timings.maxReactionTime()));
    }

    private void whileAwaitingData(IecDecodeResult result, List<IecSessionAction> actions) {
        switch (result) {
            case DecodedMessage(DataMessage data, long start, long end) -> {
                DataBlock block = data.parse();
                readout = new IecReadout(identification, block.dataSets(), block.problems());
                state = IecSessionState.COMPLETED;
                actions.add(new CancelTimer());
                actions.add(new ReadoutCompleted(readout));
            }
            case DecodedMessage(AckOptionSelect echo, long start, long end) -> { }
            case DecodedMessage decoded -> fail(IecReadFailureKind.UNEXPECTED_MESSAGE,
                    "expected the data message, received " + decoded.message(), actions, true);
            // Garbage around the speed change (our echoed ACK, a slow meter's last bits) is not fatal.
            case MalformedInput m when m.kind() == MalformedKind.UNEXPECTED_BYTE -> { }
            case MalformedInput m when m.kind() == MalformedKind.BCC_MISMATCH -> fail(IecReadFailureKind.BCC_ERROR,
                    "data message at " + m.position() + ": " + m.reason(), actions, true);
            case MalformedInput m -> fail(IecReadFailureKind.MALFORMED_DATA,
                    m.kind() + " at " + m.position() + ": " + m.reason(), actions, true);
        }
    }

    private void fail(IecReadFailureKind kind, String detail, List<IecSessionAction> actions, boolean cancelTimer) {
        failure = new IecReadFailure(kind, state, detail);
        state = IecSessionState.FAILED;
        if (cancelTimer) {
            actions.add(new CancelTimer());
        }
        actions.add(new ReadFailed(failure));
    }

    private void requireStarted() {
        if (state == IecSessionState.NEW) {
            throw new IllegalStateException("call start() first");
        }
    }
}
