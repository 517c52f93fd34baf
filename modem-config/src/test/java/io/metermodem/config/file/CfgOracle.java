package io.metermodem.config.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.config.Parameter;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.Transaction;
import io.metermodem.config.password.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What reading any bytes as a {@code .cfg} file must give (CFG-5), worked out line by line: the
 * format has no state across lines except "set twice", so the file's result must be exactly what
 * each line gives when read as a file of its own, renumbered to its place, plus the duplicate
 * errors, cut at {@link CfgFile#MAX_ERRORS} and at {@link CfgFile#MAX_LINES}, or one error for a
 * file over {@link CfgFile#MAX_FILE_BYTES}. Used by the properties and the fuzz test alike.
 */
final class CfgOracle {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CfgOracle() {
    }

    /**
     * Asserts that a result is exactly what the file's lines predict.
     *
     * @param file     the file
     * @param registry the registry it was read with
     * @param actual   what {@link CfgFile#parse(byte[], ParameterRegistry)} returned for it
     */
    static void check(byte[] file, ParameterRegistry registry, CfgParseResult actual) {
        Expected expected = expect(file, registry);
        if (!expected.errors.isEmpty()) {
            CfgParseResult.Failed failed = assertInstanceOf(CfgParseResult.Failed.class, actual,
                    "expected errors " + expected.errors);
            assertEquals(expected.errors, failed.errors());
            return;
        }
        CfgParseResult.Parsed parsed = assertInstanceOf(CfgParseResult.Parsed.class, actual);
        assertEquals(expected.lines, parsed.linesByName(), "the line of each setting");
        List<Transaction.Change> changes = parsed.transaction().changes();
        assertEquals(List.copyOf(expected.lines.keySet()), changes.stream().map(Transaction.Change::name).toList(),
                "one change per setting, in file order");
        for (Transaction.Change change : changes) {
            Parameter p = registry.parameter(change.name());
            String alone = expected.values.get(change.name());
            if (p.isPassword() && !alone.equals(change.valueText())) {
                // A password in clear is hashed with a fresh salt each time: check the hash instead.
                String clear = expected.raw.get(change.name());
                PasswordHash hash = PasswordHash.parse(change.valueText()).orElseThrow(() ->
                        new AssertionError(change.name() + " does not hold a hash form"));
                assertTrue(hash.matches(clear), change.name() + ": the hash is not of the password in the file");
            } else {
                assertEquals(alone, change.valueText(), change.name());
            }
        }
    }

    /** Errors are in line order, within the file's lines, and at most {@link CfgFile#MAX_ERRORS} and a note. */
    static void assertBounded(byte[] bytes, CfgParseResult result) {
        if (result instanceof CfgParseResult.Failed failed) {
            int lines = 1;
            for (byte b : bytes) {
                lines += b == '\n' ? 1 : 0;
            }
            assertTrue(failed.errors().size() <= CfgFile.MAX_ERRORS + 1, failed.errors().size() + " errors");
            int previous = 1;
            for (CfgError e : failed.errors()) {
                assertTrue(e.line() >= previous && e.line() <= lines, e + " in a file of " + lines + " lines");
                previous = e.line();
            }
        }
    }

    /**
     * Two readings of the same bytes agree: the same errors, or the same settings on the same lines (a
     * password in clear gets a fresh salt each time, so values are not compared).
     *
     * @param expected one reading
     * @param actual   the other
     */
    static void assertSameResult(CfgParseResult expected, CfgParseResult actual) {
        switch (expected) {
            case CfgParseResult.Failed f -> assertEquals(f.errors(),
                    assertInstanceOf(CfgParseResult.Failed.class, actual, actual.toString()).errors());
            case CfgParseResult.Parsed p -> {
                CfgParseResult.Parsed q = assertInstanceOf(CfgParseResult.Parsed.class, actual, actual.toString());
                assertEquals(p.linesByName(), q.linesByName());
                assertEquals(p.transaction().changes().stream().map(Transaction.Change::name).toList(),
                        q.transaction().changes().stream().map(Transaction.Change::name).toList());
            }
        }
    }

    /** The errors a file must give, or its settings (line, canonical value, value text as written). */
    private record Expected(List<CfgError> errors, Map<String, Integer> lines, Map<String, String> values,
                            Map<String, String> raw) {
    }

    private static Expected expect(byte[] file, ParameterRegistry registry) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        Map<String, String> values = new HashMap<>();
        Map<String, String> raw = new HashMap<>();
        Errors errors = new Errors();
        if (file.length > CfgFile.MAX_FILE_BYTES) {
            int line = 1;
            for (int i = 0; i < CfgFile.MAX_FILE_BYTES; i++) {
                line += file[i] == '\n' ? 1 : 0;
            }
            errors.add(line, 0, "file larger than " + CfgFile.MAX_FILE_BYTES + " bytes");
            return new Expected(errors.list, lines, values, raw);
        }
        int pos = startsWith(file, BOM) ? BOM.length : 0;
        int lineNo = 0;
        while (pos < file.length && !errors.stopped) {
            int end = pos;
            while (end < file.length && file[end] != '\n') {
                end++;
            }
            lineNo++;
            if (lineNo > CfgFile.MAX_LINES) {
                errors.add(lineNo, 0, "more than " + CfgFile.MAX_LINES + " lines");
                break;
            }
            lineAlone(registry, file, pos, end, lineNo, lines, values, raw, errors);
            pos = end + 1;
        }
        return new Expected(errors.list, lines, values, raw);
    }

    /** Reads one line as a file of its own and files its outcome under its number in the whole file. */
    private static void lineAlone(ParameterRegistry registry, byte[] file, int from, int to, int lineNo,
                                  Map<String, Integer> lines, Map<String, String> values, Map<String, String> raw,
                                  Errors errors) {
        // A leading BOM, so that a BOM that begins this line is read as content, as it is in the file.
        byte[] alone = new byte[BOM.length + to - from];
        System.arraycopy(BOM, 0, alone, 0, BOM.length);
        System.arraycopy(file, from, alone, BOM.length, to - from);
        CfgParseResult result = CfgFile.parse(alone, registry);
        Optional<String> name = switch (result) {
            case CfgParseResult.Parsed p -> p.linesByName().keySet().stream().findFirst();
            case CfgParseResult.Failed f -> valueErrorName(registry, f);
        };
        if (result instanceof CfgParseResult.Failed f) {
            assertEquals(1, f.errors().size(), "one line gives one error: " + f.errors());
            assertEquals(1, f.errors().getFirst().line(), "a line read alone is line 1: " + f.errors());
        }
        if (name.isPresent()) {
            Integer first = lines.putIfAbsent(name.get(), lineNo);
            if (first != null) {
                String text = text(file, from, to);
                errors.add(lineNo, firstNonSpace(text) + 1, name.get() + " already set on line " + first);
                return;
            }
        }
        switch (result) {
            case CfgParseResult.Failed f -> {
                CfgError e = f.errors().getFirst();
                errors.add(lineNo, e.column(), e.message());
            }
            case CfgParseResult.Parsed p -> p.transaction().changes().forEach(c -> {
                values.put(c.name(), c.valueText());
                String text = text(file, from, to);
                raw.put(c.name(), text.substring(text.indexOf('=') + 1).strip());
            });
        }
    }

    /** The parameter of a line whose name was known but whose value was refused ({@code name: reason}). */
    private static Optional<String> valueErrorName(ParameterRegistry registry, CfgParseResult.Failed failed) {
        String message = failed.errors().getFirst().message();
        int colon = message.indexOf(": ");
        return colon > 0 && registry.contains(message.substring(0, colon))
                ? Optional.of(message.substring(0, colon)) : Optional.empty();
    }

    private static String text(byte[] file, int from, int to) {
        int end = to > from && file[to - 1] == '\r' ? to - 1 : to;
        return new String(file, from, end - from, StandardCharsets.UTF_8);
    }

    private static int firstNonSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The error list with the reader's bound: past {@link CfgFile#MAX_ERRORS}, one note and no more. */
    private static final class Errors {
        final List<CfgError> list = new ArrayList<>();
        boolean stopped;

        void add(int line, int column, String message) {
            if (list.size() < CfgFile.MAX_ERRORS) {
                list.add(new CfgError(line, column, message));
            } else {
                list.add(new CfgError(line, 0, "more than " + CfgFile.MAX_ERRORS + " errors; stopped reading"));
                stopped = true;
            }
        }
    }
}
