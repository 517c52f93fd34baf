package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.metermodem.config.ParameterType;
import io.metermodem.config.ValueCheck;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Fuzzes the reader of the stored profile {@code at.profile} (AT-11, AT-21) with outside bytes: the
 * text comes from the flash, a configuration file or remote configuration, possibly written by other
 * firmware. Reading never throws and accepts a text only when it holds every setting exactly once, in
 * range; what it accepts is the same settings as its canonical form, which the configuration accepts;
 * and every text the configuration stores, the interpreter reads back as that very text.
 */
class AtProfileFuzzTest {

    private static final ParameterType TYPE = InterpreterRun.REGISTRY.parameter(AtProfile.PARAMETER).type();

    @FuzzTest
    void storedProfile(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Optional<AtProfile> parsed = AtProfile.parse(text);
        if (parsed.isPresent()) {
            AtProfile profile = parsed.get();
            String canonical = profile.canonical();
            assertTrue(text.length() <= AtProfile.MAX_TEXT);
            assertEquals(Set.of(canonical.split(" ")), Set.of(text.split(" ")),
                    "the same settings, in any order, each once");
            assertEquals(canonical.split(" ").length, text.split(" ", -1).length);
            assertEquals(profile, AtProfile.parse(canonical).orElseThrow());
            assertEquals(new ValueCheck.Valid(canonical), TYPE.check(canonical));
        }
        if (TYPE.check(text) instanceof ValueCheck.Valid valid) {
            // The configuration stores its canonical form of the text (trimmed): that is what is read.
            String stored = valid.canonical();
            AtProfile profile = assertInstanceOf(AtProfile.class, AtProfile.parse(stored).orElse(null),
                    () -> "the configuration accepted what the interpreter cannot read: " + stored);
            assertEquals(stored, profile.canonical());
        }
    }
}
