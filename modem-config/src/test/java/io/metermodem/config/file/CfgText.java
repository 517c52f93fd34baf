package io.metermodem.config.file;

import io.metermodem.testsupport.Gen;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .cfg} file put together line by line (CFG-5), so a test knows the number of every line:
 * optional byte-order mark, LF or CRLF per line, comments, blank lines and settings in the loose
 * spellings the format allows. A line is held as bytes, so it can also be made invalid UTF-8.
 */
final class CfgText {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final List<byte[]> contents = new ArrayList<>();
    private final List<String> ends = new ArrayList<>();
    private final Map<String, Integer> settingLines = new LinkedHashMap<>();
    private boolean bom;
    private boolean lastLineEnded = true;

    /**
     * Writes settings in a random layout: each on its own line, in the given order, with comments and
     * blank lines between them, random spacing around {@code =}, LF or CRLF, maybe a BOM, maybe no end
     * on the last line.
     *
     * @param gen      the case's generator
     * @param settings the settings
     * @return the file
     */
    static CfgText of(Gen gen, Collection<CfgValues.Setting> settings) {
        CfgText text = new CfgText();
        text.bom = gen.chance(0.2);
        String end = gen.oneOf("\n", "\r\n", null); // null: mixed, per line
        for (CfgValues.Setting s : settings) {
            while (gen.chance(0.15)) {
                text.add(filler(gen), end == null ? gen.oneOf("\n", "\r\n") : end);
            }
            int line = text.add(settingLine(gen, s.name(), s.spelled()), end == null ? gen.oneOf("\n", "\r\n") : end);
            text.settingLines.put(s.name(), line);
        }
        if (gen.chance(0.2)) {
            text.add(filler(gen), "\n");
        }
        text.lastLineEnded = gen.chance(0.7);
        return text;
    }

    /**
     * A setting line: optional indent, the name, {@code =} with or without spaces or tabs, the value,
     * optional trailing white space.
     *
     * @param gen   the case's generator
     * @param name  the parameter
     * @param value the value text, without surrounding white space
     * @return the line
     */
    static String settingLine(Gen gen, String name, String value) {
        return indent(gen) + name + gen.oneOf("=", " = ", "= ", " =", "\t=\t", "  =  ") + value
                + gen.oneOf("", "", " ", "\t", "  ");
    }

    /** @return white space a line may start with */
    static String indent(Gen gen) {
        return gen.oneOf("", "", "", " ", "\t", "   ");
    }

    /** A comment or a blank line: both are skipped by the reader. */
    private static String filler(Gen gen) {
        return switch (gen.intBetween(0, 4)) {
            case 0 -> "";
            case 1 -> gen.oneOf(" ", "\t", "  \t ");
            case 2 -> indent(gen) + "# " + gen.printable(0, 60);
            case 3 -> indent(gen) + ";" + gen.printable(0, 60);
            // A comment of up to the longest line allowed, in characters of several UTF-8 lengths.
            default -> "#" + gen.string(0, CfgFile.MAX_LINE_CHARS - 1, "aé中= #;");
        };
    }

    /**
     * Appends a line.
     *
     * @param content the line, without its end
     * @param end     {@code "\n"} or {@code "\r\n"}
     * @return its 1-based number
     */
    int add(String content, String end) {
        contents.add(content.getBytes(StandardCharsets.UTF_8));
        ends.add(end);
        return contents.size();
    }

    /** @return the 1-based line that sets each parameter, in file order */
    Map<String, Integer> settingLines() {
        return settingLines;
    }

    /** @return the number of lines */
    int lineCount() {
        return contents.size();
    }

    /**
     * @param line 1-based
     * @return the line's text, without its end
     */
    String line(int line) {
        return new String(contents.get(line - 1), StandardCharsets.UTF_8);
    }

    /**
     * Replaces a line's content.
     *
     * @param line    1-based
     * @param content the new text, without a line end
     */
    void replace(int line, String content) {
        replace(line, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces a line's content with bytes, which need not be UTF-8.
     *
     * @param line    1-based
     * @param content the new bytes, without a line end
     */
    void replace(int line, byte[] content) {
        contents.set(line - 1, content.clone());
    }

    /** @return the line end of a line, {@code "\n"} or {@code "\r\n"}; the last line's may be left off */
    String end(int line) {
        return line == contents.size() && !lastLineEnded ? "" : ends.get(line - 1);
    }

    /** @return the file's bytes */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(BOM);
        }
        for (int i = 1; i <= contents.size(); i++) {
            out.writeBytes(contents.get(i - 1));
            out.writeBytes(end(i).getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }
}
