package io.metermodem.config.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.ChangeOutcome;
import io.metermodem.config.ChangeResult;
import io.metermodem.config.Configuration;
import io.metermodem.config.ConfigurationCodec;
import io.metermodem.config.ConfigurationService;
import io.metermodem.config.DecodedConfiguration;
import io.metermodem.config.Parameter;
import io.metermodem.config.ParameterError;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.TestRegistries;
import io.metermodem.config.Transaction;
import io.metermodem.config.ValueCheck;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.mock.nvm.MockFlash;
import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded properties of {@code .cfg} files (CFG-5) and of the configuration payload (CFG-2): an export
 * imports back to exactly the configuration; a file in any spelling the format allows imports to the
 * canonical values; a file with one broken line fails with exactly that line's error; any bytes at all
 * get a result that is exactly what their lines predict; and an import that is refused, by a rule across
 * parameters (CFG-1) or by a power cut, changes nothing in the service or the flash (all or nothing).
 */
class CfgFileProperties {

    private static final ParameterRegistry REGISTRY = TestRegistries.FAST;
    private static final byte[] KEY = "modem-config-cfg-properties-key!".getBytes(StandardCharsets.US_ASCII);

    // ---------------------------------------------------------------- round trips

    @Property(tries = 200)
    @DisplayName("CFG-5: export -> parse -> apply gives an equal configuration, whatever it is applied to")
    void exportParseRoundTrip(Gen gen) {
        Configuration c = CfgValues.configure(REGISTRY, CfgValues.validConfiguration(gen, REGISTRY).values());
        Configuration otherBase = CfgValues.configure(REGISTRY, CfgValues.validConfiguration(gen, REGISTRY).values());
        byte[] exported = CfgFile.exportBytes(c, REGISTRY);

        CfgParseResult.Parsed parsed = assertInstanceOf(CfgParseResult.Parsed.class, CfgFile.parse(exported, REGISTRY));

        assertEquals(c, applied(parsed, REGISTRY.defaults()));
        // An export sets every parameter, so it gives the same configuration on any modem.
        assertEquals(c, applied(parsed, otherBase));
        assertEquals(REGISTRY.size(), parsed.linesByName().size(), "an export sets every parameter");
        // The export of the import is the same text: exports are a fixed point.
        assertArrayEquals(exported, CfgFile.exportBytes(applied(parsed, otherBase), REGISTRY));
    }

    @Property(tries = 200)
    @DisplayName("CFG-2: codec encode -> decode gives an equal configuration, with no repair")
    void codecRoundTrip(Gen gen) {
        Configuration c = CfgValues.configure(REGISTRY, CfgValues.validConfiguration(gen, REGISTRY).values());

        DecodedConfiguration decoded = ConfigurationCodec.decode(ConfigurationCodec.encode(c),
                ConfigurationCodec.FORMAT_VERSION, REGISTRY);

        assertEquals(c, decoded.configuration());
        assertEquals(List.of(), decoded.warnings());
    }

    @Property(tries = 300)
    @DisplayName("CFG-5: a file in any spelling the format allows (BOM, CRLF, comments, spacing, case, +0042)"
            + " imports to the canonical values, and each setting is located on its line")
    void spelledFileImportsCanonicalValues(Gen gen) {
        Map<String, CfgValues.Setting> all = CfgValues.validConfiguration(gen, REGISTRY);
        List<CfgValues.Setting> chosen = gen.shuffled(List.copyOf(all.values())).subList(0, gen.intBetween(0, all.size()));
        // A subset of a valid configuration may break a rule across parameters on the defaults; the
        // configuration it came from is then a base it keeps valid.
        Configuration base = CfgValues.configure(REGISTRY, all.values());
        CfgText file = CfgText.of(gen, chosen);
        byte[] bytes = file.bytes();

        CfgParseResult result = CfgFile.parse(bytes, REGISTRY);

        CfgParseResult.Parsed parsed = assertInstanceOf(CfgParseResult.Parsed.class, result, () -> result + " for\n"
                + new String(bytes, StandardCharsets.UTF_8));
        assertEquals(file.settingLines(), parsed.linesByName());
        Configuration imported;
        if (parsed.transaction().validate(REGISTRY.defaults()) instanceof ChangeResult.Accepted onDefaults) {
            imported = onDefaults.next();
            for (Parameter p : REGISTRY.parameters()) {
                if (!file.settingLines().containsKey(p.name())) {
                    assertEquals(p.defaultValue(), imported.valueText(p.name()), "a parameter the file does not set");
                }
            }
        } else {
            imported = applied(parsed, base);
        }
        for (CfgValues.Setting s : chosen) {
            assertTrue(s.heldBy(imported), s.name() + " written as '" + s.spelled() + "'");
        }
        CfgOracle.check(bytes, REGISTRY, result);
    }

