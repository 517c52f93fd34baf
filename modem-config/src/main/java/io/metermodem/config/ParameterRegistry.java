package io.metermodem.config;

import io.metermodem.config.password.PasswordHash;
import io.metermodem.hal.serial.Rs485Mode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The set of parameters a modem knows, in a fixed order, with the rules across them (CFG-1).
 *
 * <p>{@link #wmE2s()} is the WM-E2S parameter set: every group of the WM-E Term tool, with the
 * manual's names where the manual gives them ({@code conn.apn_*}, {@code csd.password},
 * {@code dm.tls_enable/cert/ca_cert/verify}, {@code tm.tls_enable/cert/ca_cert/verify}) and names
 * in the same {@code group.name} style for the rest. Decisions where the manual is silent:
 * <ul>
 *   <li>{@code m2m.transparent_port} defaults to 9000 and {@code m2m.config_port} to 9001, the
 *       ports WM-E tooling uses ({@code tm_server.port}, {@code fw_server.port}); the customer
 *       (secondary) port defaults to 0, off, and must differ from the utility port (manual 3.10).</li>
 *   <li>{@code wd.reconnect_seconds} never goes below {@value #RECONNECT_FLOOR_SECONDS} s (NET-3):
 *       the manual warns that operators limit how often a modem may log on.</li>
 *   <li>{@code sim.absent_restart_minutes} (CFG-9): how long the modem runs without a SIM before it
 *       restarts to look again (manual 3.2: "performing restart periodically").</li>
 *   <li>{@code sec.control_aes} switches the optional AES encryption of the control port (SEC-4).</li>
 *   <li>LED defaults are the factory functions of LED-2: LED1 GSM/GPRS, LED2 SIM, LED3 E-meter.</li>
 *   <li>Passwords, LED functions, Last Gasp settings and the AT profile apply without a restart;
 *       everything that shapes the network, ports or meter line needs one (CFG-4).</li>
 *   <li>{@code at.profile} is the V.250 profile {@code AT&W} stores and {@code ATZ} and a start of
 *       the AT interpreter load (manual 4.1, 4.2): one text in a fixed canonical form, every setting
 *       in this order, separated by single spaces, numbers without leading zeros:
 *       {@code E<0|1> Q<0|1> V<0|1> X<0..4> &C<0..2> &D<0..2> &K<0|3>} followed by the S-registers
 *       {@code S0=<0..255> S2=<0..255> S3=<0..127> S4=<0..127> S5=<0..127> S6=<2..10> S7=<1..255>
 *       S8=<0..255> S10=<1..254> S12=<0..255>} (S1, the ring counter, is not stored). The default
 *       is the factory profile {@value #AT_PROFILE_FACTORY}. The pattern checks every range, so the
 *       configuration never holds a profile the interpreter would refuse.</li>
 * </ul>
 */
public final class ParameterRegistry {

    /** Most parameters a registry may hold; bounds every transaction and decoded record. */
    public static final int MAX_PARAMETERS = 512;
    /** Floor of {@code wd.reconnect_seconds} (NET-3). */
    public static final int RECONNECT_FLOOR_SECONDS = 60;
    /** Largest certificate bank slot (the transparent module's {@code CertificateBank.MAX_SLOTS}). */
    public static final int MAX_CERT_SLOT = 16;

    /** The factory V.250 profile, the default of {@code at.profile} ({@code AT&F}). */
    public static final String AT_PROFILE_FACTORY =
            "E1 Q0 V1 X1 &C1 &D0 &K0 S0=3 S2=43 S3=13 S4=10 S5=8 S6=2 S7=60 S8=2 S10=14 S12=50";
    /** Longest {@code at.profile} text. */
    public static final int AT_PROFILE_MAX_LENGTH = 100;

    private static final String BYTE = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final String ASCII = "(?:12[0-7]|1[01][0-9]|[1-9]?[0-9])";
    private static final Pattern AT_PROFILE = Pattern.compile("E[01] Q[01] V[01] X[0-4] &C[0-2] &D[0-2] &K[03]"
            + " S0=" + BYTE + " S2=" + BYTE + " S3=" + ASCII + " S4=" + ASCII + " S5=" + ASCII
            + " S6=(?:10|[2-9])"
            + " S7=(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[1-9])"
            + " S8=" + BYTE
            + " S10=(?:25[0-4]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[1-9])"
            + " S12=" + BYTE);

    private static final ParameterRegistry WM_E2S = buildWmE2s(PasswordHash.DEFAULT_ITERATIONS);

    private final List<Parameter> parameters;
    private final Map<String, Parameter> byName;
    private final List<ConsistencyRule> rules;
    private final Configuration defaults;

    private ParameterRegistry(List<Parameter> parameters, List<ConsistencyRule> rules) {
        if (parameters == null || parameters.isEmpty() || parameters.size() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("a registry holds 1.." + MAX_PARAMETERS + " parameters");
        }
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (map.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("parameter " + p.name() + " defined twice");
            }
        }
        this.parameters = List.copyOf(parameters);
        this.byName = Collections.unmodifiableMap(map);
        this.rules = List.copyOf(rules);
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            values.put(p.name(), p.defaultValue());
        }
        this.defaults = new Configuration(this, values);
    }

    /**
     * Makes a registry of the given parameters and rules.
     *
     * @param parameters the parameters, in the order exports list them
     * @param rules      rules across parameters
     * @return the registry
     * @throws IllegalArgumentException for duplicate names or more than {@value #MAX_PARAMETERS} parameters
     */
    public static ParameterRegistry of(List<Parameter> parameters, List<ConsistencyRule> rules) {
        return new ParameterRegistry(parameters, rules == null ? List.of() : rules);
    }

    /**
     * The WM-E2S parameter set with production password hashing.
     *
     * @return the shared registry
     */
    public static ParameterRegistry wmE2s() {
        return WM_E2S;
    }

    /**
     * The WM-E2S parameter set hashing new passwords with the given PBKDF2 iteration count; tests
     * use {@link PasswordHash#MIN_ITERATIONS} to stay fast. Hashes read from a store or file keep
     * their own count.
     *
     * @param passwordIterations iterations for new password hashes
     * @return a new registry
     */
    public static ParameterRegistry wmE2s(int passwordIterations) {
        return passwordIterations == PasswordHash.DEFAULT_ITERATIONS ? WM_E2S : buildWmE2s(passwordIterations);
    }

    /**
     * Looks a parameter up.
     *
     * @param name the parameter name
     * @return the parameter, or empty when the name is unknown
     */
    public Optional<Parameter> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /**
     * Looks up a parameter that must exist.
     *
     * @param name the parameter name
     * @return the parameter
     * @throws IllegalArgumentException when the name is unknown
     */
    public Parameter parameter(String name) {
        Parameter p = name == null ? null : byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown parameter " + name);
        }
        return p;
    }

    /**
     * Tells whether a name is known.
     *
     * @param name the parameter name
     * @return true when known
     */
    public boolean contains(String name) {
        return name != null && byName.containsKey(name);
    }

    /**
     * Every parameter, in registry order.
     *
     * @return an unmodifiable list
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The parameters of one group, in registry order.
     *
     * @param group the group
     * @return an unmodifiable list, empty when the registry has none of the group
     */
    public List<Parameter> group(ParameterGroup group) {
        return parameters.stream().filter(p -> p.group() == group).toList();
    }

    /**
     * The rules across parameters.
     *
     * @return an unmodifiable list
     */
    public List<ConsistencyRule> rules() {
        return rules;
    }

    /**
     * The factory configuration (CFG-3): every parameter at its default.
     *
     * @return the defaults
     */
    public Configuration defaults() {
        return defaults;
    }

    /**
     * How many parameters the registry holds.
     *
     * @return the count
     */
    public int size() {
        return parameters.size();
    }

    @Override
    public String toString() {
        return "ParameterRegistry[" + parameters.size() + " parameters]";
    }

    private static ParameterRegistry buildWmE2s(int iterations) {
        List<Parameter> p = new ArrayList<>();
        ParameterType anyText63 = new ParameterType.Text(63, Pattern.compile(".*"), "printable text");
        ParameterType phone = new ParameterType.Text(20, Pattern.compile("(\\+?[0-9]{3,19})?"),
                "a phone number of 3..19 digits with an optional leading +, or empty");
        ParameterType flag = new ParameterType.Flag();
        ParameterType slot = new ParameterType.IntegerRange(0, MAX_CERT_SLOT);
        ParameterType led = new ParameterType.Choice(List.of("not_used", "gsm", "sim", "emeter", "firmware",
                "network", "meter_iec", "amm"));

        // APN (manual 3.3 step 2, 3.4, 4.6).
        add(p, "conn.apn_name", ParameterGroup.APN, new ParameterType.Text(63, Pattern.compile("[A-Za-z0-9.-]*"),
                "letters, digits, '.' and '-'"), "", "APN server name", true);
        add(p, "conn.apn_user", ParameterGroup.APN, anyText63, "", "APN user name", true);
        add(p, "conn.apn_pass", ParameterGroup.APN, new ParameterType.SecretText(63, Pattern.compile(".*"),
                "printable text"), "", "APN password; sent to the network, so kept readable and encrypted at rest",
                true);
        add(p, "conn.pdp_delay", ParameterGroup.APN, new ParameterType.IntegerRange(0, 3600), "0",
                "seconds after start before the packet data connection is opened, leaving time for CSD access "
                        + "to a modem that restarts because of a bad configuration (NET-4)", true);

        // M2M (manual 3.3 step 3, 3.10).
        add(p, "m2m.transparent_port", ParameterGroup.M2M, new ParameterType.Port(false), "9000",
                "utility (primary) TCP port for transparent meter readout (TR-1, TR-2)", true);
        add(p, "m2m.customer_port", ParameterGroup.M2M, new ParameterType.Port(true), "0",
                "customer (secondary) TCP port for meter readout, lower priority; 0 = off (TR-3)", true);
        add(p, "m2m.config_port", ParameterGroup.M2M, new ParameterType.Port(false), "9001",
                "TCP/UDP port for remote configuration and firmware download (CFG-7, SEC-2)", true);

        // Mobile network (manual 3.2, 3.3 step 4).
        add(p, "sim.pin", ParameterGroup.MOBILE_NETWORK, new ParameterType.SecretText(8,
                Pattern.compile("([0-9]{4,8})?"), "4..8 digits, or empty for none"), "", "SIM PIN", true);
        add(p, "net.mode", ParameterGroup.MOBILE_NETWORK, new ParameterType.Choice(List.of("auto", "4g_only",
                "3g_only", "2g_only", "lte_2g_fallback", "lte_3g_fallback", "catm1_only", "nbiot_only")), "auto",
                "access technology / frequency band use, e.g. 4G only or LTE with 2G fallback (NET-5)", true);
        add(p, "net.operator_mode", ParameterGroup.MOBILE_NETWORK, new ParameterType.Choice(List.of("auto",
                "manual")), "auto", "operator selection: automatic or the operator in net.operator (NET-5)", true);
        add(p, "net.operator", ParameterGroup.MOBILE_NETWORK, new ParameterType.Text(6,
                Pattern.compile("([0-9]{5,6})?"), "MCC and MNC as 5 or 6 digits (e.g. 21601), or empty"), "",
                "operator for manual selection (NET-5)", true);
        add(p, "sim.absent_restart_minutes", ParameterGroup.MOBILE_NETWORK, new ParameterType.IntegerRange(5, 1440),
                "15", "without a SIM the modem restarts after this many minutes to look again (CFG-9)", true);

        // Trans./NTA (manual 3.3 step 5, 3.11, 4.6 certreset).
        add(p, "tm.multi_utility", ParameterGroup.TRANSPARENT_NTA, new ParameterType.Choice(List.of("transparent",
                "multi_utility")), "transparent", "multi-utility mode; transparent mode for meter readout", true);
        add(p, "tm.baud", ParameterGroup.TRANSPARENT_NTA, new ParameterType.IntegerChoice(List.of(300, 600, 1200,
                2400, 4800, 9600, 19200, 38400, 57600, 115200)), "9600", "meter port baud rate (TR-5)", true);
        add(p, "tm.data_format", ParameterGroup.TRANSPARENT_NTA, new ParameterType.Choice(List.of("auto", "7E1",
                "8N1", "7O1", "7N2", "8E1", "8O1", "8N2")), "auto",
                "meter data format; auto: IEC 62056-21 first packet -> 7E1, anything else -> 8N1 (TR-4)", true);
        add(p, "tm.tls_enable", ParameterGroup.TRANSPARENT_NTA, flag, "0", "transparent mode TLS enable (TR-10)", true);
        add(p, "tm.cert", ParameterGroup.TRANSPARENT_NTA, slot, "0", "transparent mode certificate bank (TR-10)", true);
        add(p, "tm.ca_cert", ParameterGroup.TRANSPARENT_NTA, slot, "0", "transparent CA certificate bank (TR-10)", true);
        add(p, "tm.verify", ParameterGroup.TRANSPARENT_NTA, flag, "0",
                "transparent mode certificate verification (TR-10)", true);

        // RS485 meter interface (manual 3.3 step 6, 3.5).
        add(p, "rs485.mode", ParameterGroup.RS485, new ParameterType.Choice(List.of("off", "2wire", "4wire")), "off",
                "RS485 mode: off (RS232), 2-wire half duplex, 4-wire full duplex", true);
        add(p, "rs485.dcd", ParameterGroup.RS485, new ParameterType.Choice(List.of("fix0", "fix1", "standard",
                "inverted")), "standard", "DCD line towards the meter on the RS232 port (manual 3.5)", true);

        // Watchdog (manual 3.6).
        add(p, "wd.ping_ip", ParameterGroup.WATCHDOG, new ParameterType.Host(true), "",
                "address pinged in active mode; empty = passive mode (NET-2)", true);
        add(p, "wd.ping_retries", ParameterGroup.WATCHDOG, new ParameterType.IntegerRange(1, 10), "3",
                "number of ping retries (NET-2)", true);
        add(p, "wd.ping_wait", ParameterGroup.WATCHDOG, new ParameterType.IntegerRange(1, 300), "10",
                "seconds to wait for a ping reply (NET-2)", true);
        add(p, "wd.ping_next", ParameterGroup.WATCHDOG, new ParameterType.IntegerRange(10, 86_400), "600",
                "seconds to wait before the next ping (NET-2)", true);
        add(p, "wd.reconnect_seconds", ParameterGroup.WATCHDOG,
                new ParameterType.IntegerRange(RECONNECT_FLOOR_SECONDS, 86_400), "300",
                "seconds the data connection stays closed before it is restored; never below "
                        + RECONNECT_FLOOR_SECONDS + " (NET-2, NET-3)", true);

        // AMM (IEC) incl. Last Gasp (manual 3.8).
        add(p, "amm.enable", ParameterGroup.AMM, flag, "0", "AMM/EI client enable (TR-8)", true);
        add(p, "amm.server", ParameterGroup.AMM, new ParameterType.Host(true), "", "AMM/EI server address (TR-8)", true);
        add(p, "amm.port", ParameterGroup.AMM, new ParameterType.Port(true), "0", "AMM/EI server port; 0 = not set", true);
        add(p, "amm.last_gasp", ParameterGroup.AMM, flag, "0",
                "Last Gasp: send POWER LOST / POWER RETURN by SMS (PWR-1, PWR-2)", false);
        add(p, "amm.last_gasp_number", ParameterGroup.AMM, phone, "", "phone number for Last Gasp SMS (SMS-12)", false);

        // Standard Meter Interface: LED functions (LED-6, factory defaults LED-2).
        add(p, "led.led1", ParameterGroup.METER_INTERFACE, led, "gsm", "function of LED1 (LED-6)", false);
        add(p, "led.led2", ParameterGroup.METER_INTERFACE, led, "sim", "function of LED2 (LED-6)", false);
        add(p, "led.led3", ParameterGroup.METER_INTERFACE, led, "emeter", "function of LED3 (LED-6)", false);

        // Device Manager (manual 4.6 certreset).
        add(p, "dm.server", ParameterGroup.DEVICE_MANAGER, new ParameterType.Host(true), "", "Device Manager server", true);
        add(p, "dm.port", ParameterGroup.DEVICE_MANAGER, new ParameterType.Port(true), "0",
                "Device Manager port; 0 = not set", true);
        add(p, "dm.tls_enable", ParameterGroup.DEVICE_MANAGER, flag, "0", "Device Manager TLS enable (SEC-6)", true);
        add(p, "dm.cert", ParameterGroup.DEVICE_MANAGER, slot, "0", "Device Manager certificate bank (SEC-6)", true);
        add(p, "dm.ca_cert", ParameterGroup.DEVICE_MANAGER, slot, "0", "Device Manager CA certificate bank (SEC-6)", true);
        add(p, "dm.verify", ParameterGroup.DEVICE_MANAGER, flag, "0",
                "Device Manager certificate verification (SEC-6)", true);

        // CSD password (manual 4.6, SMS-1, SMS-2).
        add(p, "csd.password", ParameterGroup.CSD, new ParameterType.Password(31, iterations), "",
                "CSD and SMS password, at most 31 characters; empty = none (SMS-1, SMS-2)", false);

        // Configuration and communication passwords, control-port encryption (CFG-6, SEC-4, SEC-5).
        add(p, "sec.config_password", ParameterGroup.SECURITY, new ParameterType.Password(64, iterations), "",
                "configuration password (CFG-6, SEC-5)", false);
        add(p, "sec.comm_password", ParameterGroup.SECURITY, new ParameterType.Password(64, iterations), "",
                "communication password required by remote configuration (CFG-6, CFG-7, SEC-5)", false);
        add(p, "sec.control_aes", ParameterGroup.SECURITY, flag, "0",
                "AES encryption of the control (configuration) port (CFG-6, SEC-4)", true);

        // The V.250 profile AT&W stores (manual 4.1, 4.2; AT-11, AT-21).
        add(p, "at.profile", ParameterGroup.AT_INTERFACE, new ParameterType.Text(AT_PROFILE_MAX_LENGTH, AT_PROFILE,
                "the V.250 profile in canonical form, e.g. " + AT_PROFILE_FACTORY), AT_PROFILE_FACTORY,
                "V.250 profile of the AT interfaces: echo, quiet, verbose, result code set, DCD, DTR, flow "
                        + "control, S-registers (AT-11, AT-21)", false);

        return new ParameterRegistry(p, wmE2sRules());
    }

    private static List<ConsistencyRule> wmE2sRules() {
        return List.of(
                c -> c.intValue("m2m.customer_port") != 0
                        && c.intValue("m2m.customer_port") == c.intValue("m2m.transparent_port")
                        ? conflict("m2m.customer_port", "the customer port must differ from m2m.transparent_port "
                        + "(manual 3.10)") : Optional.empty(),
                c -> c.word("net.operator_mode").equals("manual") && c.text("net.operator").isEmpty()
                        ? conflict("net.operator", "manual operator selection needs net.operator") : Optional.empty(),
                c -> c.bool("amm.enable") && (c.text("amm.server").isEmpty() || c.intValue("amm.port") == 0)
                        ? conflict("amm.enable", "the AMM client needs amm.server and amm.port") : Optional.empty(),
                c -> c.bool("amm.last_gasp") && c.text("amm.last_gasp_number").isEmpty()
                        ? conflict("amm.last_gasp", "Last Gasp needs amm.last_gasp_number") : Optional.empty(),
                c -> !c.word("rs485.mode").equals("off") && c.intValue("tm.baud") > Rs485Mode.MAX_BAUD
                        ? conflict("tm.baud", "RS485 supports at most " + Rs485Mode.MAX_BAUD + " baud")
                        : Optional.empty());
    }

    private static Optional<ParameterError> conflict(String name, String reason) {
        return Optional.of(new ParameterError(name, ParameterError.Kind.CONFLICT, reason));
    }

    private static void add(List<Parameter> list, String name, ParameterGroup group, ParameterType type,
                            String defaultValue, String description, boolean restartRequired) {
        list.add(new Parameter(name, group, type, defaultValue, description, restartRequired));
    }
}
