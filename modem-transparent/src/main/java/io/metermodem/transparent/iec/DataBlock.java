package io.metermodem.transparent.iec;

import java.util.ArrayList;
import java.util.List;

/**
 * The data block of a data message read as data sets. A data line may carry several data sets
 * ({@code 1.8.1(1.0*kWh)1.8.2(2.0*kWh)}); a readout ends with the end marker {@code !}. Parsing is
 * lenient: what cannot be read is skipped and listed in {@link #problems()}, so one odd line does not
 * cost the rest of a readout.
 *
 * @param dataSets  the data sets in order
 * @param endMarker whether the block contains the end marker {@code !} of a readout
 * @param problems  the parts that are not data sets, with their positions
 */
public record DataBlock(List<DataSet> dataSets, boolean endMarker, List<ParseProblem> problems) {

    /**
     * @throws IllegalArgumentException if a list is missing
     */
    public DataBlock {
        if (dataSets == null || problems == null) {
            throw new IllegalArgumentException("lists are required");
        }
        dataSets = List.copyOf(dataSets);
        problems = List.copyOf(problems);
    }

    /**
     * Reads the data sets of a data block.
     *
     * @param block the text between STX and ETX
     * @return the data sets, the end marker, and any problems; never throws for malformed text
     */
    public static DataBlock parse(String block) {
        if (block == null) {
            throw new IllegalArgumentException("block is required");
        }
        List<DataSet> sets = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        boolean endMarker = false;
        int n = block.length();
        int pos = 0;
        while (pos < n) {
            char c = block.charAt(pos);
            if (c == '\r' || c == '\n') {
                pos++;
                continue;
            }
            if (c == '!') {
                endMarker = true;
                pos++;
                continue;
            }
            if (endMarker) {
                problems.add(new ParseProblem(pos, "text after the end marker '!'"));
                pos = endOfLine(block, pos);
                continue;
            }
            int open = pos;
            while (open < n && "(\r\n".indexOf(block.charAt(open)) < 0) {
                open++;
            }
            if (open == n || block.charAt(open) != '(') {
                problems.add(new ParseProblem(pos, "text without '(value)'"));
                pos = open;
                continue;
            }
            int close = open + 1;
            while (close < n && ")\r\n".indexOf(block.charAt(close)) < 0) {
                close++;
            }
            if (close == n || block.charAt(close) != ')') {
                problems.add(new ParseProblem(open, "'(' without ')' on the same line"));
                pos = close;
                continue;
            }
            String inner = block.substring(open + 1, close);
            int star = inner.indexOf('*');
            String value = star < 0 ? inner : inner.substring(0, star);
            String unit = star < 0 ? "" : inner.substring(star + 1);
            try {
                sets.add(new DataSet(block.substring(pos, open), value, unit));
            } catch (IllegalArgumentException e) {
                problems.add(new ParseProblem(pos, "data set not valid: " + e.getMessage()));
            }
            pos = close + 1;
        }
        return new DataBlock(sets, endMarker, problems);
    }

    private static int endOfLine(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
            i++;
        }
        return i;
    }
}
