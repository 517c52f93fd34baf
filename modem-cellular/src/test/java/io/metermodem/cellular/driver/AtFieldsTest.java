package io.metermodem.cellular.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parsing of AT information lines and the 3GPP value tables both drivers share (HAL-7, TS
 * 27.007): +CSQ to dBm, registration states and access technologies, comma splitting with quotes,
 * numbers; registration reports the module sends parse back to what they say, and any other text
 * gives exactly the documented empty values, never an exception.
 */
class AtFieldsTest {

    /** TS 27.007 7.2 {@code <stat>}: the values with a meaning; every other one is UNKNOWN. */
    private static final Map<Integer, RegistrationState> STATES = Map.of(
            0, RegistrationState.NOT_REGISTERED, 1, RegistrationState.REGISTERED_HOME,
            2, RegistrationState.SEARCHING, 3, RegistrationState.DENIED, 5, RegistrationState.REGISTERED_ROAMING);
    /** TS 27.007 7.3 {@code <AcT>} as the modules report it; every other value names no technology. */
    private static final Map<Integer, AccessTechnology> TECHNOLOGIES = Map.of(
            0, AccessTechnology.GSM, 1, AccessTechnology.GSM, 3, AccessTechnology.GSM,
            2, AccessTechnology.UMTS, 4, AccessTechnology.UMTS, 5, AccessTechnology.UMTS, 6, AccessTechnology.UMTS,
            7, AccessTechnology.LTE, 8, AccessTechnology.LTE_CAT_M1, 9, AccessTechnology.NB_IOT);

    @Test
    @DisplayName("HAL-7: +CSQ rssi maps to dBm as -113 + 2n; 99 is unknown")
    void csq() {
        assertEquals(OptionalInt.of(-113), AtFields.csqToDbm(0));
        assertEquals(OptionalInt.of(-73), AtFields.csqToDbm(20));
        assertEquals(OptionalInt.of(-51), AtFields.csqToDbm(31));
        assertEquals(OptionalInt.empty(), AtFields.csqToDbm(99));
    }

    static IntStream csqValues() {
        return IntStream.rangeClosed(-1, 100);
    }

    @ParameterizedTest(name = "rssi {0}")
    @MethodSource("csqValues")
    @DisplayName("HAL-7: every +CSQ rssi 0..31 is -113 + 2n dBm; every other value (99 unknown, 32..98, 100, -1) is empty")
    void everyCsqValue(int rssi) {
        assertEquals(rssi >= 0 && rssi <= 31 ? OptionalInt.of(-113 + 2 * rssi) : OptionalInt.empty(),
                AtFields.csqToDbm(rssi));
    }

