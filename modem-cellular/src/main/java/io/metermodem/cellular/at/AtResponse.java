package io.metermodem.cellular.at;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one {@link AtCommand} (HAL-7): its information lines in order and its final result.
 *
 * @param command the command
 * @param lines   intermediate (information) lines, without CR LF
 * @param result  the final result, {@link AtResult.Timeout} when none came
 */
public record AtResponse(AtCommand command, List<String> lines, AtResult result) {

    /** Checks and copies the parts. */
    public AtResponse {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(result, "result");
        lines = List.copyOf(lines);
    }

    /** @return true when the result is {@code OK} or {@code CONNECT} */
    public boolean isOk() {
        return result.isSuccess();
    }

    /**
     * @param prefix such as {@code +CSQ:}
     * @return the text after the prefix of the first line that starts with it, trimmed
     */
    public Optional<String> value(String prefix) {
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                return Optional.of(line.substring(prefix.length()).trim());
            }
        }
        return Optional.empty();
    }

    /**
     * The value of the last line with the prefix: when an unsolicited report with the same prefix
     * arrived while the query was pending (it cannot be told apart), the query's own answer, which
     * comes last, wins.
     *
     * @param prefix such as {@code +CREG:}
     * @return the text after the prefix of the last line that starts with it, trimmed
     */
    public Optional<String> lastValue(String prefix) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) {
                return Optional.of(lines.get(i).substring(prefix.length()).trim());
            }
        }
        return Optional.empty();
    }

    /** @return the first information line that is not an echo, or empty */
    public Optional<String> firstLine() {
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0));
    }
}
