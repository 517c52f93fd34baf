package io.metermodem.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * A test class that drives an independent outside program (socat pseudo-terminals, ppp's
 * {@code chat}, python3-gammu, node-pdu). It carries the {@code interop} tag, which the default
 * build leaves out so that {@code ./mvnw verify} needs nothing but a JDK; {@code ./mvnw verify
 * -Pinterop} runs it, after {@code .ci/install-peers} has installed the programs. A missing
 * program fails the test with the command that installs it; nothing is skipped.
 *
 * <p>Each test gets a wall-clock {@link Timeout} of two minutes: a hung peer fails its test
 * instead of the build. The limit is a safety net, never a speed assertion.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("interop")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public @interface Interop {
}
