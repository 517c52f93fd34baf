package io.metermodem.hal.serial;

/**
 * A receive error reported by a serial line.
 *
 * @param kind      what went wrong
 * @param nanoTime  when it was detected, on the board's clock
 * @param character the character as the receiver decoded it, or -1 when none was (overrun, break)
 */
public record LineError(LineErrorKind kind, long nanoTime, int character) {

    /**
     * @throws IllegalArgumentException if the kind is missing or the character outside -1..255
     */
    public LineError {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (character < -1 || character > 255) {
            throw new IllegalArgumentException("character " + character + " outside -1..255");
        }
    }
}
