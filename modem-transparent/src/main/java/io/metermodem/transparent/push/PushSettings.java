package io.metermodem.transparent.push;

import io.metermodem.hal.cellular.Apn;
import io.metermodem.transparent.outbound.Endpoint;
import io.metermodem.transparent.outbound.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of push readouts (TR-7).
 *
 * <pre>{@code
 * PushSettings every15min = PushSettings.to(new Endpoint("hes.example.net", 9100))
 *         .withInterval(Duration.ofMinutes(15), true)       // at :00, :15, :30, :45
 *         .withPacketData(Apn.of("m2m.example"));           // network only while sending
 * }</pre>
 *
 * @param hes            the head-end to connect to
 * @param interval       time between interval pushes; zero for event pushes only
 * @param aligned        whether interval pushes fall on multiples of the interval on the wall clock
 *                       (UTC, e.g. every quarter hour), rather than counting from {@code start()}
 * @param packetData     if present, packet data is activated with this APN before each push and
 *                       deactivated after it; if empty, the firmware keeps packet data up itself
 * @param connectTimeout how long one connection attempt may take
 * @param idleTimeout    the modem closes the connection when nothing moved for this long
 * @param maxDuration    the modem closes the connection after this long in any case
 * @param retry          retries when packet data or the connection fails
 */
public record PushSettings(Endpoint hes, Duration interval, boolean aligned, Optional<Apn> packetData,
                           Duration connectTimeout, Duration idleTimeout, Duration maxDuration,
                           RetryPolicy retry) {

    /** Shortest interval accepted: pushing more often would keep the network up all the time. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    /** @throws IllegalArgumentException for non-positive timeouts or an interval below {@link #MIN_INTERVAL} */
    public PushSettings {
        Objects.requireNonNull(hes, "hes");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(packetData, "packetData");
        Objects.requireNonNull(retry, "retry");
        if (!interval.isZero() && interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("push interval must be zero (off) or at least " + MIN_INTERVAL + ", got " + interval);
        }
        requirePositive("connect timeout", connectTimeout);
        requirePositive("idle timeout", idleTimeout);
        requirePositive("max duration", maxDuration);
    }

    /**
     * Event pushes only, packet data managed elsewhere, 30 s connect timeout, 60 s idle timeout,
     * 10 min maximum, 3 attempts 10 s apart then doubling.
     *
     * @param hes the head-end
     * @return the settings
     */
    public static PushSettings to(Endpoint hes) {
        return new PushSettings(hes, Duration.ZERO, false, Optional.empty(), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofMinutes(10),
                RetryPolicy.doubling(Duration.ofSeconds(10), Duration.ofMinutes(5), 3));
    }

    /**
     * @param every   time between interval pushes, zero for none
     * @param onClock whether pushes fall on multiples of {@code every} on the wall clock
     * @return these settings with another interval
     */
    public PushSettings withInterval(Duration every, boolean onClock) {
        return new PushSettings(hes, every, onClock, packetData, connectTimeout, idleTimeout, maxDuration, retry);
    }

    /**
     * @param apn packet data is brought up with it before each push and down after it
     * @return these settings with packet data managed per push
     */
    public PushSettings withPacketData(Apn apn) {
        return new PushSettings(hes, interval, aligned, Optional.of(apn), connectTimeout, idleTimeout, maxDuration, retry);
    }

    /**
     * @param connect per-attempt connect timeout
     * @param idle    idle timeout of the connection
     * @param max     maximum duration of the connection
     * @return these settings with other timeouts
     */
    public PushSettings withTimeouts(Duration connect, Duration idle, Duration max) {
        return new PushSettings(hes, interval, aligned, packetData, connect, idle, max, retry);
    }

    /**
     * @param policy retries of a failed set-up
     * @return these settings with another retry policy
     */
    public PushSettings withRetry(RetryPolicy policy) {
        return new PushSettings(hes, interval, aligned, packetData, connectTimeout, idleTimeout, maxDuration, policy);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
