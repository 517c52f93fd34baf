/**
 * One clock for the whole firmware. All time comes from an injected {@link io.metermodem.hal.time.Scheduler};
 * the mock HAL's virtual scheduler moves time only when a test says so, so guard times, LED rhythms and
 * reconnect delays are exact to the nanosecond and cost no real time.
 */
package io.metermodem.hal.time;
