package io.metermodem.transparent.iec;

import static io.metermodem.transparent.iec.TestBytes.feedPieces;
import static io.metermodem.transparent.iec.TestBytes.malformed;
import static io.metermodem.transparent.iec.TestBytes.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * Seeded properties of the IEC 62056-21 codec (TR-9): every valid message survives encoding and
 * decoding in any chunking (with or without the 7E1 parity bit in bit 7), decoded positions tile
 * the stream, garbage stays within the decoder's memory bounds without spoiling later messages, and
 * a corrupted data message is never passed off as the original.
 */
class IecCodecProperties {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String PRINTABLE = printableAscii();
    /** What a data block or command data may hold: printable characters, CR and LF. */
    private static final String DATA_CHARS = PRINTABLE + "\r\n";
    /** Printable characters that do not make an identification line ambiguous. */
    private static final String LINE_CHARS = PRINTABLE.replace("/", "").replace("!", "").replace("\\", "");
    private static final String LINE_CHARS_NO_SPACE = LINE_CHARS.replace(" ", "");

    private static String printableAscii() {
        StringBuilder chars = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            chars.append(c);
        }
        return chars.toString();
    }

    /** Up to 12 valid messages of every kind. */
    private static List<IecMessage> messageList(Gen gen) {
        return gen.listOf(0, 12, () -> message(gen));
    }

    private static IecMessage message(Gen gen) {
        return switch (gen.uniformInt(0, 7)) {
            case 0 -> new SignOn(gen.string(0, SignOn.MAX_ADDRESS_LENGTH, LETTERS + DIGITS + " "));
            case 1 -> identification(gen);
            case 2 -> new AckOptionSelect(digit(gen), digit(gen), digit(gen));
            case 3 -> dataMessage(gen);
            case 4 -> new CommandMessage(gen.charBetween('A', 'Z'), digit(gen), gen.string(0, 120, DATA_CHARS));
            case 5 -> new Break();
            case 6 -> new Ack();
            default -> new Nak();
        };
    }

    private static Identification identification(Gen gen) {
        String manufacturer = gen.string(3, 3, LETTERS);
        char baudCode = oneChar(gen, LINE_CHARS_NO_SPACE);
        String enhancement = gen.bool() ? "" : String.valueOf(oneChar(gen, LINE_CHARS_NO_SPACE));
        String ident = gen.string(0, Identification.MAX_IDENT_LENGTH, LINE_CHARS);
        return new Identification(manufacturer, baudCode, enhancement, ident);
    }

    private static DataMessage dataMessage(Gen gen) {
        return new DataMessage(gen.string(0, 120, DATA_CHARS));
    }

    private static char digit(Gen gen) {
        return gen.charBetween('0', '9');
    }

    private static char oneChar(Gen gen, String alphabet) {
        return alphabet.charAt(gen.uniformInt(0, alphabet.length() - 1));
    }

    private static byte[] encodeAll(List<IecMessage> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.forEach(m -> out.writeBytes(IecEncoder.encode(m)));
        return out.toByteArray();
    }

    @Property(tries = 500)
    @DisplayName("TR-9: any valid messages, encoded and fed in any chunking, decode to the same messages without errors")
    void roundTripInAnyChunking(Gen gen) {
        List<IecMessage> sent = messageList(gen);
        IecDecoder decoder = new IecDecoder();
        List<IecDecodeResult> results = new ArrayList<>(feedPieces(decoder, gen.chunks(encodeAll(sent))));
        results.addAll(decoder.flush());
        assertEquals(List.of(), malformed(results));
        assertEquals(sent, messages(results));
    }

    @Property(tries = 300)
    @DisplayName("TR-9: messages from a 7E1 sender read at 8 bits decode the same with parity stripping")
    void roundTripWithParityBits(Gen gen) {
        List<IecMessage> sent = messageList(gen);
        IecDecoder decoder = new IecDecoder(IecDecoderConfig.DEFAULT.withStripParityBit(true));
        List<IecDecodeResult> results = new ArrayList<>(
                feedPieces(decoder, gen.chunks(TestBytes.withEvenParity(encodeAll(sent)))));
        results.addAll(decoder.flush());
        assertEquals(List.of(), malformed(results));
        assertEquals(sent, messages(results));
    }

    @Property(tries = 300)
    @DisplayName("TR-9: the decoded positions of consecutive messages tile the stream exactly")
    void positionsTileTheStream(Gen gen) {
        List<IecMessage> sent = messageList(gen);
        byte[] stream = encodeAll(sent);
        IecDecoder decoder = new IecDecoder();
        List<IecDecodeResult> results = new ArrayList<>(feedPieces(decoder, gen.chunks(stream)));
        results.addAll(decoder.flush());
        long expectedStart = 0;
        for (IecDecodeResult result : results) {
            DecodedMessage decoded = (DecodedMessage) result;
            assertEquals(expectedStart, decoded.start());
            expectedStart = decoded.end();
        }
        assertEquals(stream.length, expectedStart);
        assertEquals(stream.length, decoder.position());
    }

    @Property(tries = 300)
    @DisplayName("TR-9: random garbage never throws, never buffers beyond the bounds, and a later message still decodes")
    void garbageIsBounded(Gen gen) {
        byte[] garbage = gen.bytes(0, 3000);
        boolean strip = gen.bool();
        IecDecoderConfig config = new IecDecoderConfig(64, 16, strip, true);
        IecDecoder decoder = new IecDecoder(config);
        for (byte[] piece : gen.chunks(garbage)) {
            for (IecDecodeResult result : decoder.feed(piece)) {
                if (result instanceof DecodedMessage decoded) {
                    assertTrue(IecEncoder.encode(decoded.message()).length <= config.maxFrameLength(), decoded.toString());
                }
            }
            assertTrue(decoder.bufferedBytes() <= 64, "buffered " + decoder.bufferedBytes());
        }
        decoder.flush();
        assertEquals(0, decoder.bufferedBytes());
        // Only messages that fit the small bounds are expected back after the resynchronisation.
        List<IecMessage> fitting = messageList(gen).stream().filter(m -> fits(m, config)).toList();
        List<IecDecodeResult> results = new ArrayList<>(decoder.feed(encodeAll(fitting)));
        results.addAll(decoder.flush());
        assertEquals(fitting, messages(results));
    }

    @Property(tries = 200)
    @DisplayName("TR-9: a corrupted byte inside a data message never yields that message unchanged")
    void corruptionIsDetected(Gen gen) {
        DataMessage original = dataMessage(gen);
        byte[] bytes = IecEncoder.encode(original);
        int index = gen.intBetween(1, bytes.length - 1);
        int flip = gen.intBetween(1, 127);
        bytes[index] ^= (byte) flip;
        IecDecoder decoder = new IecDecoder();
        List<IecDecodeResult> results = new ArrayList<>(decoder.feed(bytes));
        results.addAll(decoder.flush());
        assertFalse(messages(results).contains(original), "corruption at " + index + " went unnoticed");
    }

    private static boolean fits(IecMessage message, IecDecoderConfig config) {
        int length = IecEncoder.encode(message).length;
        return switch (message) {
            case SignOn s -> length <= config.maxLineLength();
            case Identification i -> length <= config.maxLineLength();
            case DataMessage d -> length <= config.maxFrameLength();
            case CommandMessage c -> length <= config.maxFrameLength();
            default -> true;
        };
    }
}
