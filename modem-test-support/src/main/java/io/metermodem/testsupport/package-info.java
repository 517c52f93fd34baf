/**
 * Test support for the metermodem build: seeded property tests on plain JUnit 5.
 *
 * <p>A property is a {@link io.metermodem.testsupport.Property @Property} method that takes a
 * {@link io.metermodem.testsupport.Gen}. It runs once per seed; every seed is fixed, so a run is
 * repeatable, and a failure names its seed and the option that replays exactly that case:
 *
 * <pre>{@code
 * @Property(tries = 300)
 * void roundTrip(Gen gen) {
 *     byte[] payload = gen.bytes(0, 140);
 *     assertArrayEquals(payload, decode(encode(payload)));
 * }
 * }</pre>
 *
 * <p>System properties (pass them to Maven with {@code -D}; surefire hands them on):
 * <ul>
 *   <li>{@code property.seed=N}: run only seed N of every selected property (replay a failure);</li>
 *   <li>{@code property.tries=N}: run N seeds per property instead of its {@code tries} (soak runs);</li>
 *   <li>{@code property.base=N}: start the seed sequence elsewhere, to explore new cases.</li>
 * </ul>
 */
package io.metermodem.testsupport;
