package io.metermodem.transparent.iec;

/**
 * Why part of a data block could not be read as data sets, and where.
 *
 * @param position index of the first offending character in the data block
 * @param reason   what is wrong, for logs and replies
 */
public record ParseProblem(int position, String reason) {

    /**
     * @throws IllegalArgumentException on a negative position or a missing reason
     */
    public ParseProblem {
        if (position < 0 || reason == null) {
            throw new IllegalArgumentException("position must be >= 0 and a reason given");
        }
    }
}
