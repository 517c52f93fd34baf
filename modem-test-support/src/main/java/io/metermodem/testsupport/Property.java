package io.metermodem.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A seeded property test: a {@link ParameterizedTest} that runs once for each of {@link #tries()}
 * seeds, handing the method a {@link Gen} built from that seed. The seeds are a fixed sequence
 * derived from the test's class and method name, so every run sees the same cases; a failure is
 * reported with its seed and the {@code -Dproperty.seed=N} option that replays it alone.
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(SeedArguments.class)
@ExtendWith(SeedReporter.class)
public @interface Property {

    /**
     * @return how many seeds (generated cases) to run
     */
    int tries() default 200;
}
