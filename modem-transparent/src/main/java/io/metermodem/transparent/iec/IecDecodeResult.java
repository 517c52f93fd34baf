package io.metermodem.transparent.iec;

/**
 * What the {@link IecDecoder} makes of the bytes fed to it, in stream order: a decoded message or
 * a report of malformed input. Malformed input is never an exception: the line is the outside world.
 */
public sealed interface IecDecodeResult permits DecodedMessage, MalformedInput {
}
