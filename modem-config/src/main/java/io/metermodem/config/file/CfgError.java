package io.metermodem.config.file;

/**
 * One problem in a {@code .cfg} file (CFG-5), located by line and, where useful, column.
 *
 * @param line    1-based line number
 * @param column  1-based column (characters), or 0 when the whole line or file is meant
 * @param message what is wrong; never contains a secret value
 */
public record CfgError(int line, int column, String message) {

    /** Checks the position and message. */
    public CfgError {
        if (line < 1 || column < 0 || message == null || message.isBlank()) {
            throw new IllegalArgumentException("line >= 1, column >= 0 and a message are required");
        }
    }

    /** Formats as {@code line 7, column 3: message} (or {@code line 7: message}). */
    @Override
    public String toString() {
        return "line " + line + (column > 0 ? ", column " + column : "") + ": " + message;
    }
}
