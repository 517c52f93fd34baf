package io.metermodem.transparent.iec;

import static io.metermodem.transparent.iec.TestBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IecMessageTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    @DisplayName("TR-9: a sign-on is / ? [address] ! CR LF")
    void signOnBytes() {
        assertEquals("2f 3f 21 0d 0a", HEX.formatHex(IecEncoder.encode(SignOn.ANY)));
        assertArrayEquals(ascii("/?12345678!\r\n"), IecEncoder.encode(new SignOn("12345678")));
        assertTrue(new SignOn("12345678").hasAddress());
    }

    @Test
    @DisplayName("TR-9: a device address has at most 32 letters, digits or spaces")
    void signOnAddressRules() {
        new SignOn("A".repeat(32));
        assertThrows(IllegalArgumentException.class, () -> new SignOn("A".repeat(33)));
        assertThrows(IllegalArgumentException.class, () -> new SignOn("12!4"));
        assertThrows(IllegalArgumentException.class, () -> new SignOn(null));
    }

    @Test
    @DisplayName("TR-9: /ISk5MT174-0001 is a mode C meter of ISk with short reaction time, up to 9600 baud")
    void identificationModeC() {
        Identification id = new Identification("ISk", '5', "", "MT174-0001");
        assertArrayEquals(ascii("/ISk5MT174-0001\r\n"), IecEncoder.encode(id));
        assertTrue(id.shortReactionTime());
        assertEquals(IecProtocolMode.C, id.protocolMode());
        assertEquals(IecBaudRate.B9600, id.maxBaudRate());
        assertEquals(Optional.empty(), id.enhancementCode());
        assertEquals(id, Identification.modeC("ISk", IecBaudRate.B9600, "MT174-0001"));
    }

    @Test
    @DisplayName("TR-9: the enhanced identification \\2 announces mode E; letters announce mode B; others mode A")
    void identificationModes() {
        Identification modeE = new Identification("LGZ", '5', "2", "ZMD3104107.B32");
        assertArrayEquals(ascii("/LGZ5\\2ZMD3104107.B32\r\n"), IecEncoder.encode(modeE));
        assertEquals(IecProtocolMode.E, modeE.protocolMode());
        assertFalse(modeE.shortReactionTime());
        assertEquals(IecProtocolMode.B, new Identification("ABC", 'E', "", "x").protocolMode());
        assertEquals(IecBaudRate.B9600, new Identification("ABC", 'E', "", "x").maxBaudRate());
        assertEquals(IecProtocolMode.A, new Identification("ABC", 'Z', "", "x").protocolMode());
        assertEquals(IecBaudRate.B300, new Identification("ABC", 'Z', "", "x").maxBaudRate());
    }

    @Test
    @DisplayName("TR-9: an identification has three letters, a printable Z and at most 16 characters")
    void identificationRules() {
        assertThrows(IllegalArgumentException.class, () -> new Identification("AB", '5', "", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Identification("A1C", '5', "", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Identification("ABC", '\r', "", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Identification("ABC", '5', "22", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Identification("ABC", '5', "", "x".repeat(17)));
        assertThrows(IllegalArgumentException.class, () -> new Identification("ABC", '5', "", "a/b"));
    }

    @Test
    @DisplayName("TR-11: the option select ACK 0 5 0 is 06 30 35 30 0D 0A and names 9600 baud readout")
    void optionSelect() {
        AckOptionSelect ack = AckOptionSelect.readout(IecBaudRate.B9600);
        assertEquals("06 30 35 30 0d 0a", HEX.formatHex(IecEncoder.encode(ack)));
        assertEquals(Optional.of(IecBaudRate.B9600), ack.baudRate());
        assertFalse(ack.selectsHdlc());
        assertEquals(new AckOptionSelect('0', '3', '1'), AckOptionSelect.programming(IecBaudRate.B2400));
        assertTrue(AckOptionSelect.hdlc(IecBaudRate.B9600).selectsHdlc());
        assertEquals(Optional.empty(), new AckOptionSelect('0', '9', '0').baudRate());
        assertThrows(IllegalArgumentException.class, () -> new AckOptionSelect('0', 'A', '0'));
    }

    @Test
    @DisplayName("TR-9: ACK, NAK and the P1 command encode as the standard shows")
    void shortMessages() {
        assertEquals("06", HEX.formatHex(IecEncoder.encode(new Ack())));
        assertEquals("15", HEX.formatHex(IecEncoder.encode(new Nak())));
        byte[] password = IecEncoder.encode(CommandMessage.password("00000000"));
        byte[] body = ascii("\u0001P1\u0002(00000000)\u0003");
        assertArrayEquals(TestBytes.concat(body, new byte[] {(byte) IecBcc.xor(body, 1, body.length)}), password);
        assertEquals(new CommandMessage('R', '1', "1.8.0()"), CommandMessage.read("1.8.0"));
        assertEquals(new CommandMessage('W', '1', "0.9.1(12:00:00)"), CommandMessage.write("0.9.1", "12:00:00"));
        assertThrows(IllegalArgumentException.class, () -> new CommandMessage('w', '1', "x"));
        assertThrows(IllegalArgumentException.class, () -> new CommandMessage('W', 'x', "x"));
        assertThrows(IllegalArgumentException.class, () -> new CommandMessage('W', '1', "a\u0003b"));
    }

    @Test
    @DisplayName("TR-9: a readout data message is STX, one data set per line, ! CR LF, ETX, BCC")
    void readoutMessage() {
        DataMessage message = DataMessage.readout(List.of(DataSet.of("C.1.0", "12345678"),
                new DataSet("1.8.0", "001234.5", "kWh")));
        assertEquals("C.1.0(12345678)\r\n1.8.0(001234.5*kWh)\r\n!\r\n", message.dataBlock());
        byte[] bytes = IecEncoder.encode(message);
        assertEquals(0x02, bytes[0]);
        assertEquals(0x03, bytes[bytes.length - 2]);
        assertEquals(IecBcc.ofFrame(bytes).orElseThrow(), bytes[bytes.length - 1] & 0xFF);
    }

    @Test
    @DisplayName("TR-9: data sets without unit and several data sets on one line are read")
    void dataBlockParsing() {
        DataBlock block = DataBlock.parse("0.0.0(12345678)\r\n1.8.1(0001.0*kWh)1.8.2(0002.5*kWh)\r\n"
                + "P.01(2311250000)(08)(15)\r\n!\r\n");
        assertEquals(List.of(DataSet.of("0.0.0", "12345678"), new DataSet("1.8.1", "0001.0", "kWh"),
                new DataSet("1.8.2", "0002.5", "kWh"), DataSet.of("P.01", "2311250000"), DataSet.of("", "08"),
                DataSet.of("", "15")), block.dataSets());
        assertTrue(block.endMarker());
        assertEquals(List.of(), block.problems());
        assertFalse(block.dataSets().get(0).hasUnit());
    }

    @Test
    @DisplayName("TR-9: what is not a data set is reported with its position and the rest is still read")
    void dataBlockProblems() {
        DataBlock block = DataBlock.parse("junk\r\n1.8.0(12\r\n0.9.1(13:45:10)\r\n!\r\nmore");
        assertEquals(List.of(DataSet.of("0.9.1", "13:45:10")), block.dataSets());
        assertEquals(List.of(new ParseProblem(0, "text without '(value)'"),
                new ParseProblem(11, "'(' without ')' on the same line"),
                new ParseProblem(36, "text after the end marker '!'")), block.problems());
    }

    @Test
    @DisplayName("TR-9: a data set refuses characters that would change its structure")
    void dataSetRules() {
        assertEquals("1.8.0(1*kWh)", new DataSet("1.8.0", "1", "kWh").toText());
        assertEquals("1-0:1.8.0*255(1)", DataSet.of("1-0:1.8.0*255", "1").toText());
        assertThrows(IllegalArgumentException.class, () -> DataSet.of("1.8.0", "1*2"));
        assertThrows(IllegalArgumentException.class, () -> DataSet.of("1.8(0", "1"));
        assertThrows(IllegalArgumentException.class, () -> new DataSet("1.8.0", "1", "k)"));
        assertThrows(IllegalArgumentException.class, () -> DataSet.of("1.8.0", "x".repeat(129)));
    }
}
