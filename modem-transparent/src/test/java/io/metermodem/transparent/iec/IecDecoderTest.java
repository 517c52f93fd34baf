package io.metermodem.transparent.iec;

import static io.metermodem.transparent.iec.TestBytes.ascii;
import static io.metermodem.transparent.iec.TestBytes.concat;
import static io.metermodem.transparent.iec.TestBytes.malformed;
import static io.metermodem.transparent.iec.TestBytes.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IecDecoderTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private static List<IecDecodeResult> decode(byte[] bytes) {
        IecDecoder decoder = new IecDecoder();
        List<IecDecodeResult> results = new ArrayList<>(decoder.feed(bytes));
        results.addAll(decoder.flush());
        return results;
    }

    @Test
    @DisplayName("TR-9: a whole mode C conversation decodes message by message with stream positions")
    void conversation() {
        byte[] data = IecEncoder.encode(DataMessage.readout(List.of(DataSet.of("C.1.0", "1"))));
        byte[] stream = concat(ascii("/?!\r\n/ISk5MT174-0001\r\n"), IecEncoder.encode(AckOptionSelect.readout(IecBaudRate.B9600)),
                data);
        List<IecDecodeResult> results = new IecDecoder().feed(stream);
        assertEquals(List.of(
                new DecodedMessage(SignOn.ANY, 0, 5),
                new DecodedMessage(new Identification("ISk", '5', "", "MT174-0001"), 5, 22),
                new DecodedMessage(new AckOptionSelect('0', '5', '0'), 22, 28),
                new DecodedMessage(new DataMessage("C.1.0(1)\r\n!\r\n"), 28, 28 + data.length)), results);
    }

    @Test
    @DisplayName("TR-9: the write command of the BCC vector decodes as W2 with its data")
    void commandVector() {
        byte[] frame = HEX.parseHex("01 57 32 02 43 30 30 33 28 39 31 30 33 32 34 30 39 32 32 33 39 29 03 1b");
        assertEquals(List.of(new CommandMessage('W', '2', "C003(910324092239)")), messages(decode(frame)));
    }

    @Test
    @DisplayName("TR-11: the break 01 42 30 03 71 decodes as Break")
    void breakMessage() {
        assertEquals(List.of(new Break()), messages(decode(HEX.parseHex("01 42 30 03 71"))));
    }

    @Test
    @DisplayName("TR-9: a wrong BCC is reported as BCC_MISMATCH at the frame start, and decoding goes on")
    void bccMismatch() {
        byte[] frame = IecEncoder.encode(new DataMessage("1.8.0(1)\r\n!\r\n"));
        frame[frame.length - 1] ^= 0x01;
        List<IecDecodeResult> results = decode(concat(ascii("xx"), frame, IecEncoder.encode(new Nak())));
        assertEquals(MalformedKind.UNEXPECTED_BYTE, ((MalformedInput) results.get(0)).kind());
        MalformedInput bcc = (MalformedInput) results.get(1);
        assertEquals(MalformedKind.BCC_MISMATCH, bcc.kind());
        assertEquals(2, bcc.position());
        assertEquals(new DecodedMessage(new Nak(), 2 + frame.length, 3 + frame.length), results.get(2));
    }

    @Test
    @DisplayName("TR-9: a run of garbage is reported once, at its first byte, then skipped to the next frame start")
    void garbageOnce() {
        List<IecDecodeResult> results = decode(concat(ascii("abc\r\ndef"), ascii("/?!\r\n")));
        assertEquals(List.of(new MalformedInput(MalformedKind.UNEXPECTED_BYTE,
                        "byte 0x61 outside a message; skipping to the next '/', ACK, NAK, STX or SOH", 0),
                new DecodedMessage(SignOn.ANY, 8, 13)), results);
    }

    @Test
    @DisplayName("TR-9: an identification line longer than the bound is TOO_LONG and does not grow the buffer")
    void lineTooLong() {
        IecDecoder decoder = new IecDecoder(IecDecoderConfig.DEFAULT.withMaxLineLength(16));
        List<IecDecodeResult> results = new ArrayList<>(decoder.feed(ascii("/ABC5" + "x".repeat(40) + "\r\n")));
        assertTrue(decoder.bufferedBytes() <= 16);
        results.addAll(decoder.feed(ascii("/?!\r\n")));
        assertEquals(MalformedKind.TOO_LONG, malformed(results).get(0).kind());
        assertEquals(List.of(SignOn.ANY), messages(results));
    }

    @Test
    @DisplayName("TR-9: a data message longer than the bound is TOO_LONG; the next message decodes")
    void frameTooLong() {
        IecDecoder decoder = new IecDecoder(IecDecoderConfig.DEFAULT.withMaxFrameLength(32));
        byte[] big = IecEncoder.encode(new DataMessage("x".repeat(31)));
        byte[] fits = IecEncoder.encode(new DataMessage("x".repeat(29)));
        List<IecDecodeResult> results = decoder.feed(concat(big, fits));
        assertEquals(List.of(new MalformedInput(MalformedKind.TOO_LONG, "message longer than 32 bytes", 0)), malformed(results));
        assertEquals(List.of(new DataMessage("x".repeat(29))), messages(results));
    }

    @Test
    @DisplayName("TR-9: a frame cut off by the start of another is TRUNCATED and the new frame decodes")
    void truncated() {
        List<IecDecodeResult> results = decode(concat(ascii("/ISk5MT1"), ascii("/?!\r\n"),
                new byte[] {2, 'a'}, IecEncoder.encode(new DataMessage("b"))));
        assertEquals(List.of(MalformedKind.TRUNCATED, MalformedKind.TRUNCATED),
                malformed(results).stream().map(MalformedInput::kind).toList());
        assertEquals(List.of(SignOn.ANY, new DataMessage("b")), messages(results));
    }

    @Test
    @DisplayName("TR-9: a bad identification line is BAD_SYNTAX with the reason")
    void badIdentification() {
        List<MalformedInput> errors = malformed(decode(ascii("/A1C5x\r\n/AB\r\n/?abc\r\n")));
        assertEquals(3, errors.size());
        errors.forEach(e -> assertEquals(MalformedKind.BAD_SYNTAX, e.kind()));
        assertEquals(List.of(0L, 8L, 13L), errors.stream().map(MalformedInput::position).toList());
    }

    @Test
    @DisplayName("TR-11: ACK followed by a digit is an option select; ACK followed by anything else is a lone ACK")
    void ackOrOptionSelect() {
        IecDecoder decoder = new IecDecoder();
        assertEquals(List.of(), decoder.feed(new byte[] {6}));
        assertEquals(List.of(new DecodedMessage(new Ack(), 0, 1)), decoder.feed(ascii("/")));
        assertEquals(List.of(new DecodedMessage(SignOn.ANY, 1, 6)), decoder.feed(ascii("?!\r\n")));
        decoder.feed(new byte[] {6});
        assertEquals(List.of(new DecodedMessage(new Ack(), 6, 7)), decoder.flush());
    }

    @Test
    @DisplayName("TR-9: on a stream from the meter every ACK is reported at once")
    void ackAtOnceFromMeter() {
        IecDecoder decoder = new IecDecoder(IecDecoderConfig.DEFAULT.withOptionSelectExpected(false));
        assertEquals(List.of(new DecodedMessage(new Ack(), 0, 1)), decoder.feed(new byte[] {6}));
    }

    @Test
    @DisplayName("TR-11: a broken option select is reported and the decoder resynchronises")
    void brokenOptionSelect() {
        List<IecDecodeResult> results = decode(concat(new byte[] {6, '0', '5', 'x'}, ascii("/?!\r\n")));
        assertEquals(MalformedKind.BAD_SYNTAX, malformed(results).get(0).kind());
        assertEquals(List.of(SignOn.ANY), messages(results));
    }

    @Test
    @DisplayName("TR-9: 7E1 characters read at 8 bits decode when bit 7 is stripped, and not otherwise")
    void parityStripping() {
        byte[] ident = TestBytes.withEvenParity(ascii("/ISk5MT174-0001\r\n"));
        IecDecoder stripping = new IecDecoder(IecDecoderConfig.DEFAULT.withStripParityBit(true));
        assertEquals(List.of(new Identification("ISk", '5', "", "MT174-0001")), messages(stripping.feed(ident)));
        IecDecoder plain = new IecDecoder();
        assertEquals(List.of(), messages(plain.feed(ident)));
        plain.stripParityBit(true);
        assertEquals(List.of(new Identification("ISk", '5', "", "MT174-0001")), messages(plain.feed(ident)));
    }

    @Test
    @DisplayName("TR-9: command messages other than B0 need data; a partial block (EOT) is reported, not misread")
    void commandWithoutDataAndPartialBlocks() {
        byte[] r1 = {1, 'R', '1', 3, (byte) ('R' ^ '1' ^ 3)};
        byte[] partial = {2, 'a', 4, (byte) ('a' ^ 4)};
        List<MalformedInput> errors = malformed(decode(concat(r1, partial)));
        assertEquals(List.of(MalformedKind.BAD_SYNTAX, MalformedKind.BAD_SYNTAX), errors.stream().map(MalformedInput::kind).toList());
        assertTrue(errors.get(1).reason().contains("EOT"), errors.get(1).reason());
    }

    @Test
    @DisplayName("TR-9: flush reports an incomplete frame as TRUNCATED and the decoder starts afresh")
    void flushIncomplete() {
        IecDecoder decoder = new IecDecoder();
        decoder.feed(ascii("\u0002C.1.0(1"));
        assertEquals(List.of(new MalformedInput(MalformedKind.TRUNCATED, "message incomplete when the line went quiet", 0)),
                decoder.flush());
        assertEquals(0, decoder.bufferedBytes());
        assertEquals(List.of(new DecodedMessage(new Nak(), 8, 9)), decoder.feed(new byte[] {0x15}));
    }

    @Test
    @DisplayName("TR-9: a range outside the buffer and a missing configuration are API misuse")
    void misuse() {
        assertThrows(IllegalArgumentException.class, () -> new IecDecoder().feed(new byte[3], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new IecDecoder(null));
        assertThrows(IllegalArgumentException.class, () -> IecDecoderConfig.DEFAULT.withMaxFrameLength(4));
        assertThrows(IllegalArgumentException.class, () -> IecEncoder.encode(null));
    }
}