    // ---------------------------------------------------------------- broken lines

    /** Ways a line of a good file can be broken, each with the exact error it must give. */
    enum Breakage {
        /** A name the registry does not know. */
        UNKNOWN_NAME,
        /** A value the parameter's type refuses. */
        BAD_VALUE,
        /** No {@code =} at all. */
        NO_EQUALS,
        /** Nothing but white space before {@code =}. */
        MISSING_NAME,
        /** A parameter that an earlier line already set. */
        DUPLICATE,
        /** Bytes that are not UTF-8 somewhere in the line. */
        INVALID_UTF8,
        /** A control character (binary data) somewhere in the line. */
        CONTROL_CHARACTER,
        /** More than {@link CfgFile#MAX_LINE_CHARS} characters. */
        OVERLONG
    }

    @Property(tries = 500)
    @DisplayName("CFG-5: a good file with one broken line fails with exactly that line's error: line, column and"
            + " message")
    void brokenLineGivesExactlyItsError(Gen gen) {
        Map<String, CfgValues.Setting> all = CfgValues.validConfiguration(gen, REGISTRY);
        List<CfgValues.Setting> chosen = gen.shuffled(List.copyOf(all.values())).subList(0, gen.intBetween(2, all.size()));
        CfgText file = CfgText.of(gen, chosen);
        List<Integer> settingLines = List.copyOf(file.settingLines().values());
        int index = gen.intBetween(0, settingLines.size() - 1);
        Breakage breakage = gen.oneOf(Breakage.values());
        if (breakage == Breakage.DUPLICATE && index == 0) {
            index = 1; // a duplicate needs an earlier setting
        }

        CfgError expected = breakLine(gen, file, settingLines, index, breakage);
        byte[] bytes = file.bytes();

        CfgParseResult result = CfgFile.parse(bytes, REGISTRY);
        assertEquals(List.of(expected), assertInstanceOf(CfgParseResult.Failed.class, result, breakage + ": " + result)
                .errors(), breakage.toString());
        CfgOracle.check(bytes, REGISTRY, result);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Breakage.class)
    @DisplayName("CFG-5: every kind of breakage on every setting line of an export is reported on that line")
    void everyBreakageOnEveryLineOfAnExport(Breakage breakage) {
        Gen configGen = new Gen(breakage.ordinal());
        Configuration c = CfgValues.configure(REGISTRY, CfgValues.validConfiguration(configGen, REGISTRY).values());
        String exported = CfgFile.export(c, REGISTRY);
        String[] exportLines = exported.split("\n", -1);
        List<Integer> settingLines = new ArrayList<>();
        for (int i = 0; i < exportLines.length; i++) {
            if (!exportLines[i].isEmpty() && !exportLines[i].startsWith("#")) {
                settingLines.add(i + 1);
            }
        }
        assertEquals(REGISTRY.size(), settingLines.size());

        for (int index = breakage == Breakage.DUPLICATE ? 1 : 0; index < settingLines.size(); index++) {
            CfgText file = new CfgText();
            for (int i = 0; i < exportLines.length - 1; i++) { // the export ends with a line end
                file.add(exportLines[i], "\n");
            }
            Gen gen = new Gen(breakage.ordinal() * 1000L + index);
            CfgError expected = breakLine(gen, file, settingLines, index, breakage);

            CfgParseResult result = CfgFile.parse(file.bytes(), REGISTRY);

            assertEquals(List.of(expected), assertInstanceOf(CfgParseResult.Failed.class, result,
                    breakage + " on line " + settingLines.get(index)).errors());
        }
    }

