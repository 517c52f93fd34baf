package io.metermodem.config.file;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.metermodem.config.ChangeResult;
import io.metermodem.config.Configuration;
import io.metermodem.config.Parameter;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.ParameterType;
import io.metermodem.config.Transaction;
import io.metermodem.config.ValueCheck;
import io.metermodem.config.password.PasswordHash;
import io.metermodem.hal.serial.Rs485Mode;
import io.metermodem.testsupport.Gen;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values of the WM-E2S parameters drawn from a {@link Gen}, for the {@code .cfg} properties (CFG-1,
 * CFG-5): valid ones in any spelling a file may use together with the canonical text they must
 * import as, and invalid ones. Every value is worked out here, independently of the parser, so a
 * property can say exactly what an import must produce.
 */
final class CfgValues {

    /** Characters of free text: printable ASCII and some that take 2, 3 and 4 bytes in UTF-8. */
    private static final int[] TEXT_CODE_POINTS = textCodePoints();
    private static final String HOST_LABEL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private CfgValues() {
    }

    /**
     * One parameter's value as a file writes it.
     *
     * @param name      the parameter
     * @param spelled   the value text written after {@code =} (no surrounding white space)
     * @param canonical the text the configuration must hold after the import; for a password that is
     *                  set from clear text, null (the hash has a fresh salt), see {@code password}
     * @param password  for a password parameter set from clear text, that text; else null
     */
    record Setting(String name, String spelled, String canonical, String password) {

        /** @return whether the configuration holds this value */
        boolean heldBy(Configuration c) {
            if (password != null) {
                return c.isPasswordSet(name) && c.passwordMatches(name, password);
            }
            return c.valueText(name).equals(canonical);
        }
    }

    /**
     * A valid value of one parameter, spelled in one of the ways its type accepts.
     *
     * @param gen the case's generator
     * @param p   the parameter
     * @return the value
     */
    static Setting valid(Gen gen, Parameter p) {
        String name = p.name();
        return switch (p.type()) {
            case ParameterType.IntegerRange r -> integer(gen, name, gen.intBetween(r.min(), r.max()));
            case ParameterType.IntegerChoice c -> integer(gen, name, gen.oneOf(c.values()));
            case ParameterType.Port port -> integer(gen, name, gen.intBetween(port.zeroMeansOff() ? 0 : 1, 65_535));
            case ParameterType.Flag f -> plain(name, gen.bool() ? "1" : "0");
            case ParameterType.Choice c -> {
                String word = gen.oneOf(c.words());
                yield new Setting(name, randomCase(gen, word), word, null);
            }
            case ParameterType.Host h -> host(gen, name, h.optional());
            case ParameterType.Text t -> plain(name, text(gen, name, t.maxLength()));
            case ParameterType.SecretText s -> plain(name, text(gen, name, s.maxLength()));
            case ParameterType.Password pw -> password(gen, name, pw.maxLength());
        };
    }

