package io.metermodem.config.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static final int FAST = PasswordHash.MIN_ITERATIONS;

    @Test
    @DisplayName("SEC-5: a hash matches its password and nothing else")
    void matchesOnlyThePassword() {
        PasswordHash h = PasswordHash.create("correct horse", FAST);
        assertTrue(h.matches("correct horse"));
        assertFalse(h.matches("correct hors"));
        assertFalse(h.matches("correct horse "));
        assertFalse(h.matches(""));
        assertFalse(h.matches(null));
        assertFalse(h.matches("x".repeat(PasswordHash.MAX_PASSWORD_CHARS + 1)));
    }

    @Test
    @DisplayName("SEC-5: PBKDF2-SHA256 text form with a random 16-byte salt, read back equal")
    void encodedForm() {
        PasswordHash a = PasswordHash.create("pw", FAST);
        PasswordHash b = PasswordHash.create("pw", FAST);
        assertTrue(a.encoded().startsWith("pbkdf2-sha256$" + FAST + "$"));
        assertNotEquals(a.encoded(), b.encoded(), "a fresh salt per hash");
        Optional<PasswordHash> parsed = PasswordHash.parse(a.encoded());
        assertEquals(Optional.of(a), parsed);
        assertTrue(parsed.get().matches("pw"));
        assertEquals(FAST, parsed.get().iterations());
    }

    @Test
    @DisplayName("SEC-5: production hashes use the default iteration count")
    void defaultIterations() {
        assertEquals(PasswordHash.DEFAULT_ITERATIONS, PasswordHash.create("pw").iterations());
    }

    @Test
    @DisplayName("SEC-5: malformed or unbounded hash texts are refused")
    void malformedHashes() {
        String good = PasswordHash.create("pw", FAST).encoded();
        String[] parts = good.split("\\$");
        for (String bad : new String[] {"", "pbkdf2-sha256$", "pbkdf2-sha256$1000$AAAA", "md5$1$a$b",
                "pbkdf2-sha256$999$" + parts[2] + "$" + parts[3],
                "pbkdf2-sha256$2000000$" + parts[2] + "$" + parts[3],
                "pbkdf2-sha256$01000$" + parts[2] + "$" + parts[3],
                "pbkdf2-sha256$1000$!!!$" + parts[3],
                "pbkdf2-sha256$1000$" + parts[2] + "$AAAA",
                good + "$extra"}) {
            assertEquals(Optional.empty(), PasswordHash.parse(bad), bad);
        }
    }

    @Test
    @DisplayName("SEC-5: toString shows nothing secret")
    void toStringIsSafe() {
        PasswordHash h = PasswordHash.create("hunter2", FAST);
        String s = h.toString();
        assertFalse(s.contains("hunter2"));
        String[] parts = h.encoded().split("\\$");
        assertFalse(s.contains(parts[2]));
        assertFalse(s.contains(parts[3]));
    }

    @Test
    @DisplayName("SEC-5: creating a hash of nothing or with a wild iteration count is API misuse")
    void misuse() {
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.create("", FAST));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.create("pw", 10));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.create("pw", PasswordHash.MAX_ITERATIONS + 1));
    }
}
