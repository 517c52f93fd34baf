/**
 * JMH benchmarks and footprint measurements of the SDK. Not published; run {@code ./benchmarks.sh}.
 */
package io.metermodem.benchmarks;
