package io.metermodem.at;

/**
 * Assembles V.250 command lines from the terminal's bytes, one byte at a time, so input split or
 * merged at any boundary gives the same lines. It waits for the {@code AT} (or {@code at}) prefix,
 * collects the line up to the terminator (S3), lets the editing character (S5) erase what was typed
 * after the prefix, drops other control characters, and recognises {@code A/} (repeat the last line).
 *
 * <p>The line is bounded to {@value #MAX_LINE} characters after the prefix (V.250 asks for at least
 * 40): a longer line is not truncated and run, it is reported as {@link Step#OVERFLOW} when its
 * terminator arrives, and the interpreter answers {@code ERROR}.
 *
 * <p>It also watches bit 7 of the prefix and line bytes to tell an 8N1 terminal from a 7E1 one read
 * at 8N1 (AT-1, see {@link LineFraming}).
 */
public final class CommandLineAssembler {

    /** Most characters a command line may hold after {@code AT}. */
    public static final int MAX_LINE = 256;

    /** What one byte did. */
    public enum Step {
        /** Nothing to act on (a character was stored, ignored or the prefix is in progress). */
        NONE,
        /** The editing character removed the last character of the line. */
        ERASED,
        /** A complete line is ready in {@link #line()}. */
        LINE,
        /** {@code A/} arrived: repeat the previous line. */
        REPEAT,
        /** The terminator ended a line that was longer than {@value #MAX_LINE} characters. */
        OVERFLOW
    }

    private enum State { IDLE, GOT_A, IN_LINE }

    private final char[] buffer = new char[MAX_LINE];
    private State state = State.IDLE;
    private int length;
    private boolean overflow;
    private boolean anyHigh;
    private boolean parityConsistent;
    private boolean anyParityOne;

    /**
     * Takes one byte from the terminal.
     *
     * @param raw        the byte as received (0..255)
     * @param terminator the line terminator (S3)
     * @param backspace  the editing character (S5)
     * @return what the byte completed
     */
    public Step accept(int raw, int terminator, int backspace) {
        int ch = raw & 0x7F;
        switch (state) {
            case IDLE -> {
                if (ch == 'A' || ch == 'a') {
                    startEvidence(raw);
                    state = State.GOT_A;
                }
                return Step.NONE;
            }
            case GOT_A -> {
                if (ch == 'T' || ch == 't') {
                    addEvidence(raw);
                    state = State.IN_LINE;
                    length = 0;
                    overflow = false;
                } else if (ch == '/') {
                    addEvidence(raw);
                    state = State.IDLE;
                    return Step.REPEAT;
                } else if (ch == 'A' || ch == 'a') {
                    startEvidence(raw);
                } else {
                    state = State.IDLE;
                }
                return Step.NONE;
            }
            default -> {
                addEvidence(raw);
                if (ch == terminator) {
                    state = State.IDLE;
                    return overflow ? Step.OVERFLOW : Step.LINE;
                }
                if (ch == backspace) {
                    if (length > 0 && !overflow) {
                        length--;
                        return Step.ERASED;
                    }
                    return Step.NONE;
                }
                if (ch < 0x20 || ch == 0x7F) {
                    return Step.NONE;
                }
                if (length == MAX_LINE) {
                    overflow = true;
                } else if (!overflow) {
                    buffer[length++] = (char) ch;
                }
                return Step.NONE;
            }
        }
    }

    /** @return whether the {@code AT} prefix has been seen and the line is being collected */
    public boolean inLine() {
        return state == State.IN_LINE;
    }

    /** @return the characters of the last or current line after {@code AT}, 7-bit */
    public String line() {
        return new String(buffer, 0, length);
    }

    /** @return characters held for the current line (at most {@value #MAX_LINE}) */
    public int length() {
        return length;
    }

    /**
     * What the bytes since the last {@code A} say about the terminal's framing: 7E1 when bit 7 of
     * each byte is its even parity and set in some, 8N1 when bit 7 is clear throughout although a
     * 7E1 terminal would have set it somewhere; otherwise undecided ({@code A} and {@code t} alone
     * look the same both ways; a line's CR never does).
     *
     * @return the framing, or {@code null} when the bytes do not decide it
     */
    public LineFraming framingEvidence() {
        if (anyHigh) {
            return parityConsistent ? LineFraming.F7E1 : null;
        }
        return anyParityOne ? LineFraming.F8N1 : null;
    }

    /** Forgets any partial line. */
    public void reset() {
        state = State.IDLE;
        length = 0;
        overflow = false;
    }

    private void startEvidence(int raw) {
        anyHigh = false;
        parityConsistent = true;
        anyParityOne = false;
        addEvidence(raw);
    }

    private void addEvidence(int raw) {
        int parity = LineFraming.evenParity(raw);
        int bit7 = (raw >> 7) & 1;
        anyHigh |= bit7 == 1;
        anyParityOne |= parity == 1;
        parityConsistent &= bit7 == parity;
    }
}
