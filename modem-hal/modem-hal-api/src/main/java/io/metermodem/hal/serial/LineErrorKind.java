package io.metermodem.hal.serial;

/** What a UART receiver can report besides data (HAL-1). */
public enum LineErrorKind {
    /** The parity bit did not match the data bits. The character is still delivered. */
    PARITY,
    /** The stop bit was sampled as a space: the receiver lost character synchronisation. */
    FRAMING,
    /** A character arrived while the receive buffer was full; it was lost. */
    OVERRUN,
    /** The line was held at space for longer than a whole character (an IEC 62056-21 or V.250 break). */
    BREAK
}
