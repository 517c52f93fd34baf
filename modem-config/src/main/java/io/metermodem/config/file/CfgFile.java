package io.metermodem.config.file;

import io.metermodem.config.Configuration;
import io.metermodem.config.ConfigurationCodec;
import io.metermodem.config.Parameter;
import io.metermodem.config.ParameterGroup;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.Transaction;
import io.metermodem.config.ValueCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code .cfg} configuration files (CFG-5), the files the configuration tool saves
 * and distributes to many modems.
 *
 * <p>Format: one {@code name = value} per line; white space around {@code =} is optional (unlike
 * SMS-3) and a value may be empty; lines starting with {@code #} or {@code ;} are comments, blank
 * lines are skipped. There are no comments after a value, because values (passwords) may contain
 * {@code #}. Strict UTF-8, a leading byte-order mark and CRLF line ends are accepted. Limits:
 * {@value #MAX_FILE_BYTES} bytes, {@value #MAX_LINES} lines, {@value #MAX_LINE_CHARS} characters per line.
 *
 * <p>{@link #parse(byte[], ParameterRegistry)} checks every line (unknown names, bad values,
 * duplicates, malformed UTF-8, binary data) and returns all errors, each naming its line, or a
 * {@link Transaction} of the file's settings; a file need not set every parameter. Password values
 * may be a password (hashed at once) or the hash form an export writes. Applying the transaction
 * still checks the rules across parameters against the configuration it is applied to.
 *
 * <p>{@link #export(Configuration, ParameterRegistry)} writes every parameter in registry order,
 * passwords as their hash form; parsing an export and applying it gives an equal configuration.
 * An export contains the APN password and SIM PIN in clear: the receiving modem needs them.
 */
public final class CfgFile {

    /** Largest file accepted, bytes. */
    public static final int MAX_FILE_BYTES = 256 * 1024;
    /** Longest line accepted, characters (without the line end). */
    public static final int MAX_LINE_CHARS = 1024;
    /** Most lines accepted. */
    public static final int MAX_LINES = 8192;
    /** Most errors reported; a note follows when more were found. */
    public static final int MAX_ERRORS = 100;

    private static final int MAX_SHOWN_NAME = 48;

    private CfgFile() {
    }

    /**
     * Reads a {@code .cfg} file from a stream, at most {@value #MAX_FILE_BYTES} bytes of it.
     *
     * @param in       the stream (not closed)
     * @param registry the parameters the modem knows
     * @return the transaction of the file, or every error
     * @throws IOException when the stream fails
     */
    public static CfgParseResult parse(InputStream in, ParameterRegistry registry) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("a stream is required");
        }
        return parse(in.readNBytes(MAX_FILE_BYTES + 1), registry);
    }

    /**
     * Reads a {@code .cfg} file. Never throws for any content: every problem is an error naming its line.
     *
     * @param bytes    the file
     * @param registry the parameters the modem knows
     * @return the transaction of the file, or every error
     */
    public static CfgParseResult parse(byte[] bytes, ParameterRegistry registry) {
        if (bytes == null || registry == null) {
            throw new IllegalArgumentException("file bytes and a registry are required");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            int line = 1;
            for (int i = 0; i < MAX_FILE_BYTES; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            return new CfgParseResult.Failed(List.of(new CfgError(line, 0,
                    "file larger than " + MAX_FILE_BYTES + " bytes")));
        }
        return new Reader(bytes, registry).read();
    }

    /**
     * Writes every parameter of a configuration in registry order, with a header comment.
     *
     * @param configuration the configuration
     * @param registry      its registry
     * @return the file text (encode as UTF-8)
     */
    public static String export(Configuration configuration, ParameterRegistry registry) {
        if (configuration == null || registry == null || configuration.registry() != registry) {
            throw new IllegalArgumentException("a configuration of the given registry is required");
        }
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# metermodem configuration file (.cfg), format ").append(ConfigurationCodec.FORMAT_VERSION)
                .append('\n');
        sb.append("# One 'name = value' per line. Passwords are stored as PBKDF2 hashes.\n");
        sb.append("# Contains the APN password and SIM PIN in clear: keep this file private.\n");
        ParameterGroup group = null;
        for (Parameter p : registry.parameters()) {
            if (p.group() != group) {
                group = p.group();
                sb.append("\n# ").append(group.title()).append('\n');
            }
            String value = configuration.valueText(p.name());
            sb.append(p.name()).append(" =");
            if (!value.isEmpty()) {
                sb.append(' ').append(value);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * {@link #export} as UTF-8 bytes, ready to write to a file.
     *
     * @param configuration the configuration
     * @param registry      its registry
     * @return the file bytes
     */
    public static byte[] exportBytes(Configuration configuration, ParameterRegistry registry) {
        return export(configuration, registry).getBytes(StandardCharsets.UTF_8);
    }

    /** One pass over the file; collects errors up to the bound. */
    private static final class Reader {
        private final byte[] bytes;
        private final ParameterRegistry registry;
        private final List<CfgError> errors = new ArrayList<>();
        private final Map<String, Integer> lines = new HashMap<>();
        private final Transaction.Builder transaction = Transaction.builder();
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(MAX_LINE_CHARS * 4);
        private boolean stopped;

        Reader(byte[] bytes, ParameterRegistry registry) {
            this.bytes = bytes;
            this.registry = registry;
        }

        CfgParseResult read() {
            int pos = startsWithBom() ? 3 : 0;
            int lineNo = 0;
            while (pos < bytes.length && !stopped) {
                int end = pos;
                while (end < bytes.length && bytes[end] != '\n') {
                    end++;
                }
                lineNo++;
                if (lineNo > MAX_LINES) {
                    error(lineNo, 0, "more than " + MAX_LINES + " lines");
                    break;
                }
                int contentEnd = end > pos && bytes[end - 1] == '\r' ? end - 1 : end;
                String line = decode(lineNo, pos, contentEnd);
                if (line != null) {
                    parseLine(lineNo, line);
                }
                pos = end + 1;
            }
            if (!errors.isEmpty()) {
                return new CfgParseResult.Failed(errors);
            }
            return new CfgParseResult.Parsed(transaction.build(), lines);
        }

        private boolean startsWithBom() {
            return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF;
        }

        /** Strict UTF-8 of one line, or null after reporting why it cannot be read. */
        private String decode(int lineNo, int from, int to) {
            // Each character takes at least one byte, so a line of more bytes than 4x the limit is
            // certainly too long and is not decoded at all (bounded work on garbage).
            if (to - from > MAX_LINE_CHARS * 4) {
                error(lineNo, 0, "longer than " + MAX_LINE_CHARS + " characters");
                return null;
            }
            decoder.reset();
            chars.clear();
            ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
            CoderResult result = decoder.decode(in, chars, true);
            if (result.isUnderflow()) {
                result = decoder.flush(chars);
            }
            if (result.isError()) {
                error(lineNo, chars.position() + 1, String.format("invalid UTF-8 (byte 0x%02X)",
                        bytes[in.position()] & 0xFF));
                return null;
            }
            chars.flip();
            String line = chars.toString();
            if (line.codePointCount(0, line.length()) > MAX_LINE_CHARS) {
                error(lineNo, 0, "longer than " + MAX_LINE_CHARS + " characters");
                return null;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
                    error(lineNo, i + 1, String.format("control character U+%04X (binary data?)", (int) c));
                    return null;
                }
            }
            return line;
        }

        private void parseLine(int lineNo, String line) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                return;
            }
            int eq = line.indexOf('=');
            int nameStart = indexOfNonSpace(line, 0);
            if (eq < 0) {
                error(lineNo, nameStart + 1, "expected 'name = value'");
                return;
            }
            String name = line.substring(0, eq).strip();
            if (name.isEmpty()) {
                error(lineNo, eq + 1, "missing parameter name before '='");
                return;
            }
            Parameter parameter = registry.find(name).orElse(null);
            if (parameter == null) {
                error(lineNo, nameStart + 1, "unknown parameter '" + shown(name) + "'");
                return;
            }
            Integer earlier = lines.putIfAbsent(name, lineNo);
            if (earlier != null) {
                error(lineNo, nameStart + 1, name + " already set on line " + earlier);
                return;
            }
            int valueStart = indexOfNonSpace(line, eq + 1);
            String value = line.substring(eq + 1).strip();
            switch (parameter.type().check(value)) {
                case ValueCheck.Valid valid -> transaction.set(name, valid.canonical());
                case ValueCheck.Invalid invalid -> error(lineNo, valueStart + 1, name + ": " + invalid.reason());
            }
        }

        private static int indexOfNonSpace(String s, int from) {
            int i = from;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private static String shown(String name) {
            return name.length() > MAX_SHOWN_NAME ? name.substring(0, MAX_SHOWN_NAME) + "..." : name;
        }

        private void error(int line, int column, String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new CfgError(line, column, message));
            } else {
                errors.add(new CfgError(line, 0, "more than " + MAX_ERRORS + " errors; stopped reading"));
                stopped = true;
            }
        }
    }
}
