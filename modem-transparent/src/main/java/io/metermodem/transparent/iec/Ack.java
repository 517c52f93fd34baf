package io.metermodem.transparent.iec;

/**
 * A lone acknowledgement {@code ACK} (0x06): a command was accepted, or a block was received well
 * and the next one may follow.
 */
public record Ack() implements IecMessage {
}
