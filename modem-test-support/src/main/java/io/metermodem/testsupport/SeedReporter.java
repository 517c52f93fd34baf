package io.metermodem.testsupport;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * Names the seed of a failed {@link Property} case, with the option that replays it, in the
 * failure's message; the original failure stays attached as the cause.
 */
final class SeedReporter implements InvocationInterceptor {

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        try {
            invocation.proceed();
        } catch (TestAbortedException aborted) {
            throw aborted;
        } catch (Throwable failure) {
            Gen gen = invocationContext.getArguments().stream()
                    .filter(Gen.class::isInstance).map(Gen.class::cast).findFirst().orElse(null);
            if (gen == null) {
                throw failure;
            }
            Method method = invocationContext.getExecutable();
            String replay = "-D" + SeedArguments.SEED + "=" + gen.seed() + " -Dtest="
                    + method.getDeclaringClass().getSimpleName() + "#" + method.getName();
            AssertionError reported = new AssertionError("property failed for seed " + gen.seed()
                    + " (replay: " + replay + "): " + failure, failure);
            throw reported;
        }
    }
}
