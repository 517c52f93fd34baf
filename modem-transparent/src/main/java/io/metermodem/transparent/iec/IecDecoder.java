package io.metermodem.transparent.iec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental decoder of IEC 62056-21 messages: feed it bytes as they arrive, split or merged at any
 * boundary, and it returns the messages completed by those bytes, in order, together with reports of
 * malformed input ({@link MalformedInput}) at the position where it occurred.
 *
 * <p>The decoder recognises a message by its first byte: {@code /} opens a sign-on or identification
 * line ending in CR LF, ACK a lone acknowledgement or an option select {@code ACK V Z Y CR LF}, NAK a
 * negative acknowledgement, STX a data message and SOH a command message, both closed by ETX and a
 * BCC that is checked. Anything else outside a message is reported once and skipped up to the next
 * of those bytes; a message cut off by the start of another is reported and the new one decoded.
 *
 * <p>Memory is bounded by {@link IecDecoderConfig}: a frame longer than its bound is reported as
 * {@link MalformedKind#TOO_LONG} and skipped. With {@link IecDecoderConfig#stripParityBit()} bit 7 of
 * every byte is cleared first, so 7E1 characters read at 8N1 (parity bit in bit 7) decode correctly.
 *
 * <p>Not thread-safe: one decoder belongs to one byte stream, driven from one thread at a time.
 */
public final class IecDecoder {

    private enum State { IDLE, SKIPPING, LINE, ACK_SEEN, OPTION_SELECT, COMMAND_HEAD, BLOCK, BCC }

    private final IecDecoderConfig config;
    private final byte[] buffer;
    private boolean stripParityBit;
    private State state = State.IDLE;
    private int length;
    private int bcc;
    private boolean command;
    private boolean partialBlock;
    private long position;
    private long frameStart;

    /** A decoder with {@link IecDecoderConfig#DEFAULT}. */
    public IecDecoder() {
        this(IecDecoderConfig.DEFAULT);
    }

    /**
     * @param config bounds and options
     * @throws IllegalArgumentException if {@code config} is null
     */
    public IecDecoder(IecDecoderConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        this.config = config;
        this.stripParityBit = config.stripParityBit();
        this.buffer = new byte[Math.max(config.maxFrameLength(), config.maxLineLength())];
    }

    /**
     * Feeds all of {@code data}.
     *
     * @param data received bytes
     * @return messages and malformed-input reports completed by these bytes, in stream order
     */
    public List<IecDecodeResult> feed(byte[] data) {
        if (data == null) {
            throw new IllegalArgumentException("data is required");
        }
        return feed(data, 0, data.length);
    }

    /**
     * Feeds {@code data[offset .. offset+count)}.
     *
     * @param data   received bytes
     * @param offset first byte to use
     * @param count  number of bytes, may be 0
     * @return messages and malformed-input reports completed by these bytes, in stream order
     * @throws IllegalArgumentException if the range lies outside {@code data}
     */
    public List<IecDecodeResult> feed(byte[] data, int offset, int count) {
        if (data == null || offset < 0 || count < 0 || offset > data.length - count) {
            throw new IllegalArgumentException("range [" + offset + ", +" + count + ") outside the data");
        }
        List<IecDecodeResult> out = new ArrayList<>(2);
        for (int i = offset; i < offset + count; i++) {
            int b = data[i] & 0xFF;
            if (stripParityBit) {
                b &= 0x7F;
            }
            accept(b, out);
            position++;
        }
        return out;
    }

    /**
     * Tells the decoder the line went quiet (e.g. the inter-character time-out of 1500 ms expired): a
     * pending lone ACK is reported, and an incomplete frame is reported as {@link MalformedKind#TRUNCATED}.
     *
     * @return what the silence completed
     */
    public List<IecDecodeResult> flush() {
        List<IecDecodeResult> out = new ArrayList<>(1);
        switch (state) {
            case IDLE, SKIPPING -> { }
            case ACK_SEEN -> out.add(new DecodedMessage(new Ack(), frameStart, frameStart + 1));
            default -> out.add(new MalformedInput(MalformedKind.TRUNCATED,
                    "message incomplete when the line went quiet", frameStart));
        }
        state = State.IDLE;
        length = 0;
        return out;
    }

    /** Forgets any partial frame; the stream position keeps counting. */
    public void reset() {
        state = State.IDLE;
        length = 0;
    }

    /**
     * Turns the clearing of bit 7 on or off from the next byte on, e.g. when the line the bytes come
     * from is switched between 7E1 and 8N1.
     *
     * @param strip whether to clear bit 7
     */
    public void stripParityBit(boolean strip) {
        this.stripParityBit = strip;
    }

    /** @return whether the next byte would start a new message rather than continue one */
    public boolean isBetweenFrames() {
        return state == State.IDLE || state == State.SKIPPING || state == State.ACK_SEEN;
    }

    /** @return bytes held for the frame in progress; never more than the configured bounds */
    public int bufferedBytes() {
        return length;
    }

    /** @return number of bytes fed so far: the stream position of the next byte */
    public long position() {
        return position;
    }

    private void accept(int b, List<IecDecodeResult> out) {
        switch (state) {
            case IDLE, SKIPPING -> startOrSkip(b, out);
            case ACK_SEEN -> {
                if (Ascii.isDigit(b)) {
                    buffer[0] = Ascii.ACK;
                    buffer[1] = (byte) b;
                    length = 2;
                    state = State.OPTION_SELECT;
                } else {
                    out.add(new DecodedMessage(new Ack(), frameStart, frameStart + 1));
                    state = State.IDLE;
                    startOrSkip(b, out);
                }
            }
            case OPTION_SELECT -> optionSelect(b, out);
            case LINE -> line(b, out);
            case COMMAND_HEAD -> commandHead(b, out);
            case BLOCK -> block(b, out);
            case BCC -> {
                finishFrame(b, out);
                state = State.IDLE;
                length = 0;
            }
        }
    }

    private void startOrSkip(int b, List<IecDecodeResult> out) {
        frameStart = position;
        length = 0;
        switch (b) {
            case Ascii.SLASH -> {
                buffer[length++] = (byte) b;
                state = State.LINE;
            }
            case Ascii.ACK -> {
                if (config.optionSelectExpected()) {
                    // Only the next byte tells a lone ACK from ACK V Z Y CR LF.
                    state = State.ACK_SEEN;
                } else {
                    out.add(new DecodedMessage(new Ack(), position, position + 1));
                    state = State.IDLE;
                }
            }
            case Ascii.NAK -> {
                out.add(new DecodedMessage(new Nak(), position, position + 1));
                state = State.IDLE;
            }
            case Ascii.STX, Ascii.SOH -> {
                buffer[length++] = (byte) b;
                bcc = 0;
                command = b == Ascii.SOH;
                partialBlock = false;
                state = command ? State.COMMAND_HEAD : State.BLOCK;
            }
            default -> {
                if (state != State.SKIPPING) {
                    out.add(new MalformedInput(MalformedKind.UNEXPECTED_BYTE, "byte " + Ascii.hex(b)
                            + " outside a message; skipping to the next '/', ACK, NAK, STX or SOH", position));
                }
                state = State.SKIPPING;
            }
        }
    }

    private void optionSelect(int b, List<IecDecodeResult> out) {
        boolean fits = switch (length) {
            case 2, 3 -> Ascii.isDigit(b);
            case 4 -> b == Ascii.CR;
            default -> b == Ascii.LF;
        };
        if (!fits) {
            broken(b, out, "option select ACK V Z Y CR LF broken by " + Ascii.hex(b) + " at offset " + length);
            return;
        }
        buffer[length++] = (byte) b;
        if (length == 6) {
            out.add(new DecodedMessage(new AckOptionSelect((char) buffer[1], (char) buffer[2], (char) buffer[3]),
                    frameStart, position + 1));
            state = State.IDLE;
            length = 0;
        }
    }

    private void line(int b, List<IecDecodeResult> out) {
        if (Ascii.isFrameStart(b)) {
            broken(b, out, "line interrupted by " + Ascii.hex(b) + " before CR LF");
            return;
        }
        if (length >= config.maxLineLength()) {
            tooLong(out, "line longer than " + config.maxLineLength() + " bytes without CR LF");
            return;
        }
        buffer[length++] = (byte) b;
        if (b == Ascii.LF && length >= 2 && buffer[length - 2] == Ascii.CR) {
            out.add(parseLine(position + 1));
            state = State.IDLE;
            length = 0;
        }
    }

    private void commandHead(int b, List<IecDecodeResult> out) {
        boolean fits = switch (length) {
            case 1 -> b >= 'A' && b <= 'Z';
            case 2 -> Ascii.isDigit(b);
            default -> b == Ascii.STX || b == Ascii.ETX;
        };
        if (!fits) {
            broken(b, out, "command message SOH C D (STX|ETX) broken by " + Ascii.hex(b) + " at offset " + length);
            return;
        }
        buffer[length++] = (byte) b;
        bcc ^= b;
        if (length == 4) {
            state = b == Ascii.STX ? State.BLOCK : State.BCC;
        }
    }

    private void block(int b, List<IecDecodeResult> out) {
        if (b == Ascii.STX || b == Ascii.SOH) {
            broken(b, out, "message interrupted by " + Ascii.hex(b) + " before ETX");
            return;
        }
        // Room for this byte and the BCC still to come.
        if (length + 2 > config.maxFrameLength()) {
            tooLong(out, "message longer than " + config.maxFrameLength() + " bytes");
            return;
        }
        buffer[length++] = (byte) b;
        bcc ^= b;
        if (b == Ascii.ETX || b == Ascii.EOT) {
            partialBlock = b == Ascii.EOT;
            state = State.BCC;
        }
    }

    /** A frame broken by {@code b}: restart on it if it opens a message, else skip to one that does. */
    private void broken(int b, List<IecDecodeResult> out, String reason) {
        length = 0;
        if (Ascii.isFrameStart(b)) {
            out.add(new MalformedInput(MalformedKind.TRUNCATED, reason, frameStart));
            state = State.IDLE;
            startOrSkip(b, out);
        } else {
            out.add(new MalformedInput(MalformedKind.BAD_SYNTAX, reason, frameStart));
            state = State.SKIPPING;
        }
    }

    private void tooLong(List<IecDecodeResult> out, String reason) {
        out.add(new MalformedInput(MalformedKind.TOO_LONG, reason, frameStart));
        length = 0;
        state = State.SKIPPING;
    }

    private void finishFrame(int received, List<IecDecodeResult> out) {
        long end = position + 1;
        IecDecodeResult result;
        if (received != bcc) {
            result = new MalformedInput(MalformedKind.BCC_MISMATCH, "BCC " + Ascii.hex(received)
                    + " received, " + Ascii.hex(bcc) + " computed", frameStart);
        } else if (partialBlock) {
            result = new MalformedInput(MalformedKind.BAD_SYNTAX,
                    "partial block ending in EOT: multi-block transfer is not supported", frameStart);
        } else {
            result = frameMessage(end);
        }
        out.add(result);
    }

    private IecDecodeResult frameMessage(long end) {
        try {
            if (!command) {
                return new DecodedMessage(new DataMessage(text(1, length - 1)), frameStart, end);
            }
            char letter = (char) buffer[1];
            char type = (char) buffer[2];
            if (buffer[3] == Ascii.ETX) {
                if (letter == 'B' && type == '0') {
                    return new DecodedMessage(new Break(), frameStart, end);
                }
                return new MalformedInput(MalformedKind.BAD_SYNTAX,
                        "command " + letter + type + " without data (only B0 has none)", frameStart);
            }
            return new DecodedMessage(new CommandMessage(letter, type, text(4, length - 1)), frameStart, end);
        } catch (IllegalArgumentException e) {
            return new MalformedInput(MalformedKind.BAD_SYNTAX, e.getMessage(), frameStart);
        }
    }

    private IecDecodeResult parseLine(long end) {
        // Between '/' and CR LF.
        String body = text(1, length - 2);
        try {
            if (body.startsWith("?")) {
                if (!body.endsWith("!") || body.length() < 2) {
                    return new MalformedInput(MalformedKind.BAD_SYNTAX,
                            "sign-on must end with '!' before CR LF: '/" + body + "'", frameStart);
                }
                return new DecodedMessage(new SignOn(body.substring(1, body.length() - 1)), frameStart, end);
            }
            if (body.length() < 4) {
                return new MalformedInput(MalformedKind.BAD_SYNTAX,
                        "identification shorter than /XXXZ: '/" + body + "'", frameStart);
            }
            String rest = body.substring(4);
            String enhancement = "";
            if (rest.startsWith("\\")) {
                if (rest.length() < 2) {
                    return new MalformedInput(MalformedKind.BAD_SYNTAX,
                            "enhanced identification '\\' without its character", frameStart);
                }
                enhancement = rest.substring(1, 2);
                rest = rest.substring(2);
            }
            return new DecodedMessage(new Identification(body.substring(0, 3), body.charAt(3), enhancement, rest),
                    frameStart, end);
        } catch (IllegalArgumentException e) {
            return new MalformedInput(MalformedKind.BAD_SYNTAX, "identification not valid: " + e.getMessage(), frameStart);
        }
    }

    private String text(int from, int to) {
        // ISO-8859-1 keeps bytes above 0x7F visible as themselves, so the records reject them.
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