    static Stream<Arguments> everyByte() {
        return IntStream.range(0, 256).mapToObj(b -> Arguments.of(String.format("0x%02X", b), b));
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("everyByte")
    @DisplayName("CFG-5: every byte value inside a value is either taken as text or gives its exact error")
    void everyByteInsideAValue(String hex, int b) {
        byte[] before = "conn.apn_name = internet\nconn.apn_user = ab".getBytes(StandardCharsets.US_ASCII);
        byte[] after = "cd\ntm.baud = 300\n".getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[before.length + 1 + after.length];
        System.arraycopy(before, 0, file, 0, before.length);
        file[before.length] = (byte) b;
        System.arraycopy(after, 0, file, before.length + 1, after.length);
        int column = "conn.apn_user = ab".length() + 1;

        CfgParseResult result = CfgFile.parse(file, REGISTRY);

        if (b == '\n') {
            assertEquals(List.of(new CfgError(3, 1, "expected 'name = value'")), errors(result));
        } else if (b == '\t') {
            assertEquals(List.of(new CfgError(2, 17, "conn.apn_user: contains a control character")), errors(result));
        } else if (b < 0x20 || b == 0x7F) {
            assertEquals(List.of(new CfgError(2, column, String.format("control character U+%04X (binary data?)", b))),
                    errors(result));
        } else if (b >= 0x80) {
            assertEquals(List.of(new CfgError(2, column, String.format("invalid UTF-8 (byte 0x%02X)", b))),
                    errors(result));
        } else {
            Configuration c = applied(assertInstanceOf(CfgParseResult.Parsed.class, result), REGISTRY.defaults());
            assertEquals("ab" + (char) b + "cd", c.text("conn.apn_user"));
            assertEquals(300, c.intValue("tm.baud"));
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {CfgFile.MAX_FILE_BYTES - 1, CfgFile.MAX_FILE_BYTES, CfgFile.MAX_FILE_BYTES + 1})
    @DisplayName("CFG-5: the size limit holds to the byte, from bytes and from a stream")
    void sizeLimitToTheByte(int size) throws IOException {
        byte[] file = commentsOfSize(size);
        int linesInLimit = 1;
        for (int i = 0; i < Math.min(size, CfgFile.MAX_FILE_BYTES); i++) {
            linesInLimit += file[i] == '\n' ? 1 : 0;
        }

        CfgParseResult fromBytes = CfgFile.parse(file, REGISTRY);
        CfgParseResult fromStream = CfgFile.parse(new ByteArrayInputStream(file), REGISTRY);

        if (size <= CfgFile.MAX_FILE_BYTES) {
            assertEquals(Map.of(), assertInstanceOf(CfgParseResult.Parsed.class, fromBytes).linesByName());
            assertInstanceOf(CfgParseResult.Parsed.class, fromStream);
        } else {
            List<CfgError> expected = List.of(new CfgError(linesInLimit, 0, "file larger than 262144 bytes"));
            assertEquals(expected, errors(fromBytes));
            assertEquals(expected, errors(fromStream));
        }
    }

    @ParameterizedTest(name = "{0} lines")
    @ValueSource(ints = {CfgFile.MAX_LINES - 1, CfgFile.MAX_LINES, CfgFile.MAX_LINES + 1})
    @DisplayName("CFG-5: the line limit holds to the line")
    void lineLimitToTheLine(int lines) {
        byte[] file = "#\r\n".repeat(lines).getBytes(StandardCharsets.US_ASCII);

        CfgParseResult result = CfgFile.parse(file, REGISTRY);

        if (lines <= CfgFile.MAX_LINES) {
            assertInstanceOf(CfgParseResult.Parsed.class, result);
        } else {
            assertEquals(List.of(new CfgError(CfgFile.MAX_LINES + 1, 0, "more than 8192 lines")), errors(result));
        }
    }

    // ---------------------------------------------------------------- any input

    @Property(tries = 500)
    @DisplayName("CFG-5: any bytes give exactly the result their lines predict: typed errors with line numbers,"
            + " in line order, bounded; the same read from a stream in any chunks")
    void randomBytesGiveTheResultTheirLinesPredict(Gen gen) throws IOException {
        byte[] bytes = gen.bytes(0, 4000);

        CfgParseResult result = CfgFile.parse(bytes, REGISTRY);

        CfgOracle.check(bytes, REGISTRY, result);
        CfgOracle.assertBounded(bytes, result);
        assertSameFromStream(gen, bytes, result);
    }

    @Property(tries = 300)
    @DisplayName("CFG-5: random lines of real names, separators and values give exactly the result their lines"
            + " predict, and a file that parses imports and exports back to itself")
    void randomLinesGiveTheResultTheirLinesPredict(Gen gen) throws IOException {
        List<String> names = REGISTRY.parameters().stream().map(Parameter::name).toList();
        List<String> used = new ArrayList<>();
        List<String> lines = gen.listOf(0, 30, () -> {
            if (gen.chance(0.1)) {
                return gen.oneOf("", "# comment = 1", " ; x", "\t");
            }
            String name = !used.isEmpty() && gen.chance(0.1) ? gen.oneOf(used) : gen.oneOf(names);
            used.add(name);
            String value = switch (gen.intBetween(0, 2)) {
                case 0 -> CfgValues.valid(gen, REGISTRY.parameter(name)).spelled();
                case 1 -> gen.printable(0, 40);
                default -> gen.anyChars(0, 40);
            };
            return name + gen.oneOf(" = ", "=", " ", "") + value;
        });
        byte[] bytes = String.join(gen.oneOf("\n", "\r\n"), lines).getBytes(StandardCharsets.UTF_8);

        CfgParseResult result = CfgFile.parse(bytes, REGISTRY);

        CfgOracle.check(bytes, REGISTRY, result);
        CfgOracle.assertBounded(bytes, result);
        assertSameFromStream(gen, bytes, result);
        if (result instanceof CfgParseResult.Parsed parsed) {
            switch (parsed.transaction().validate(REGISTRY.defaults())) {
                case ChangeResult.Accepted a -> assertEquals(a.next(), applied(assertInstanceOf(
                        CfgParseResult.Parsed.class, CfgFile.parse(CfgFile.exportBytes(a.next(), REGISTRY), REGISTRY)),
                        REGISTRY.defaults()), "export -> import of the imported configuration");
                // Every value was checked while reading: only a rule across parameters can refuse it.
                case ChangeResult.Rejected r -> r.errors().forEach(e ->
                        assertEquals(ParameterError.Kind.CONFLICT, e.kind(), e.toString()));
            }
        }
    }

    // ---------------------------------------------------------------- all or nothing

    @Property(tries = 200)
    @DisplayName("CFG-5, CFG-2: an import refused for a broken line, a rule across parameters or a power cut"
            + " changes nothing: the service keeps its configuration and the flash its bytes or one whole record")
    void refusedImportChangesNothing(Gen gen) throws IOException {
        MockFlash flash = new MockFlash(1024, 8);
        ConfigurationService service = reopen(flash);
        Configuration before = CfgValues.configure(REGISTRY, CfgValues.validConfiguration(gen, REGISTRY).values());
        Transaction.Builder all = Transaction.builder();
        before.values().forEach(all::set);
        assertEquals(ChangeOutcome.OK, service.apply(all.build()).errorCode());
        byte[] flashBefore = flash.snapshot();

        Map<String, CfgValues.Setting> next = CfgValues.validConfiguration(gen, REGISTRY);
        switch (gen.intBetween(0, 2)) {
            case 0 -> {
                // One broken line among good ones: the good lines must not be applied either.
                CfgText file = CfgText.of(gen, next.values());
                List<Integer> settingLines = List.copyOf(file.settingLines().values());
                Breakage breakage = gen.oneOf(Breakage.values());
                int index = gen.intBetween(breakage == Breakage.DUPLICATE ? 1 : 0, settingLines.size() - 1);
                CfgError expected = breakLine(gen, file, settingLines, index, breakage);

                ImportResult result = importFile(service, file.bytes());

                assertEquals(List.of(expected), result.errors());
                assertArrayEquals(flashBefore, flash.snapshot(), "nothing may be written");
                assertEquals(before, reopen(flash).current());
            }
            case 1 -> {
                // Every line valid alone, but together they break one rule.
                CfgValues.Conflict conflict = CfgValues.conflict(gen);
                conflict.settings().forEach(s -> next.put(s.name(), s));
                CfgText file = CfgText.of(gen, next.values());

                ImportResult result = importFile(service, file.bytes());

                ChangeOutcome.Invalid invalid = assertInstanceOf(ChangeOutcome.Invalid.class, result.outcome());
                assertEquals(ChangeOutcome.INVALID, invalid.errorCode());
                assertEquals(List.of(conflict.errorName()), invalid.errors().stream().map(ParameterError::name).toList());
                assertEquals(ParameterError.Kind.CONFLICT, invalid.errors().getFirst().kind());
                assertEquals(file.settingLines().get(conflict.errorName()),
                        result.parsed().lineOf(conflict.errorName()).orElseThrow(), "the line the CLI names");
                assertArrayEquals(flashBefore, flash.snapshot(), "nothing may be written");
                assertEquals(before, reopen(flash).current());
            }
            default -> {
                // A valid file, but the power fails while its record is written.
                CfgText file = CfgText.of(gen, next.values());
                Configuration wanted = CfgValues.configure(REGISTRY, next.values());
                int recordBytes = new ConfigurationStore(flash, new AtRestCipher(KEY))
                        .recordBytes(ConfigurationCodec.encode(wanted).length);
                if (gen.bool()) {
                    flash.cutPowerAfterBytes(gen.intBetween(0, recordBytes - 1));
                } else {
                    flash.cutPowerDuringErase(gen.intBetween(0, (recordBytes - 1) / flash.pageSize()),
                            gen.intBetween(0, flash.pageSize() - 1));
                }

                ImportResult result = importFile(service, file.bytes());

                flash.restorePower();
                flash.cancelEraseCut();
                ChangeOutcome outcome = result.outcome();
                if (!(outcome instanceof ChangeOutcome.Unchanged)) {
                    assertEquals(ChangeOutcome.CRC_MISMATCH, outcome.errorCode(), outcome.toString());
                    assertInstanceOf(ChangeOutcome.StorageFailure.class, outcome);
                }
                // Passwords in clear are hashed again by the import, with a fresh salt: compare settings.
                Configuration reopened = reopen(flash).current();
                assertTrue(reopened.equals(before) || next.values().stream().allMatch(s -> s.heldBy(reopened)),
                        "after a power cut the flash holds the old or the new configuration whole, nothing between");
            }
        }
        assertEquals(before, service.current(), "the service keeps its configuration");
    }

    // ---------------------------------------------------------------- helpers

    /** What {@code ./modem config import} does: parse the file whole, apply it only when every line is valid. */
    private record ImportResult(List<CfgError> errors, CfgParseResult.Parsed parsed, ChangeOutcome outcome) {
    }

    private static ConfigurationService reopen(MockFlash flash) {
        return ConfigurationService.open(REGISTRY, new ConfigurationStore(flash, new AtRestCipher(KEY)));
    }

    private static ImportResult importFile(ConfigurationService service, byte[] file) {
        return switch (CfgFile.parse(file, REGISTRY)) {
            case CfgParseResult.Failed f -> new ImportResult(f.errors(), null, null);
            case CfgParseResult.Parsed p -> new ImportResult(List.of(), p, service.apply(p.transaction()));
        };
    }

    /**
     * Breaks one setting line of a file.
     *
     * @param gen          the case's generator
     * @param file         the file, changed in place
     * @param settingLines the line numbers of its settings, in file order
     * @param index        which of them to break
     * @param breakage     how
     * @return the one error the file must now give
     */
    private static CfgError breakLine(Gen gen, CfgText file, List<Integer> settingLines, int index, Breakage breakage) {
        int k = settingLines.get(index);
        String line = file.line(k);
        int eq = line.indexOf('=');
        String name = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        String indent = CfgText.indent(gen);
        return switch (breakage) {
            case UNKNOWN_NAME -> {
                String unknown = gen.string(1, 80, "abcdefghijklmnopqrstuvwxyz0123456789._-");
                if (REGISTRY.contains(unknown)) {
                    unknown += "-x"; // no parameter name ends so
                }
                file.replace(k, indent + CfgText.settingLine(gen, unknown, value).stripLeading());
                String shown = unknown.length() > 48 ? unknown.substring(0, 48) + "..." : unknown;
                yield new CfgError(k, indent.length() + 1, "unknown parameter '" + shown + "'");
            }
            case BAD_VALUE -> {
                Parameter p = REGISTRY.parameter(name);
                String bad = CfgValues.invalid(gen, p);
                String prefix = indent + name + gen.oneOf("=", " = ", "\t=  ");
                file.replace(k, prefix + bad + gen.oneOf("", " "));
                String reason = ((ValueCheck.Invalid) p.type().check(bad)).reason();
                yield new CfgError(k, prefix.length() + 1, name + ": " + reason);
            }
            case NO_EQUALS -> {
                String rest = value.replace("=", "");
                file.replace(k, indent + name + (rest.isEmpty() || gen.bool() ? "" : " " + rest));
                yield new CfgError(k, indent.length() + 1, "expected 'name = value'");
            }
            case MISSING_NAME -> {
                String newLine = indent + gen.oneOf("=", " = ", "\t=") + value;
                file.replace(k, newLine);
                yield new CfgError(k, newLine.indexOf('=') + 1, "missing parameter name before '='");
            }
            case DUPLICATE -> {
                int earlier = settingLines.get(gen.intBetween(0, index - 1));
                String other = file.line(earlier);
                String otherName = other.substring(0, other.indexOf('=')).strip();
                // The value is not even looked at: a second setting of a name is refused as such.
                file.replace(k, indent + otherName + " = " + gen.printable(0, 20).strip());
                yield new CfgError(k, indent.length() + 1, otherName + " already set on line " + earlier);
            }
            case INVALID_UTF8 -> {
                int at = codePointBoundary(gen, line);
                byte[] invalid = gen.oneOf(
                        new byte[] {(byte) 0x80}, new byte[] {(byte) 0xBF}, new byte[] {(byte) 0xC0, (byte) 0x80},
                        new byte[] {(byte) 0xC1, (byte) 0xBF}, new byte[] {(byte) 0xC3, '('}, new byte[] {(byte) 0xC3},
                        new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                                (byte) 0x80}, new byte[] {(byte) 0xF5}, new byte[] {(byte) 0xFE}, new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xE9}, // Latin-1 'é', the usual culprit
                        new byte[] {(byte) gen.intBetween(0x80, 0xFF)});
                byte[] head = line.substring(0, at).getBytes(StandardCharsets.UTF_8);
                byte[] tail = line.substring(at).getBytes(StandardCharsets.UTF_8);
                byte[] broken = new byte[head.length + invalid.length + tail.length];
                System.arraycopy(head, 0, broken, 0, head.length);
                System.arraycopy(invalid, 0, broken, head.length, invalid.length);
                System.arraycopy(tail, 0, broken, head.length + invalid.length, tail.length);
                file.replace(k, broken);
                yield new CfgError(k, at + 1, String.format("invalid UTF-8 (byte 0x%02X)", invalid[0] & 0xFF));
            }
            case CONTROL_CHARACTER -> {
                // Any C0 control but TAB and LF, DEL, and the C1 controls; CR only inside the line,
                // since a CR that ends a line is its CRLF end.
                int at = codePointBoundary(gen, line);
                int code = gen.oneOf(gen.intBetween(0x00, 0x08), gen.intBetween(0x0B, 0x1F), 0x7F,
                        gen.intBetween(0x80, 0x9F));
                char control = (char) code;
                if (control == '\r' && at == line.length()) {
                    control = 0x1B;
                }
                file.replace(k, line.substring(0, at) + control + line.substring(at));
                yield new CfgError(k, at + 1, String.format("control character U+%04X (binary data?)", (int) control));
            }
            case OVERLONG -> {
                StringBuilder longLine = new StringBuilder(line);
                int target = gen.intBetween(CfgFile.MAX_LINE_CHARS + 1, 3 * CfgFile.MAX_LINE_CHARS);
                String filler = gen.oneOf("x", "é", "中", "\uD83D\uDE00");
                while (longLine.codePointCount(0, longLine.length()) < target) {
                    longLine.append(filler);
                }
                file.replace(k, longLine.toString());
                yield new CfgError(k, 0, "longer than " + CfgFile.MAX_LINE_CHARS + " characters");
            }
        };
    }

