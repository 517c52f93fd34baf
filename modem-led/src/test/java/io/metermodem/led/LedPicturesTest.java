package io.metermodem.led;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The committed LED pictures ({@code docs/leds/*.svg} and their index) are exactly what the code
 * draws today. Regenerate them after a change of the LED rules with
 * {@code ./mvnw -q -pl modem-led -am verify -Dtest=LedPicturesTest -Dsurefire.failIfNoSpecifiedTests=false -Dled.pictures.update=true}.
 */
class LedPicturesTest {

    /** {@code docs/leds} of the repository; tests run in the module directory. */
    static final Path DOCS = Path.of("..", "docs", "leds");

    @Test
    @DisplayName("LED-1..LED-12: the committed docs/leds pictures are what the engine draws (regenerate: -Dled.pictures.update=true)")
    void picturesMatchTheCode() throws IOException {
        List<LedPictures.Picture> pictures = LedPictures.all();
        String index = index(pictures);
        if (Boolean.getBoolean("led.pictures.update")) {
            Files.createDirectories(DOCS);
            try (Stream<Path> old = Files.list(DOCS)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".svg")).toList()) {
                    Files.delete(p);
                }
            }
            for (LedPictures.Picture p : pictures) {
                Files.writeString(DOCS.resolve(p.file()), p.svg(), StandardCharsets.UTF_8);
            }
            Files.writeString(DOCS.resolve("index.md"), index, StandardCharsets.UTF_8);
        }
        List<String> differ = new ArrayList<>();
        for (LedPictures.Picture p : pictures) {
            Path file = DOCS.resolve(p.file());
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(p.svg())) {
                differ.add(p.file());
            }
        }
        assertEquals(List.of(), differ, "pictures that differ from the code's output; regenerate them with"
                + " -Dled.pictures.update=true (see README, LEDs)");
        assertEquals(index, Files.readString(DOCS.resolve("index.md"), StandardCharsets.UTF_8), "docs/leds/index.md");
        TreeSet<String> committed = new TreeSet<>();
        try (Stream<Path> files = Files.list(DOCS)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".svg")).forEach(committed::add);
        }
        TreeSet<String> expected = new TreeSet<>();
        pictures.forEach(p -> expected.add(p.file()));
        assertEquals(expected, committed, "no stale pictures");
    }

    @Test
    @DisplayName("the pictures are deterministic: drawing twice gives the same bytes")
    void deterministic() {
        List<LedPictures.Picture> a = LedPictures.all();
        List<LedPictures.Picture> b = LedPictures.all();
        assertEquals(a, b);
        assertTrue(a.size() >= 30, "one picture per function and state: " + a.size());
    }

    /** The Markdown table of all pictures, as shown in the README. */
    static String index(List<LedPictures.Picture> pictures) {
        StringBuilder md = new StringBuilder("| function | state | timeline |\n|---|---|---|\n");
        for (LedPictures.Picture p : pictures) {
            md.append("| ").append(p.function()).append(" | ").append(p.state()).append(" | ![")
                    .append(p.file()).append("](docs/leds/").append(p.file()).append(") |\n");
        }
        return md.toString();
    }
}
