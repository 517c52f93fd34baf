package io.metermodem.hal.mock;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metermodem.hal.gpio.Led;
import io.metermodem.hal.serial.LineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's mock board snippet, verbatim between the {@code README:} markers, so that the README
 * shows code that compiles and passes: the IEC sign-on crosses the bit-level meter line in exactly
 * 5 x 10 bits at 300 baud (HAL-1, HAL-8), and an LED driven through the HAL's output API in virtual
 * time is recorded and counted (HAL-4). Public API only.
 */
class ReadmeHalSnippetTest {

    @Test
    @DisplayName("HAL-8: the README snippet: the sign-on reaches the meter in 167 ms and LED1 flashes 10 times in 10 s")
    void readmeSnippet() throws IOException {
        // README:begin
        try (MockBoard board = MockBoard.builder().build()) {
            board.meterEnd().open(LineSettings.IEC_SIGN_ON);          // the meter's side of the cable
            board.meterPort().open(LineSettings.IEC_SIGN_ON);         // what the firmware uses
            board.meterPort().write("/?!\r\n".getBytes(US_ASCII));
            board.advance(Duration.ofMillis(167));                    // 5 x 10 bits at 300 baud
            assertArrayEquals("/?!\r\n".getBytes(US_ASCII), board.meterEnd().readAvailable());

            // the firmware's part, by hand: LED1 toggles every 500 ms, a 1 Hz blink in virtual time
            board.scheduler().scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(500), board.led(Led.LED1)::toggle);
            board.advance(ofSeconds(10));                             // a timeline ends at "now": let 10 s pass
            assertEquals(10, board.led(Led.LED1).timeline().between(ofSeconds(0), ofSeconds(10)).flashCount());
        }
        // README:end
    }

    @Test
    @DisplayName("HAL-8: the README shows exactly the snippet above, line for line")
    void readmeShowsThisSnippet() throws IOException {
        // Surefire runs in the module directory, modem-hal/modem-hal-mock.
        List<String> source = Files.readAllLines(Path.of("src/test/java/io/metermodem/hal/mock/ReadmeHalSnippetTest.java"));
        List<String> snippet = source.subList(source.indexOf("        // README:begin") + 1,
                source.indexOf("        // README:end")).stream().map(line -> line.isEmpty() ? line : line.substring(8)).toList();
        List<String> readme = Files.readAllLines(Path.of("../../README.md"));
        int start = readme.indexOf(snippet.get(0));
        assertEquals("```java", readme.get(start - 1), "the README's snippet opens a java block");
        assertEquals(snippet, readme.subList(start, start + snippet.size()));
        assertEquals("```", readme.get(start + snippet.size()), "the README's snippet ends where the test's does");
    }
}
