package io.metermodem.testsupport;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/** The invocation of {@code reporterNamesTheSeed} with one {@link Gen} argument, for the reporter. */
final class FakeInvocationContext implements ReflectiveInvocationContext<Method> {

    private final Gen gen;

    FakeInvocationContext(Gen gen) {
        this.gen = gen;
    }

    @Override
    public Class<?> getTargetClass() {
        return PropertySupportTest.class;
    }

    @Override
    public Method getExecutable() {
        try {
            return PropertySupportTest.class.getDeclaredMethod("reporterNamesTheSeed");
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public List<Object> getArguments() {
        return List.of(gen);
    }

    @Override
    public Optional<Object> getTarget() {
        return Optional.empty();
    }
}