    /** A UTF-16 index of a line that does not split a surrogate pair, from 0 to its length. */
    private static int codePointBoundary(Gen gen, String line) {
        int at = gen.intBetween(0, line.length());
        if (at > 0 && at < line.length() && Character.isLowSurrogate(line.charAt(at))
                && Character.isHighSurrogate(line.charAt(at - 1))) {
            at--;
        }
        return at;
    }

    private static Configuration applied(CfgParseResult.Parsed parsed, Configuration base) {
        ChangeResult result = parsed.transaction().validate(base);
        return assertInstanceOf(ChangeResult.Accepted.class, result, result.toString()).next();
    }

    private static List<CfgError> errors(CfgParseResult result) {
        return assertInstanceOf(CfgParseResult.Failed.class, result, result.toString()).errors();
    }

    /** Reading the same bytes from a stream that delivers them in pieces gives the same result. */
    private static void assertSameFromStream(Gen gen, byte[] bytes, CfgParseResult fromBytes) throws IOException {
        CfgOracle.assertSameResult(fromBytes, CfgFile.parse(new PiecesInputStream(gen.chunks(bytes)), REGISTRY));
    }

    /** Comment lines of 100 bytes, then one shorter line, to exactly {@code size} bytes. */
    private static byte[] commentsOfSize(int size) {
        byte[] file = new byte[size];
        for (int i = 0; i < size; i++) {
            file[i] = (byte) (i % 100 == 0 ? '#' : i % 100 == 99 ? '\n' : 'c');
        }
        return file;
    }
}
