package io.metermodem.testkit.meter;

/**
 * One entry of a {@link SimulatedIecMeter}'s log: what it received, what it threw away and why, what
 * it sent, and how its state changed, each stamped with the virtual time of the board's clock. Tests
 * read the log to assert what the meter saw (TR-4: a sign-on sent at 8N1 shows up as ignored input
 * with line errors, never as a request).
 */
public sealed interface IecMeterEvent permits ReceivedRequest, IgnoredInput, SentAnswer, StateChanged {

    /** @return when it happened, on the scheduler's {@code nanoTime()} clock */
    long nanoTime();
}
