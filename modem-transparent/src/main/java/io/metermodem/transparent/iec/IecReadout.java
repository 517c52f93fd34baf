package io.metermodem.transparent.iec;

import java.util.List;
import java.util.Optional;

/**
 * The result of a successful IEC 62056-21 data readout (TR-9): the meter's identification and the
 * data sets of its data message, with lookups for the registers {@code mread} reports (SMS-8).
 *
 * @param identification the meter's identification message
 * @param dataSets       the data sets in the order the meter sent them
 * @param problems       parts of the data block that were not data sets (usually empty)
 */
public record IecReadout(Identification identification, List<DataSet> dataSets, List<ParseProblem> problems) {

    /** Address of the meter serial number register. */
    public static final String METER_SERIAL = "C.1.0";
    /** Address of the meter time register ({@code hh:mm:ss}). */
    public static final String METER_TIME = "0.9.1";
    /** Address of the meter date register ({@code YY-MM-DD} on most meters). */
    public static final String METER_DATE = "0.9.2";

    /**
     * @throws IllegalArgumentException if a field is missing
     */
    public IecReadout {
        if (identification == null || dataSets == null || problems == null) {
            throw new IllegalArgumentException("identification, data sets and problems are required");
        }
        dataSets = List.copyOf(dataSets);
        problems = List.copyOf(problems);
    }

    /**
     * The first data set with the given address. An address written with the OBIS medium/channel
     * prefix ({@code 1-0:1.8.0}) also matches the short form ({@code 1.8.0}), and the other way round,
     * because meters differ in which form they send.
     *
     * @param address register address, e.g. {@code C.1.0}
     * @return the data set, or empty when the meter did not send it
     */
    public Optional<DataSet> find(String address) {
        if (address == null) {
            throw new IllegalArgumentException("address is required");
        }
        String wanted = shortForm(address);
        for (DataSet set : dataSets) {
            if (set.address().equals(address)) {
                return Optional.of(set);
            }
        }
        for (DataSet set : dataSets) {
            if (shortForm(set.address()).equals(wanted)) {
                return Optional.of(set);
            }
        }
        return Optional.empty();
    }

    /**
     * @param address register address
     * @return the value of the first data set with that address, without unit
     */
    public Optional<String> value(String address) {
        return find(address).map(DataSet::value);
    }

    /** @return the meter serial number (register C.1.0) */
    public Optional<String> meterSerial() {
        return value(METER_SERIAL);
    }

    /** @return the meter time (register 0.9.1) as the meter wrote it */
    public Optional<String> meterTime() {
        return value(METER_TIME);
    }

    /** @return the meter date (register 0.9.2) as the meter wrote it */
    public Optional<String> meterDate() {
        return value(METER_DATE);
    }

    private static String shortForm(String address) {
        int colon = address.indexOf(':');
        return colon < 0 ? address : address.substring(colon + 1);
    }
}
