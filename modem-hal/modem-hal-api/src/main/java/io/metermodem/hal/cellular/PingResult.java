package io.metermodem.hal.cellular;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of one ping through the packet data connection (NET-2 watchdog).
 *
 * @param host      the address pinged
 * @param roundTrip the round-trip time, empty when no reply came within the wait
 */
public record PingResult(String host, Optional<Duration> roundTrip) {

    /** @throws NullPointerException for a missing field */
    public PingResult {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(roundTrip, "roundTrip");
    }

    /** @return whether a reply arrived */
    public boolean replied() {
        return roundTrip.isPresent();
    }
}
