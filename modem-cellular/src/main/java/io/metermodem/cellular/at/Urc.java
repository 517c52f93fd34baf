package io.metermodem.cellular.at;

import java.util.List;

/**
 * An unsolicited result code (HAL-7): its header line and, for multi-line codes such as
 * {@code +CMT} (header then the PDU), the lines that belong to it.
 *
 * @param lines the header line first, then its continuation lines; never empty
 */
public record Urc(List<String> lines) {

    /** Checks and copies the lines. */
    public Urc {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an unsolicited code has at least its header line");
        }
    }

    /** @return the header line, such as {@code +CMTI: "SM",3} */
    public String header() {
        return lines.get(0);
    }

    /**
     * @param prefix such as {@code +CREG:}
     * @return true when the header starts with it
     */
    public boolean is(String prefix) {
        return header().startsWith(prefix);
    }

    /**
     * @param prefix the header's prefix
     * @return the header's text after the prefix, trimmed
     */
    public String value(String prefix) {
        return header().substring(Math.min(prefix.length(), header().length())).trim();
    }
}
