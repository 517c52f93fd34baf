package io.metermodem.cellular.driver;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.RegistrationState;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Parsing of AT information lines and the 3GPP value mappings both dialects share (HAL-7, TS 27.007).
 * Everything here takes text from the module and never throws on odd input: unknown values come
 * back empty or as {@code UNKNOWN}.
 */
public final class AtFields {

    private AtFields() {
    }

    /**
     * Splits comma-separated values, honouring double quotes, and removes the quotes.
     *
     * @param text such as {@code 0,"Telekom.de",7}
     * @return the fields, trimmed
     */
    public static List<String> split(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().trim());
        return fields;
    }

    /**
     * @param fields fields from {@link #split(String)}
     * @param index  which one
     * @return the field as a number, or empty when missing or not a number
     */
    public static OptionalInt number(List<String> fields, int index) {
        if (index < 0 || index >= fields.size()) {
            return OptionalInt.empty();
        }
        String f = fields.get(index);
        if (f.isEmpty() || f.length() > 9 || !f.matches("-?\\d+")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(f));
    }

    /**
     * @param stat the {@code <stat>} of {@code +CREG}/{@code +CGREG}/{@code +CEREG}
     * @return the registration state
     */
    public static RegistrationState registration(int stat) {
        return switch (stat) {
            case 0 -> RegistrationState.NOT_REGISTERED;
            case 1 -> RegistrationState.REGISTERED_HOME;
            case 2 -> RegistrationState.SEARCHING;
            case 3 -> RegistrationState.DENIED;
            case 5 -> RegistrationState.REGISTERED_ROAMING;
            default -> RegistrationState.UNKNOWN;
        };
    }

    /**
     * @param act the {@code <AcT>} of {@code +COPS}/{@code +CREG} (TS 27.007 7.3); 8 and 9 as the
     *            Cat-M/NB-IoT modules report them
     * @return the technology
     */
    public static AccessTechnology technology(int act) {
        return switch (act) {
            case 0, 1, 3 -> AccessTechnology.GSM;
            case 2, 4, 5, 6 -> AccessTechnology.UMTS;
            case 7 -> AccessTechnology.LTE;
            case 8 -> AccessTechnology.LTE_CAT_M1;
            case 9 -> AccessTechnology.NB_IOT;
            default -> AccessTechnology.NONE;
        };
    }

    /**
     * {@code +CSQ} {@code <rssi>} to dBm (TS 27.007 8.5): 0 is -113 dBm or less, 31 is -51 or more.
     *
     * @param rssi 0..31, 99 unknown
     * @return dBm, or empty when unknown
     */
    public static OptionalInt csqToDbm(int rssi) {
        return rssi >= 0 && rssi <= 31 ? OptionalInt.of(-113 + 2 * rssi) : OptionalInt.empty();
    }

    /**
     * A registration report, URC or answer, as the fields after the prefix.
     *
     * @param fields  the fields
     * @param solicited true for the answer to a query, whose first field is {@code <n>}
     * @return state and technology (NONE when the report has no {@code <AcT>})
     */
    public static Registration registrationReport(List<String> fields, boolean solicited) {
        int base = solicited ? 1 : 0;
        OptionalInt stat = number(fields, base);
        OptionalInt act = number(fields, base + 3);
        return new Registration(stat.isPresent() ? registration(stat.getAsInt()) : RegistrationState.UNKNOWN,
                act.isPresent() ? technology(act.getAsInt()) : AccessTechnology.NONE);
    }

    /**
     * One registration report.
     *
     * @param state      the state
     * @param technology the technology it names, NONE when it names none
     */
    public record Registration(RegistrationState state, AccessTechnology technology) {
    }
}
