package io.metermodem.config;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link Configuration} into the payload of a store record and back (CFG-2).
 *
 * <p>Format {@value #FORMAT_VERSION}: the magic {@code "MMCF"}, a 16-bit entry count, then per
 * entry a 16-bit length and UTF-8 bytes of the name, a 16-bit length and UTF-8 bytes of the
 * canonical value; big-endian. Passwords are stored as their hash form, never in plain text.
 * The record is encrypted at rest by the store (CFG-8), which protects the APN password.
 *
 * <p>The payload is a list of names, not positions, so firmware versions read each other's
 * records: {@link #decode} ignores names it does not know (a newer firmware's), gives missing names
 * their default (an older firmware's record), and replaces a value that is no longer valid with the
 * default; each repair is a warning in the result and a log line. A later format must keep this
 * layout readable; an incompatible layout gets a new magic. Malformed payloads never throw: they
 * decode to the defaults with a warning.
 */
public final class ConfigurationCodec {

    /** The payload format this firmware writes. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = {'M', 'M', 'C', 'F'};
    private static final int MAX_FIELD_BYTES = 0xFFFF;
    private static final int MAX_WARNINGS = 64;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConfigurationCodec.class);

    private ConfigurationCodec() {
    }

    /**
     * Encodes every value of a configuration.
     *
     * @param configuration the configuration
     * @return the payload
     */
    public static byte[] encode(Configuration configuration) {
        if (configuration == null) {
            throw new IllegalArgumentException("a configuration is required");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        out.writeBytes(MAGIC);
        Map<String, String> values = configuration.values();
        writeU16(out, values.size());
        for (Map.Entry<String, String> e : values.entrySet()) {
            writeField(out, e.getKey().getBytes(StandardCharsets.UTF_8));
            writeField(out, e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /**
     * Decodes a payload written by this or another firmware version.
     *
     * @param payload       the payload (plaintext)
     * @param formatVersion the version the writer recorded
     * @param registry      the parameters this firmware knows
     * @return a complete, valid configuration and the repairs made
     */
    public static DecodedConfiguration decode(byte[] payload, int formatVersion, ParameterRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("a registry is required");
        }
        List<String> warnings = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter p : registry.parameters()) {
            values.put(p.name(), p.defaultValue());
        }
        if (formatVersion > FORMAT_VERSION) {
            warn(warnings, "record written in format " + formatVersion + " by newer firmware; reading the names "
                    + "this firmware knows");
        }
        ByteBuffer in = ByteBuffer.wrap(payload == null ? new byte[0] : payload);
        if (in.remaining() < MAGIC.length + 2 || !hasMagic(in)) {
            warn(warnings, "record is not a configuration payload; using the defaults");
            return new DecodedConfiguration(new Configuration(registry, values), warnings);
        }
        int count = in.getShort() & 0xFFFF;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String name = readField(in);
            String value = name == null ? null : readField(in);
            if (value == null) {
                warn(warnings, "record ends inside entry " + (i + 1) + " of " + count + "; the rest take defaults");
                break;
            }
            Parameter p = registry.find(name).orElse(null);
            if (p == null) {
                warn(warnings, "ignoring unknown parameter " + printable(name));
                continue;
            }
            if (!seen.add(name)) {
                warn(warnings, "ignoring a second value of " + name);
                continue;
            }
            switch (p.type().checkStored(value)) {
                case ValueCheck.Valid v -> values.put(name, v.canonical());
                case ValueCheck.Invalid invalid -> warn(warnings, "stored value of " + name
                        + " is no longer valid (" + (p.isSecret() ? "secret" : invalid.reason())
                        + "); using the default");
            }
        }
        if (in.hasRemaining()) {
            warn(warnings, "ignoring " + in.remaining() + " trailing bytes");
        }
        for (Parameter p : registry.parameters()) {
            if (!seen.contains(p.name())) {
                warn(warnings, p.name() + " missing from the record; using the default");
            }
        }
        return new DecodedConfiguration(new Configuration(registry, values), warnings);
    }

    private static void warn(List<String> warnings, String text) {
        // Bounded: a hostile or garbled payload must not produce unbounded logs.
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(text);
            LOG.warn("configuration record: {}", text);
        } else if (warnings.size() == MAX_WARNINGS) {
            warnings.add("further warnings suppressed");
            LOG.warn("configuration record: further warnings suppressed");
        }
    }

    private static boolean hasMagic(ByteBuffer in) {
        for (byte b : MAGIC) {
            if (in.get() != b) {
                return false;
            }
        }
        return true;
    }

    private static String readField(ByteBuffer in) {
        if (in.remaining() < 2) {
            return null;
        }
        int length = in.getShort() & 0xFFFF;
        if (in.remaining() < length) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // A garbled field: keep the framing and let the name/value checks refuse it.
            return "\uFFFD";
        }
    }

    private static String printable(String name) {
        String shown = name.length() > Parameter.MAX_NAME_LENGTH ? name.substring(0, Parameter.MAX_NAME_LENGTH) + "..."
                : name;
        return shown.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static void writeField(ByteArrayOutputStream out, byte[] bytes) {
        if (bytes.length > MAX_FIELD_BYTES) {
            throw new IllegalArgumentException("field of " + bytes.length + " bytes exceeds " + MAX_FIELD_BYTES);
        }
        writeU16(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeU16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
