package io.metermodem.testkit.hdlc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HdlcCrcTest {

    @Test
    @DisplayName("TR-4: CRC-16/X.25 of \"123456789\" is the catalogue check value 0x906E")
    void checkValue() {
        assertEquals(0x906E, HdlcCrc.compute("123456789".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    @DisplayName("TR-4: the SNRM from client 16 to server 1 encodes as 7E A0 07 03 21 93 0F 01 7E")
    void snrmVector() {
        HdlcFrame snrm = HdlcFrame.of(new HdlcAddress(1, HdlcAddress.NONE, 1), HdlcAddress.client(16),
                HdlcControl.SNRM, new byte[0]);
        assertArrayEquals(HexFormat.of().parseHex("7ea0070321930f017e"), snrm.encode());
    }

    @Test
    @DisplayName("TR-4: a frame with a flipped FCS bit is rejected")
    void fcsChecked() {
        byte[] bytes = HexFormat.of().parseHex("7ea0070321930f017e");
        bytes[7] ^= 0x01;
        HdlcDecodeResult r = HdlcFrame.decode(bytes, 1, bytes.length - 2);
        assertInstanceOf(HdlcFrameError.class, r);
    }

    @Test
    @DisplayName("TR-4: 2- and 4-byte server addresses use the low-bit extension rule")
    void addressForms() {
        assertArrayEquals(new byte[] {0x02, 0x23}, HdlcAddress.server(1, 17).encode());
        HdlcAddress four = HdlcAddress.server(1, 0x1234);
        assertEquals(4, four.length());
        byte[] encoded = four.encode();
        assertEquals(four, HdlcAddress.parse(encoded, 0, encoded.length).orElseThrow());
        assertEquals(1, encoded[3] & 1);
    }
}
