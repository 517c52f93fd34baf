package io.metermodem.transparent.iec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IecBccTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    @DisplayName("TR-9: the BCC of the published vector SOH W2 STX C003(910324092239) ETX is 0x1B")
    void publishedVector() {
        byte[] frame = HEX.parseHex("01 57 32 02 43 30 30 33 28 39 31 30 33 32 34 30 39 32 32 33 39 29 03");
        assertEquals(OptionalInt.of(0x1B), IecBcc.ofFrame(frame));
        assertEquals(0x1B, IecBcc.xor(frame, 1, frame.length));
    }

    @Test
    @DisplayName("TR-9: the BCC starts after the leading SOH, so the STX inside a command counts")
    void startsAfterFirstSohOnly() {
        byte[] frame = HEX.parseHex("01 57 32 02 43 30 30 33 28 39 31 30 33 32 34 30 39 32 32 33 39 29 03");
        // Starting after the STX instead gives a different value: the W2 and the STX are covered.
        assertEquals(0x1B ^ 0x57 ^ 0x32 ^ 0x02, IecBcc.xor(frame, 4, frame.length));
    }

    @Test
    @DisplayName("TR-11: the break message is 01 42 30 03 71")
    void breakBytes() {
        assertEquals(OptionalInt.of(0x71), IecBcc.ofFrame(HEX.parseHex("01 42 30 03")));
        assertEquals("01 42 30 03 71", HEX.formatHex(IecEncoder.encode(new Break())));
    }

    @Test
    @DisplayName("TR-9: bytes without SOH/STX ... ETX have no BCC; a trailing BCC byte is ignored")
    void noFrame() {
        assertEquals(OptionalInt.empty(), IecBcc.ofFrame(HEX.parseHex("2f 3f 21 0d 0a")));
        assertEquals(OptionalInt.empty(), IecBcc.ofFrame(HEX.parseHex("02 41 42")));
        assertEquals(OptionalInt.of(0x71), IecBcc.ofFrame(HEX.parseHex("01 42 30 03 71")));
        assertThrows(IllegalArgumentException.class, () -> IecBcc.xor(new byte[2], 1, 3));
    }
}
