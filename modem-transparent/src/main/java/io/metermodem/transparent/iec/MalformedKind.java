package io.metermodem.transparent.iec;

/** The kinds of malformed input the {@link IecDecoder} reports. */
public enum MalformedKind {
    /** Bytes outside any message (noise, a lost frame start); skipped up to the next frame start. */
    UNEXPECTED_BYTE,
    /** A complete frame whose content breaks the message syntax (e.g. a bad identification line). */
    BAD_SYNTAX,
    /** A data or command message whose BCC differs from the XOR of its bytes. */
    BCC_MISMATCH,
    /** A frame longer than the configured bound; it is dropped. */
    TOO_LONG,
    /** A frame cut off by the start of another one, or by {@link IecDecoder#flush()}. */
    TRUNCATED
}
