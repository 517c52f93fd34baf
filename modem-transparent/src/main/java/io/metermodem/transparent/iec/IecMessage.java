package io.metermodem.transparent.iec;

/**
 * A message of IEC 62056-21 (clause "Message formats"), as the {@link IecEncoder} writes it and the
 * {@link IecDecoder} reads it. Every variant is an immutable record that validates its fields, so a
 * message that exists can always be encoded.
 */
public sealed interface IecMessage
        permits SignOn, Identification, AckOptionSelect, DataMessage, CommandMessage, Break, Ack, Nak {
}
