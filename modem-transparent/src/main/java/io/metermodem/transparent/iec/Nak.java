package io.metermodem.transparent.iec;

/**
 * A negative acknowledgement {@code NAK} (0x15): the last message was received with an error and
 * should be repeated.
 */
public record Nak() implements IecMessage {
}
