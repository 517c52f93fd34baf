package io.metermodem.hal.mock.cellular;

import java.time.Duration;
import java.util.Objects;

/**
 * How long things take in the {@link MockCellularNetwork} (HAL-7). The defaults are realistic for a
 * 4G module with a CSD fallback, so that firmware timeouts meet the same delays as in the field; a test
 * that cares about one delay changes just that one: {@code MockCellularTimings.DEFAULT.withDial(Duration.ofSeconds(30))}.
 *
 * @param atResponse       reply to a simple AT command, and to commands refused at once (e.g. no registration)
 * @param pinCheck         the SIM checking a PIN ({@code AT+CPIN})
 * @param smsSendPerPart   the network accepting one SMS part ({@code AT+CMGS})
 * @param pdpActivation    packet data activation with an IP address assigned
 * @param pdpDeactivation  packet data deactivation
 * @param answer           from {@code ATA} to {@code CONNECT} of an incoming data call
 * @param dial             from dialling to the outcome of an outgoing data call
 * @param atTimeout        how long a driver waits for a module that does not answer
 * @param restart          from a restart until the module answers again
 * @param registration     from a ready SIM with network coverage to registration (after a PIN or a restart)
 * @param ringInterval     between two {@code RING}s of an incoming call
 * @param csdLatency       one-way network delay of data call bytes, on top of their time on the line
 * @param csdBitRate       data call speed in bit/s; each byte takes 10 bits (start, 8 data, stop)
 */
public record MockCellularTimings(Duration atResponse,
                                  Duration pinCheck,
                                  Duration smsSendPerPart,
                                  Duration pdpActivation,
                                  Duration pdpDeactivation,
                                  Duration answer,
                                  Duration dial,
                                  Duration atTimeout,
                                  Duration restart,
                                  Duration registration,
                                  Duration ringInterval,
                                  Duration csdLatency,
                                  int csdBitRate) {

    /** Realistic defaults: PIN 200 ms, SMS 2 s per part, packet data 1.5 s, dial 10 s, CSD at 9600 bit/s. */
    public static final MockCellularTimings DEFAULT = new MockCellularTimings(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            Duration.ofMillis(1500),
            Duration.ofMillis(500),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(3),
            Duration.ofSeconds(3),
            Duration.ofMillis(100), 9600);

    /** @throws IllegalArgumentException for a negative duration or a bit rate outside 300..10,000,000 */
    public MockCellularTimings {
        requireNotNegative("atResponse", atResponse);
        requireNotNegative("pinCheck", pinCheck);
        requireNotNegative("smsSendPerPart", smsSendPerPart);
        requireNotNegative("pdpActivation", pdpActivation);
        requireNotNegative("pdpDeactivation", pdpDeactivation);
        requireNotNegative("answer", answer);
        requireNotNegative("dial", dial);
        requireNotNegative("atTimeout", atTimeout);
        requireNotNegative("restart", restart);
        requireNotNegative("registration", registration);
        requireNotNegative("ringInterval", ringInterval);
        requireNotNegative("csdLatency", csdLatency);
        if (csdBitRate < 300 || csdBitRate > 10_000_000) {
            throw new IllegalArgumentException("CSD bit rate must be 300..10000000, got " + csdBitRate);
        }
        if (ringInterval.isZero()) {
            throw new IllegalArgumentException("ring interval must be positive");
        }
    }

    /**
     * @param bytes number of bytes
     * @return the time they occupy on a data call line at {@link #csdBitRate()}, 10 bits per byte
     */
    public Duration csdTransmitTime(int bytes) {
        return Duration.ofNanos((bytes * 10L * 1_000_000_000L + csdBitRate - 1) / csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another atResponse
     */
    public MockCellularTimings withAtResponse(Duration value) {
        return new MockCellularTimings(value, pinCheck, smsSendPerPart, pdpActivation, pdpDeactivation, answer, dial, atTimeout, restart, registration, ringInterval, csdLatency, csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another pinCheck
     */
    public MockCellularTimings withPinCheck(Duration value) {
        return new MockCellularTimings(atResponse, value, smsSendPerPart, pdpActivation, pdpDeactivation, answer, dial, atTimeout, restart, registration, ringInterval, csdLatency, csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another smsSendPerPart
     */
    public MockCellularTimings withSmsSendPerPart(Duration value) {
        return new MockCellularTimings(atResponse, pinCheck, value, pdpActivation, pdpDeactivation, answer, dial, atTimeout, restart, registration, ringInterval, csdLatency, csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another pdpActivation
     */
    public MockCellularTimings withPdpActivation(Duration value) {
        return new MockCellularTimings(atResponse, pinCheck, smsSendPerPart, value, pdpDeactivation, answer, dial, atTimeout, restart, registration, ringInterval, csdLatency, csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another pdpDeactivation
     */
    public MockCellularTimings withPdpDeactivation(Duration value) {
        return new MockCellularTimings(atResponse, pinCheck, smsSendPerPart, pdpActivation, value, answer, dial, atTimeout, restart, registration, ringInterval, csdLatency, csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another answer
     */
    public MockCellularTimings withAnswer(Duration value) {
        return new MockCellularTimings(atResponse, pinCheck, smsSendPerPart, pdpActivation, pdpDeactivation, value, dial, atTimeout, restart, registration, ringInterval, csdLatency, csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another dial
     */
    public MockCellularTimings withDial(Duration value) {
        return new MockCellularTimings(atResponse, pinCheck, smsSendPerPart, pdpActivation, pdpDeactivation, answer, value, atTimeout, restart, registration, ringInterval, csdLatency, csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another atTimeout
     */
    public MockCellularTimings withAtTimeout(Duration value) {
        return new MockCellularTimings(atResponse, pinCheck, smsSendPerPart, pdpActivation, pdpDeactivation, answer, dial, value, restart, registration, ringInterval, csdLatency, csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another restart
     */
    public MockCellularTimings withRestart(Duration value) {
        return new MockCellularTimings(atResponse, pinCheck, smsSendPerPart, pdpActivation, pdpDeactivation, answer, dial, atTimeout, value, registration, ringInterval, csdLatency, csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another registration
     */
    public MockCellularTimings withRegistration(Duration value) {
        return new MockCellularTimings(atResponse, pinCheck, smsSendPerPart, pdpActivation, pdpDeactivation, answer, dial, atTimeout, restart, value, ringInterval, csdLatency, csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another ringInterval
     */
    public MockCellularTimings withRingInterval(Duration value) {
        return new MockCellularTimings(atResponse, pinCheck, smsSendPerPart, pdpActivation, pdpDeactivation, answer, dial, atTimeout, restart, registration, value, csdLatency, csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another csdLatency
     */
    public MockCellularTimings withCsdLatency(Duration value) {
        return new MockCellularTimings(atResponse, pinCheck, smsSendPerPart, pdpActivation, pdpDeactivation, answer, dial, atTimeout, restart, registration, ringInterval, value, csdBitRate);
    }

    /**
     * @param value the new value
     * @return these timings with another csdBitRate
     */
    public MockCellularTimings withCsdBitRate(int value) {
        return new MockCellularTimings(atResponse, pinCheck, smsSendPerPart, pdpActivation, pdpDeactivation, answer, dial, atTimeout, restart, registration, ringInterval, csdLatency, value);
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
