package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Failures of the command-line parser point into the line as documented (AT-23). */
class CommandParserTest {

    @Test
    @DisplayName("AT-23: an unterminated quoted string fails at the end of the line counted without its spaces")
    void unterminatedQuotePosition() {
        // Before: the position counted the spaces (26), past the end of the line the parser reads (21).
        String line = "  +CGDCONT = 1, \"IP\",\"open";
        assertEquals(new ParsedLine.Failure(21, "unterminated quoted string"), CommandParser.parse(line));
        assertEquals(new ParsedLine.Failure(2, "unterminated quoted string"), CommandParser.parse(" \" "));
    }
}
