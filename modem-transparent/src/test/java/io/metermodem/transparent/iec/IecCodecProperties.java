package io.metermodem.transparent.iec;

import static io.metermodem.transparent.iec.TestBytes.concat;
import static io.metermodem.transparent.iec.TestBytes.feedChunked;
import static io.metermodem.transparent.iec.TestBytes.malformed;
import static io.metermodem.transparent.iec.TestBytes.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class IecCodecProperties {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Provide
    Arbitrary<List<IecMessage>> messageLists() {
        return message().list().ofMaxSize(12);
    }

    private static Arbitrary<IecMessage> message() {
        Arbitrary<Character> printableLineChar = Arbitraries.chars().range(' ', '~')
                .filter(c -> c != '/' && c != '!' && c != '\\');
        Arbitrary<String> dataText = Arbitraries.strings().withCharRange(' ', '~').withChars('\r', '\n').ofMaxLength(120);
        Arbitrary<IecMessage> signOn = Arbitraries.strings().withChars(LETTERS + "0123456789 ").ofMaxLength(32)
                .map(SignOn::new);
        Arbitrary<IecMessage> identification = Combinators.combine(
                Arbitraries.strings().withChars(LETTERS).ofLength(3),
                printableLineChar.filter(c -> c != ' '),
                Arbitraries.oneOf(Arbitraries.just(""), printableLineChar.filter(c -> c != ' ').map(String::valueOf)),
                printableLineChar.list().ofMaxSize(Identification.MAX_IDENT_LENGTH)
                        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat)))
                .as(Identification::new);
        Arbitrary<Character> digit = Arbitraries.chars().range('0', '9');
        Arbitrary<IecMessage> optionSelect = Combinators.combine(digit, digit, digit).as(AckOptionSelect::new);
        Arbitrary<IecMessage> data = dataText.map(DataMessage::new);
        Arbitrary<IecMessage> command = Combinators.combine(Arbitraries.chars().range('A', 'Z'), digit, dataText)
                .as(CommandMessage::new);
        return Arbitraries.oneOf(signOn, identification, optionSelect, data, command,
                Arbitraries.just(new Break()), Arbitraries.just(new Ack()), Arbitraries.just(new Nak()));
    }

    private static byte[] encodeAll(List<IecMessage> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.forEach(m -> out.writeBytes(IecEncoder.encode(m)));
        return out.toByteArray();
    }

    @Property(tries = 500)
    @Label("TR-9: any valid messages, encoded and fed in any chunking, decode to the same messages without errors")
    void roundTripInAnyChunking(@ForAll("messageLists") List<IecMessage> sent, @ForAll long seed,
                                @ForAll @IntRange(min = 1, max = 40) int maxChunk) {
        IecDecoder decoder = new IecDecoder();
        List<IecDecodeResult> results = new ArrayList<>(feedChunked(decoder, encodeAll(sent), seed, maxChunk));
        results.addAll(decoder.flush());
        assertEquals(List.of(), malformed(results));
        assertEquals(sent, messages(results));
    }

    @Property(tries = 300)
    @Label("TR-9: messages from a 7E1 sender read at 8 bits decode the same with parity stripping")
    void roundTripWithParityBits(@ForAll("messageLists") List<IecMessage> sent, @ForAll long seed) {
        IecDecoder decoder = new IecDecoder(IecDecoderConfig.DEFAULT.withStripParityBit(true));
        List<IecDecodeResult> results = new ArrayList<>(
                feedChunked(decoder, TestBytes.withEvenParity(encodeAll(sent)), seed, 7));
        results.addAll(decoder.flush());
        assertEquals(sent, messages(results));
    }

    @Property(tries = 300)
    @Label("TR-9: the decoded positions of consecutive messages tile the stream exactly")
    void positionsTileTheStream(@ForAll("messageLists") List<IecMessage> sent, @ForAll long seed) {
        IecDecoder decoder = new IecDecoder();
        List<IecDecodeResult> results = new ArrayList<>(feedChunked(decoder, encodeAll(sent), seed, 5));
        results.addAll(decoder.flush());
        long expectedStart = 0;
        for (IecDecodeResult result : results) {
            DecodedMessage decoded = (DecodedMessage) result;
            assertEquals(expectedStart, decoded.start());
            expectedStart = decoded.end();
        }
        assertEquals(encodeAll(sent).length, expectedStart);
    }

    @Property(tries = 300)
    @Label("TR-9: random garbage never throws, never buffers beyond the bounds, and a later message still decodes")
    void garbageIsBounded(@ForAll @Size(max = 3000) byte[] garbage, @ForAll long seed,
                          @ForAll boolean strip, @ForAll("messageLists") List<IecMessage> after) {
        IecDecoderConfig config = new IecDecoderConfig(64, 16, strip, true);
        IecDecoder decoder = new IecDecoder(config);
        Random random = new Random(seed);
        int position = 0;
        while (position < garbage.length) {
            int chunk = 1 + random.nextInt(Math.min(50, garbage.length - position));
            decoder.feed(garbage, position, chunk);
            assertTrue(decoder.bufferedBytes() <= 64, "buffered " + decoder.bufferedBytes());
            position += chunk;
        }
        decoder.flush();
        // Only messages that fit the small bounds are expected back after the resynchronisation.
        List<IecMessage> fitting = after.stream().filter(m -> fits(m, config)).toList();
        List<IecDecodeResult> results = new ArrayList<>(decoder.feed(encodeAll(fitting)));
        results.addAll(decoder.flush());
        assertEquals(fitting, messages(results));
    }

    @Property(tries = 200)
    @Label("TR-9: a corrupted byte inside a data message never yields that message unchanged")
    void corruptionIsDetected(@ForAll("messageLists") List<IecMessage> sent, @ForAll @IntRange(min = 1, max = 127) int flip,
                              @ForAll long seed) {
        List<IecMessage> dataOnly = sent.stream().filter(m -> m instanceof DataMessage).toList();
        if (dataOnly.isEmpty()) {
            return;
        }
        byte[] bytes = IecEncoder.encode(dataOnly.get(0));
        int index = 1 + new Random(seed).nextInt(bytes.length - 1);
        bytes[index] ^= (byte) flip;
        IecDecoder decoder = new IecDecoder();
        List<IecDecodeResult> results = new ArrayList<>(decoder.feed(concat(bytes)));
        results.addAll(decoder.flush());
        assertTrue(!messages(results).contains(dataOnly.get(0)), "corruption at " + index + " went unnoticed");
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