    /**
     * A value text the parameter's type refuses, without control characters or surrounding white space
     * (those are the line's errors, not the value's).
     *
     * @param gen the case's generator
     * @param p   the parameter
     * @return the invalid value text
     */
    static String invalid(Gen gen, Parameter p) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String candidate = switch (gen.intBetween(0, 5)) {
                case 0 -> gen.printable(1, 12).strip();
                case 1 -> gen.alphanumeric(1, 12);
                case 2 -> Long.toString(gen.longBetween(-99_999_999_999L, 99_999_999_999L));
                case 3 -> "x".repeat(gen.intBetween(65, 300)); // longer than every text type allows
                case 4 -> PasswordHash.PREFIX + gen.alphanumeric(0, 20); // a hash form that is not well formed
                default -> gen.oneOf("1.5", "0x10", "--1", "yes", "a..b", "-host", "256.1.1.1", "1.2.3", "é", "E2 Q0");
            };
            if (!candidate.isEmpty() && p.type().check(candidate) instanceof ValueCheck.Invalid) {
                return candidate;
            }
        }
        // Too long for every type: more than 253 characters (host names) and than any text's limit.
        return "y".repeat(300);
    }

    /**
     * A complete valid configuration: every parameter drawn, then the few combinations the rules across
     * parameters forbid (CFG-1) mended.
     *
     * @param gen      the case's generator
     * @param registry the registry
     * @return every parameter's setting, in registry order
     */
    static Map<String, Setting> validConfiguration(Gen gen, ParameterRegistry registry) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (Parameter p : registry.parameters()) {
            settings.put(p.name(), valid(gen, p));
        }
        int transparent = Integer.parseInt(settings.get("m2m.transparent_port").canonical());
        if (Integer.parseInt(settings.get("m2m.customer_port").canonical()) == transparent) {
            settings.put("m2m.customer_port", integer(gen, "m2m.customer_port", transparent == 1 ? 2 : transparent - 1));
        }
        if (settings.get("net.operator_mode").canonical().equals("manual")
                && settings.get("net.operator").canonical().isEmpty()) {
            settings.put("net.operator", plain("net.operator", digits(gen, gen.intBetween(5, 6))));
        }
        if (settings.get("amm.enable").canonical().equals("1")) {
            if (settings.get("amm.server").canonical().isEmpty()) {
                settings.put("amm.server", plain("amm.server", "10.0.0." + gen.intBetween(1, 254)));
            }
            if (settings.get("amm.port").canonical().equals("0")) {
                settings.put("amm.port", integer(gen, "amm.port", gen.intBetween(1, 65_535)));
            }
        }
        if (settings.get("amm.last_gasp").canonical().equals("1")
                && settings.get("amm.last_gasp_number").canonical().isEmpty()) {
            settings.put("amm.last_gasp_number", plain("amm.last_gasp_number", "+36" + digits(gen, 9)));
        }
        if (!settings.get("rs485.mode").canonical().equals("off")
                && Integer.parseInt(settings.get("tm.baud").canonical()) > Rs485Mode.MAX_BAUD) {
            settings.put("tm.baud", integer(gen, "tm.baud", gen.oneOf(300, 600, 1200, 2400, 4800, 9600)));
        }
        return settings;
    }

    /**
     * Applies settings to the defaults; they must be accepted.
     *
     * @param registry the registry
     * @param settings the settings
     * @return the configuration
     */
    static Configuration configure(ParameterRegistry registry, Iterable<Setting> settings) {
        Transaction.Builder tx = Transaction.builder();
        settings.forEach(s -> tx.set(s.name(), s.spelled()));
        ChangeResult result = tx.build().validate(registry.defaults());
        return assertInstanceOf(ChangeResult.Accepted.class, result, "generated settings must be valid: " + result)
                .next();
    }

    /** One of the rules across parameters (CFG-1), broken by settings that are each valid alone. */
    record Conflict(String errorName, List<Setting> settings) {
    }

    /**
     * Settings that break exactly one rule across parameters, each of them valid alone.
     *
     * @param gen the case's generator
     * @return the settings and the name the rule's error carries
     */
    static Conflict conflict(Gen gen) {
        return switch (gen.intBetween(0, 4)) {
            case 0 -> {
                int port = gen.intBetween(1, 65_535);
                yield new Conflict("m2m.customer_port", List.of(integer(gen, "m2m.transparent_port", port),
                        integer(gen, "m2m.customer_port", port)));
            }
            case 1 -> new Conflict("net.operator", List.of(new Setting("net.operator_mode",
                    randomCase(gen, "manual"), "manual", null), plain("net.operator", "")));
            case 2 -> gen.bool()
                    ? new Conflict("amm.enable", List.of(plain("amm.enable", "1"), plain("amm.server", ""),
                            integer(gen, "amm.port", gen.intBetween(1, 65_535))))
                    : new Conflict("amm.enable", List.of(plain("amm.enable", "1"), plain("amm.server", "10.1.2.3"),
                            integer(gen, "amm.port", 0)));
            case 3 -> new Conflict("amm.last_gasp", List.of(plain("amm.last_gasp", "1"),
                    plain("amm.last_gasp_number", "")));
            default -> new Conflict("tm.baud", List.of(plain("rs485.mode", gen.oneOf("2wire", "4wire")),
                    integer(gen, "tm.baud", gen.oneOf(19_200, 38_400, 57_600, 115_200))));
        };
    }

    private static Setting plain(String name, String canonical) {
        return new Setting(name, canonical, canonical, null);
    }

    /** An integer as {@code [+-]?[0-9]{1,10}} allows: a plus sign, leading zeros, minus zero. */
    private static Setting integer(Gen gen, String name, int value) {
        String canonical = Integer.toString(value);
        String spelled = canonical;
        switch (gen.intBetween(0, 5)) {
            case 0 -> spelled = "+" + canonical;
            case 1 -> spelled = canonical.length() < 10
                    ? "0".repeat(gen.intBetween(1, 10 - canonical.length())) + canonical : canonical;
            case 2 -> spelled = value == 0 ? gen.oneOf("-0", "+0", "-0000000000") : canonical;
            default -> {
            }
        }
        return new Setting(name, spelled, canonical, null);
    }

    private static Setting host(Gen gen, String name, boolean optional) {
        int kind = gen.intBetween(optional ? 0 : 1, 4);
        if (kind == 0) {
            return plain(name, "");
        }
        if (kind <= 2) {
            String ip = gen.intBetween(0, 255) + "." + gen.intBetween(0, 255) + "." + gen.intBetween(0, 255) + "."
                    + gen.intBetween(0, 255);
            return plain(name, ip);
        }
        List<String> labels = new ArrayList<>();
        int count = gen.intBetween(1, 4);
        for (int i = 0; i < count; i++) {
            StringBuilder label = new StringBuilder();
            // The last label starts with a letter, so the name is never all digits (an IPv4 look-alike).
            label.append(i == count - 1 ? (char) ('a' + gen.intBetween(0, 25))
                    : HOST_LABEL_CHARS.charAt(gen.intBetween(0, HOST_LABEL_CHARS.length() - 1)));
            int middle = gen.intBetween(0, 12);
            for (int j = 0; j < middle; j++) {
                label.append(gen.oneOf("a", "z", "0", "9", "-", "q", "7"));
            }
            if (middle > 0) {
                label.append(HOST_LABEL_CHARS.charAt(gen.intBetween(0, HOST_LABEL_CHARS.length() - 1)));
            }
            labels.add(label.toString());
        }
        String canonical = String.join(".", labels);
        return new Setting(name, randomCase(gen, canonical), canonical, null);
    }

    private static String text(Gen gen, String name, int maxLength) {
        return switch (name) {
            case "conn.apn_name" -> gen.string(0, maxLength, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");
            case "conn.apn_user", "conn.apn_pass" -> freeText(gen, maxLength);
            case "sim.pin" -> gen.bool() ? "" : digits(gen, gen.intBetween(4, 8));
            case "net.operator" -> gen.bool() ? "" : digits(gen, gen.intBetween(5, 6));
            case "amm.last_gasp_number" -> gen.bool() ? "" : (gen.bool() ? "+" : "") + digits(gen, gen.intBetween(3, 19));
            case "at.profile" -> atProfile(gen);
            default -> throw new AssertionError("no value generator for text parameter " + name + ": add one");
        };
    }

    /** Free text of at most {@code maxLength} UTF-16 units that reads back as itself: no white space at its ends. */
    private static String freeText(Gen gen, int maxLength) {
        StringBuilder text = new StringBuilder();
        int target = gen.size(0, maxLength);
        while (true) {
            int cp = TEXT_CODE_POINTS[gen.uniformInt(0, TEXT_CODE_POINTS.length - 1)];
            if (text.length() + Character.charCount(cp) > target) {
                break;
            }
            text.appendCodePoint(cp);
        }
        return text.toString().strip();
    }

    private static String atProfile(Gen gen) {
        return "E" + gen.intBetween(0, 1) + " Q" + gen.intBetween(0, 1) + " V" + gen.intBetween(0, 1)
                + " X" + gen.intBetween(0, 4) + " &C" + gen.intBetween(0, 2) + " &D" + gen.intBetween(0, 2)
                + " &K" + gen.oneOf(0, 3) + " S0=" + gen.intBetween(0, 255) + " S2=" + gen.intBetween(0, 255)
                + " S3=" + gen.intBetween(0, 127) + " S4=" + gen.intBetween(0, 127) + " S5=" + gen.intBetween(0, 127)
                + " S6=" + gen.intBetween(2, 10) + " S7=" + gen.intBetween(1, 255) + " S8=" + gen.intBetween(0, 255)
                + " S10=" + gen.intBetween(1, 254) + " S12=" + gen.intBetween(0, 255);
    }

    private static Setting password(Gen gen, String name, int maxLength) {
        switch (gen.intBetween(0, 3)) {
            case 0:
                return plain(name, "");
            case 1: {
                // The hash form an export writes is taken as it is.
                String hash = PasswordHash.create(gen.alphanumeric(1, 20), PasswordHash.MIN_ITERATIONS).encoded();
                return plain(name, hash);
            }
            default: {
                String password = gen.string(1, maxLength, '!', '~');
                if (gen.bool() && password.length() >= 3) {
                    password = password.charAt(0) + " " + password.substring(2); // inner spaces are kept
                }
                if (PasswordHash.looksEncoded(password)) {
                    password = "p" + password.substring(1);
                }
                return new Setting(name, password, null, password);
            }
        }
    }

    private static String digits(Gen gen, int count) {
        return gen.string(count, count, "0123456789");
    }

    private static String randomCase(Gen gen, String word) {
        StringBuilder spelled = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            spelled.append(gen.bool() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return spelled.toString();
    }

    private static int[] textCodePoints() {
        List<Integer> cps = new ArrayList<>();
        for (int c = 0x20; c <= 0x7E; c++) {
            cps.add(c);
        }
        // 2-, 3- and 4-byte UTF-8 characters: accented Latin, the euro sign, CJK, an emoji.
        for (int cp : new int[] {0xE9, 0x151, 0xFC, 0x20AC, 0x4E2D, 0x1F600}) {
            cps.add(cp);
        }
        return cps.stream().mapToInt(Integer::intValue).toArray();
    }
}
