package io.metermodem.cellular.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which received lines are unsolicited result codes, and how many lines follow each header (HAL-7).
 * Immutable; {@link #with(String, int)} gives an extended copy, so each dialect adds its own.
 */
public final class UrcTable {

    private record Entry(String prefix, int followingLines) {
    }

    /**
     * The codes of TS 27.007/27.005 and V.250 that every module sends: {@code RING}, {@code +CRING},
     * {@code +CLIP}, {@code +CMTI}, {@code +CMT}/{@code +CDS}/{@code +CBM} (each followed by one PDU
     * line), {@code +CREG}/{@code +CGREG}/{@code +CEREG}, {@code +CPIN}.
     */
    public static final UrcTable STANDARD = new UrcTable(List.of())
            .with("RING", 0).with("+CRING:", 0).with("+CLIP:", 0).with("+CMTI:", 0)
            .with("+CMT:", 1).with("+CDS:", 1).with("+CBM:", 1)
            .with("+CREG:", 0).with("+CGREG:", 0).with("+CEREG:", 0).with("+CPIN:", 0);

    private final List<Entry> entries;

    private UrcTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param prefix         the start of the header line, such as {@code +QIURC:}
     * @param followingLines how many lines after the header belong to the code (0..4)
     * @return a copy with the entry added
     */
    public UrcTable with(String prefix, int followingLines) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty() || followingLines < 0 || followingLines > 4) {
            throw new IllegalArgumentException("URC prefix must be non-empty and following lines 0..4");
        }
        List<Entry> copy = new ArrayList<>(entries);
        copy.add(new Entry(prefix, followingLines));
        return new UrcTable(copy);
    }

    /**
     * @param line a received line
     * @return the number of continuation lines when the line is an unsolicited header, else -1
     */
    public int match(String line) {
        for (Entry e : entries) {
            if (line.startsWith(e.prefix)) {
                return e.followingLines;
            }
        }
        return -1;
    }
}
