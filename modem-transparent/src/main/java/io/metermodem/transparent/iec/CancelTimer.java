package io.metermodem.transparent.iec;

/** Stop the session's timer: the session ended and needs no time-out any more. */
public record CancelTimer() implements IecSessionAction {
}