    static IntStream codes() {
        return IntStream.rangeClosed(-1, 12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codes")
    @DisplayName("HAL-7: every <stat> maps to its registration state and every <AcT> to its technology (TS 27.007 7.2, 7.3)")
    void everyStatAndAct(int code) {
        assertEquals(STATES.getOrDefault(code, RegistrationState.UNKNOWN), AtFields.registration(code));
        assertEquals(TECHNOLOGIES.getOrDefault(code, AccessTechnology.NONE), AtFields.technology(code));
    }

    @Test
    @DisplayName("HAL-7: registration reports: a URC starts with <stat>, a query answer with <n>; <AcT> gives the technology")
    void registrationReports() {
        assertEquals(new AtFields.Registration(RegistrationState.REGISTERED_ROAMING, AccessTechnology.LTE),
                AtFields.registrationReport(AtFields.split("5,\"1A2B\",\"01C3D4E5\",7"), false));
        assertEquals(new AtFields.Registration(RegistrationState.REGISTERED_HOME, AccessTechnology.UMTS),
                AtFields.registrationReport(AtFields.split("2,1,\"1A2B\",\"01C3D4E5\",2"), true));
        assertEquals(new AtFields.Registration(RegistrationState.SEARCHING, AccessTechnology.NONE),
                AtFields.registrationReport(AtFields.split("0,2"), true));
        assertEquals(AccessTechnology.LTE_CAT_M1, AtFields.technology(8));
        assertEquals(AccessTechnology.NB_IOT, AtFields.technology(9));
        assertEquals(RegistrationState.DENIED, AtFields.registration(3));
    }

    @Test
    @DisplayName("HAL-7: values split on commas outside quotes")
    void split() {
        assertEquals(List.of("0", "0", "Net, Inc.", "7"), AtFields.split("0,0,\"Net, Inc.\",7"));
    }

    @Test
    @DisplayName("HAL-7: a number field is optional minus and 1..9 characters of ASCII digits; other digits, signs and longer runs are empty")
    void numbers() {
        List<String> fields = List.of("7", "-12", "+5", "", "-", "1234567890", "123456789", "-12345678", "\u0663",
                "1 2", "0x1F", "99");
        assertEquals(OptionalInt.of(7), AtFields.number(fields, 0));
        assertEquals(OptionalInt.of(-12), AtFields.number(fields, 1));
        assertEquals(OptionalInt.empty(), AtFields.number(fields, 2));
        assertEquals(OptionalInt.empty(), AtFields.number(fields, 3));
        assertEquals(OptionalInt.empty(), AtFields.number(fields, 4));
        assertEquals(OptionalInt.empty(), AtFields.number(fields, 5), "ten digits");
        assertEquals(OptionalInt.of(123_456_789), AtFields.number(fields, 6));
        assertEquals(OptionalInt.of(-12_345_678), AtFields.number(fields, 7));
        assertEquals(OptionalInt.empty(), AtFields.number(fields, 8), "an Arabic-Indic digit is no ASCII digit");
        assertEquals(OptionalInt.empty(), AtFields.number(fields, 9));
        assertEquals(OptionalInt.empty(), AtFields.number(fields, 10));
        assertEquals(OptionalInt.empty(), AtFields.number(fields, -1));
        assertEquals(OptionalInt.empty(), AtFields.number(fields, fields.size()));
    }

    /** A registration report as a module words it, and what it says. */
    private record Report(String text, boolean solicited, RegistrationState state, AccessTechnology technology) {
    }

    /** {@code [<n>,]<stat>[,<lac>,<ci>[,<AcT>]]}, spaced and quoted as Quectel and Telit modules do. */
    private static Report report(Gen gen) {
        boolean solicited = gen.bool();
        int stat = gen.chance(0.8) ? gen.uniformInt(0, 5) : gen.intBetween(6, 99_999_999);
        List<String> fields = new ArrayList<>();
        if (solicited) {
            fields.add(Integer.toString(gen.uniformInt(0, 2)));
        }
        fields.add(Integer.toString(stat));
        Integer act = null;
        if (gen.chance(0.7)) {
            fields.add('"' + gen.string(1, 4, "0123456789ABCDEF") + '"');
            fields.add('"' + gen.string(1, 8, "0123456789ABCDEF") + '"');
            if (gen.chance(0.8)) {
                act = gen.chance(0.9) ? gen.uniformInt(0, 9) : gen.intBetween(10, 999);
                fields.add(Integer.toString(act));
                if (gen.bool()) {
                    // later TS 27.007 fields: <cause_type>,<reject_cause> or Telit's extras
                    fields.add(Integer.toString(gen.uniformInt(0, 1)));
                    fields.add(Integer.toString(gen.uniformInt(0, 255)));
                }
            }
        }
        String separator = gen.oneOf(",", ", ", " ,");
        String text = gen.oneOf("", " ") + String.join(separator, fields) + gen.oneOf("", " ");
        return new Report(text, solicited, STATES.getOrDefault(stat, RegistrationState.UNKNOWN),
                act == null ? AccessTechnology.NONE : TECHNOLOGIES.getOrDefault(act, AccessTechnology.NONE));
    }

    @Property(tries = 500)
    @DisplayName("HAL-7: every registration report a module sends (URC or answer, with or without location and <AcT>)"
            + " parses back to the state and technology it carries")
    void registrationReportsRoundTrip(Gen gen) {
        Report r = report(gen);
        assertEquals(new AtFields.Registration(r.state(), r.technology()),
                AtFields.registrationReport(AtFields.split(r.text()), r.solicited()), r.text());
    }

    /** Text as odd as a module or the line can make it: any characters, or the characters of the fields only. */
    private static String anyText(Gen gen) {
        return switch (gen.uniformInt(0, 2)) {
            case 0 -> gen.anyChars(0, 60);
            case 1 -> gen.ascii(0, 60);
            default -> gen.string(0, 40, "0123456789,\" -+\u0663\t");
        };
    }

    /** @return whether the field is what {@link AtFields#number} documents as a number */
    private static boolean isNumber(String field) {
        int digitsFrom = field.startsWith("-") ? 1 : 0;
        return field.length() > digitsFrom && field.length() <= 9
                && field.substring(digitsFrom).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Property(tries = 500)
    @DisplayName("HAL-7: parsing any text the module sends never throws: the fields, numbers, state and technology are"
            + " exactly the documented ones")
    void neverThrows(Gen gen) {
        String text = anyText(gen);
        boolean solicited = gen.bool();
        List<String> fields = AtFields.split(text);

        // split: one field more than commas outside quotes (a quote left open runs to the end), each
        // trimmed, no quote left
        String outsideQuotes = text.replaceAll("\"[^\"]*(\"|\\z)", "");
        assertEquals(outsideQuotes.chars().filter(c -> c == ',').count() + 1, fields.size(), text);
        for (String f : fields) {
            assertEquals(f.trim(), f, text);
            assertFalse(f.contains("\""), text);
        }
        if (text.indexOf('"') < 0) {
            // without quotes every comma separates: the plain split of the JDK is the reference
            assertEquals(Arrays.stream(text.split(",", -1)).map(String::trim).toList(), fields, text);
        }

        // number: present exactly for an optional minus and 1..9 characters of ASCII digits
        for (int i = -1; i <= fields.size(); i++) {
            OptionalInt n = AtFields.number(fields, i);
            boolean number = i >= 0 && i < fields.size() && isNumber(fields.get(i));
            assertEquals(number ? OptionalInt.of(Integer.parseInt(fields.get(i))) : OptionalInt.empty(), n,
                    () -> text + " field " + n);
        }

        // registration report: <stat> at index 0 (URC) or 1 (answer), <AcT> three further on
        int base = solicited ? 1 : 0;
        OptionalInt stat = AtFields.number(fields, base);
        OptionalInt act = AtFields.number(fields, base + 3);
        RegistrationState state = stat.isPresent()
                ? STATES.getOrDefault(stat.getAsInt(), RegistrationState.UNKNOWN) : RegistrationState.UNKNOWN;
        AccessTechnology technology = act.isPresent()
                ? TECHNOLOGIES.getOrDefault(act.getAsInt(), AccessTechnology.NONE) : AccessTechnology.NONE;
        assertEquals(new AtFields.Registration(state, technology), AtFields.registrationReport(fields, solicited), text);
    }

    @Property(tries = 500)
    @DisplayName("HAL-7: any fields joined with commas, quoted when they hold a comma, split back to themselves")
    void splitRoundTrip(Gen gen) {
        List<String> fields = gen.listOf(1, 8, () -> gen.string(0, 12, "abcXYZ019 .,:+-_"))
                .stream().map(String::trim).toList();
        String text = String.join(gen.oneOf(",", ", "), fields.stream()
                .map(f -> f.contains(",") || gen.bool() ? '"' + f + '"' : f).toList());
        assertEquals(fields, AtFields.split(text), text);
    }
}
