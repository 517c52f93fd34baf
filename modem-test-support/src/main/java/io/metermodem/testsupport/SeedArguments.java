package io.metermodem.testsupport;

import java.lang.reflect.Method;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;

/** Supplies the {@link Gen}s of a {@link Property}: one per seed, or the one seed asked for. */
final class SeedArguments implements ArgumentsProvider, AnnotationConsumer<Property> {

    static final String SEED = "property.seed";
    static final String TRIES = "property.tries";
    static final String BASE = "property.base";

    private int tries;

    @Override
    public void accept(Property property) {
        tries = property.tries();
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        String only = System.getProperty(SEED);
        if (only != null && !only.isBlank()) {
            return Stream.of(Arguments.of(new Gen(Long.parseLong(only.trim()))));
        }
        int count = Integer.getInteger(TRIES, tries);
        if (count < 1) {
            throw new IllegalArgumentException("a property needs at least one try, got " + count);
        }
        Method method = context.getRequiredTestMethod();
        long base = Long.getLong(BASE, 0L)
                ^ mix(method.getDeclaringClass().getName().hashCode() * 31L + method.getName().hashCode());
        return LongStream.range(0, count).mapToObj(i -> Arguments.of(new Gen(mix(base + i))));
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
