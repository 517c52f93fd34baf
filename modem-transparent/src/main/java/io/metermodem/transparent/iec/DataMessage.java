package io.metermodem.transparent.iec;

import java.util.List;

/**
 * The data message {@code STX data-block ETX BCC} (IEC 62056-21 clause "Data message"). In a
 * readout the block is a list of data set lines ending with {@code ! CR LF}; in programming mode a
 * meter answers a read command with a block such as {@code (value)} and no end marker.
 *
 * @param dataBlock the text between STX and ETX: printable characters, CR and LF
 */
public record DataMessage(String dataBlock) implements IecMessage {

    /**
     * @throws IllegalArgumentException if the block holds a control character other than CR and LF
     */
    public DataMessage {
        if (dataBlock == null) {
            throw new IllegalArgumentException("data block is required");
        }
        int bad = Ascii.firstNonDataChar(dataBlock);
        if (bad >= 0) {
            throw new IllegalArgumentException("data block holds " + Ascii.hex(dataBlock.charAt(bad)) + " at " + bad);
        }
    }

    /**
     * A readout data message: one data set per line, then the end marker {@code ! CR LF}.
     *
     * @param dataSets the data sets
     * @return the message
     */
    public static DataMessage readout(List<DataSet> dataSets) {
        StringBuilder block = new StringBuilder();
        for (DataSet set : dataSets) {
            block.append(set.toText()).append("\r\n");
        }
        return new DataMessage(block.append("!\r\n").toString());
    }

    /** @return the data block read as data sets (lenient; see {@link DataBlock#parse}) */
    public DataBlock parse() {
        return DataBlock.parse(dataBlock);
    }

    /** @return the data sets of the block */
    public List<DataSet> dataSets() {
        return parse().dataSets();
    }
}
