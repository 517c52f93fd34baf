package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the V.250 line assembler (AT-1, AT-22) with the bytes a serial console or a TCP peer may
 * send: any bytes, with the default terminator (CR) and editing character (backspace). Each byte is
 * checked against what V.250 says it does: a line ends only at the terminator, is repeated only by
 * {@code A/}, the editing character erases exactly the last character, a printable character is
 * appended (until the line is full, when the line is refused at its terminator), control characters
 * are dropped, and the line never holds more than {@link CommandLineAssembler#MAX_LINE} printable
 * 7-bit characters. Bit 7 is framing only: the same bytes with bit 7 cleared (8N1) and with bit 7 set
 * as even parity (7E1) give the same steps and lines, and each line's framing is recognised.
 */
class AtLineFuzzTest {

    private static final int CR = 13;
    private static final int BS = 8;

    /** One byte's outcome: its step and the line afterwards. */
    private record Outcome(CommandLineAssembler.Step step, String line, boolean inLine) {
    }

    @FuzzTest
    void lines(byte[] input) {
        List<Outcome> raw = assemble(input, -1);
        assertEquals(raw, assemble(input, 0), "bit 7 cleared (8N1) gives the same steps and lines");
        assertEquals(raw, assemble(input, 1), "bit 7 as even parity (7E1) gives the same steps and lines");
    }

    /**
     * Feeds the bytes, checking every step.
     *
     * @param input  the bytes
     * @param bit7   -1: as they are; 0: bit 7 cleared; 1: bit 7 set as the even parity of the rest
     * @return each byte's outcome
     */
    private static List<Outcome> assemble(byte[] input, int bit7) {
        CommandLineAssembler assembler = new CommandLineAssembler();
        List<Outcome> outcomes = new ArrayList<>(input.length);
        int previous = -1;
        for (byte b : input) {
            int ch = b & 0x7F;
            int wire = switch (bit7) {
                case 0 -> ch;
                case 1 -> LineFraming.F7E1.encode(ch);
                default -> b & 0xFF;
            };
            boolean wasInLine = assembler.inLine();
            String before = assembler.line();
            CommandLineAssembler.Step step = assembler.accept(wire, CR, BS);
            String after = assembler.line();
            assertTrue(assembler.length() <= CommandLineAssembler.MAX_LINE);
            assertEquals(after.length(), assembler.length());
            switch (step) {
                case LINE, OVERFLOW -> {
                    assertTrue(wasInLine && ch == CR, "a line ends at its terminator only");
                    assertFalse(assembler.inLine());
                    assertTrue(after.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "printable 7-bit only: " + after);
                    if (step == CommandLineAssembler.Step.OVERFLOW) {
                        assertEquals(CommandLineAssembler.MAX_LINE, after.length(), "only a full line overflows");
                    }
                    if (bit7 == 0) {
                        assertEquals(LineFraming.F8N1, assembler.framingEvidence(), "8N1 recognised at the CR");
                    } else if (bit7 == 1) {
                        assertEquals(LineFraming.F7E1, assembler.framingEvidence(), "7E1 recognised at the CR");
                    }
                }
                case REPEAT -> {
                    assertTrue(!wasInLine && ch == '/' && (previous == 'A' || previous == 'a'), "A/ repeats");
                    assertFalse(assembler.inLine());
                }
                case ERASED -> {
                    assertTrue(wasInLine && ch == BS);
                    assertEquals(before.substring(0, before.length() - 1), after, "erases the last character");
                }
                case NONE -> {
                    assertNotEquals(CR, wasInLine ? ch : -1, "a terminator in a line always ends it");
                    if (wasInLine && ch >= 0x20 && ch < 0x7F && before.length() < CommandLineAssembler.MAX_LINE) {
                        assertEquals(before + (char) ch, after, "a printable character is appended");
                    } else if (wasInLine) {
                        assertEquals(before, after, "a control character, or one past a full line, is dropped");
                    } else if (assembler.inLine()) {
                        assertTrue((ch == 'T' || ch == 't') && (previous == 'A' || previous == 'a'), "AT opens a line");
                        assertEquals("", after, "a new line starts empty");
                    }
                }
            }
            previous = ch;
            outcomes.add(new Outcome(step, after, assembler.inLine()));
        }
        return outcomes;
    }
}
