package io.metermodem.transparent.iec;

/**
 * The break command {@code SOH B 0 ETX BCC} (bytes {@code 01 42 30 03 71}): ends the session; the
 * meter returns to 300 baud and waits for a new sign-on (IEC 62056-21 clause "Command message",
 * command B). A baud-rate follower switches the meter line back to 300 7E1 on it (TR-11).
 */
public record Break() implements IecMessage {
}
