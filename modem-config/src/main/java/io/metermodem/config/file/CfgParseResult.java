package io.metermodem.config.file;

import io.metermodem.config.Transaction;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The result of reading a {@code .cfg} file (CFG-5): a transaction ready to apply, or every error.
 * A file with any error yields no transaction at all, so an import applies everything or nothing.
 */
public sealed interface CfgParseResult permits CfgParseResult.Parsed, CfgParseResult.Failed {

    /**
     * Every line is valid.
     *
     * @param transaction  the changes of the file, in file order (password values already hashed)
     * @param linesByName  the line that set each parameter, to locate errors found when applying
     *                     (rules across parameters)
     */
    record Parsed(Transaction transaction, Map<String, Integer> linesByName) implements CfgParseResult {
        /** Copies the map. */
        public Parsed {
            if (transaction == null) {
                throw new IllegalArgumentException("a transaction is required");
            }
            linesByName = Map.copyOf(linesByName);
        }

        /**
         * The line that set a parameter.
         *
         * @param name the parameter name
         * @return the 1-based line, or empty when the file does not set it
         */
        public OptionalInt lineOf(String name) {
            Integer line = linesByName.get(name);
            return line == null ? OptionalInt.empty() : OptionalInt.of(line);
        }
    }

    /**
     * The file has errors; nothing may be applied.
     *
     * @param errors every error found (at most {@link CfgFile#MAX_ERRORS} plus a note), in line order
     */
    record Failed(List<CfgError> errors) implements CfgParseResult {
        /** Copies the list, which must not be empty. */
        public Failed {
            if (errors == null || errors.isEmpty()) {
                throw new IllegalArgumentException("a failure has at least one error");
            }
            errors = List.copyOf(errors);
        }
    }
}
