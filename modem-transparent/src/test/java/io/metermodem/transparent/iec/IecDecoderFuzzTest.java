package io.metermodem.transparent.iec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.metermodem.hal.serial.LineSettings;
import io.metermodem.testsupport.Pieces;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Fuzzing of everything in this package that reads IEC 62056-21 bytes from outside (TR-9, TR-11):
 * the input is what a meter or a head-end puts on the line.
 *
 * <ul>
 *   <li>{@link IecDecoder}, in four configurations (defaults, parity stripping, meter direction,
 *       small bounds): every result is a message or a {@link MalformedInput}, in stream order, at
 *       strictly increasing positions inside the input, so there are never more results than bytes;
 *       every decoded message re-encodes to exactly the bytes it was decoded from; the results are
 *       the same whether the bytes come at once, one at a time or in pieces; the frame buffer never
 *       exceeds its bound; and after any input, a NAK followed by a readout decodes that readout.</li>
 *   <li>{@link DataBlock#parse}: never throws, reports problems inside the block, and the data sets
 *       it finds survive {@link DataMessage#readout} and a second parse unchanged.</li>
 *   <li>{@link IecModeCSession} fed the input as the meter's answer: ends in the same state, with the
 *       same readout or failure, for any chunking; a time-out always ends an unfinished session.</li>
 *   <li>{@link IecBaudFollower} fed the input from either side: its line switches fall inside the
 *       chunk and at the same absolute stream positions for any chunking.</li>
 * </ul>
 * The committed inputs in {@code IecDecoderFuzzTestInputs/lineBytes/} (sign-ons, identifications,
 * option selects, readouts, commands, break, bad BCC, truncated and over-long frames, parity bits,
 * noise) are replayed by every build.
 */
class IecDecoderFuzzTest {

    private static final IecDecoderConfig SMALL = new IecDecoderConfig(32, 16, false, false);
    private static final List<IecDecoderConfig> CONFIGS = List.of(IecDecoderConfig.DEFAULT,
            IecDecoderConfig.DEFAULT.withStripParityBit(true), IecDecoderConfig.DEFAULT.withOptionSelectExpected(false),
            SMALL);
    /** A readout that fits even the small bounds, sent after the input to show the decoder resynchronises. */
    private static final DataMessage PROBE = new DataMessage("1.8.0(1*kWh)\r\n!\r\n");

    @FuzzTest
    void lineBytes(byte[] input) {
        for (IecDecoderConfig config : CONFIGS) {
            decoder(config, input);
        }
        dataBlock(new String(input, StandardCharsets.ISO_8859_1));
        session(input);
        follower(input, false);
        follower(input, true);
    }

    private static void decoder(IecDecoderConfig config, byte[] input) {
        List<IecDecodeResult> whole = decode(config, List.of(input));
        assertContract(config, input, whole);
        assertEquals(whole, decode(config, Pieces.oneByOne(input)), "one byte at a time");
        assertEquals(whole, decode(config, Pieces.steeredBy(input, 16)), "in pieces the input itself sizes");

        IecDecoder decoder = new IecDecoder(config);
        decoder.feed(input);
        byte[] probe = IecEncoder.encode(PROBE);
        byte[] nakThenProbe = new byte[probe.length + 1];
        nakThenProbe[0] = Ascii.NAK;
        System.arraycopy(probe, 0, nakThenProbe, 1, probe.length);
        List<IecDecodeResult> after = decoder.feed(nakThenProbe);
        assertFalse(after.isEmpty(), "nothing decoded after the input");
        IecDecodeResult last = after.get(after.size() - 1);
        assertTrue(last instanceof DecodedMessage d && d.message().equals(PROBE),
                () -> config + ": the readout after NAK was not decoded, got " + after);
    }

    private static List<IecDecodeResult> decode(IecDecoderConfig config, List<byte[]> pieces) {
        IecDecoder decoder = new IecDecoder(config);
        int bound = Math.max(config.maxFrameLength(), config.maxLineLength());
        List<IecDecodeResult> results = new ArrayList<>();
        for (byte[] piece : pieces) {
            results.addAll(decoder.feed(piece));
            assertTrue(decoder.bufferedBytes() <= bound, "buffered " + decoder.bufferedBytes());
        }
        results.addAll(decoder.flush());
        assertEquals(0, decoder.bufferedBytes());
        assertTrue(decoder.isBetweenFrames());
        return results;
    }

    private static void assertContract(IecDecoderConfig config, byte[] input, List<IecDecodeResult> results) {
        long previous = -1;
        long previousEnd = 0;
        for (IecDecodeResult result : results) {
            switch (result) {
                case DecodedMessage d -> {
                    assertTrue(d.start() > previous && d.start() >= previousEnd && d.end() <= input.length,
                            () -> "message " + d + " out of order or outside " + input.length + " bytes");
                    byte[] slice = Arrays.copyOfRange(input, (int) d.start(), (int) d.end());
                    if (config.stripParityBit()) {
                        for (int i = 0; i < slice.length; i++) {
                            slice[i] &= 0x7F;
                        }
                    }
                    assertArrayEquals(slice, IecEncoder.encode(d.message()),
                            () -> d + " decoded from " + HexFormat.of().formatHex(slice));
                    if (d.message() instanceof DataMessage data) {
                        dataBlock(data.dataBlock());
                    }
                    previous = d.start();
                    previousEnd = d.end();
                }
                case MalformedInput m -> {
                    assertTrue(m.position() > previous && m.position() >= previousEnd && m.position() < input.length,
                            () -> "report " + m + " out of order or outside " + input.length + " bytes");
                    assertFalse(m.reason().isBlank());
                    previous = m.position();
                }
            }
        }
    }

    private static void dataBlock(String text) {
        DataBlock block = DataBlock.parse(text);
        for (ParseProblem problem : block.problems()) {
            assertTrue(problem.position() < text.length(), problem::toString);
        }
        assertTrue(!block.endMarker() || text.indexOf('!') >= 0, "end marker without '!'");
        assertTrue(block.dataSets().size() <= text.chars().filter(c -> c == '(').count(), "more data sets than '('");
        DataBlock again = DataMessage.readout(block.dataSets()).parse();
        assertEquals(new DataBlock(block.dataSets(), true, List.of()), again, "data sets written and read again");
    }

    private static void session(byte[] input) {
        IecModeCSession whole = new IecModeCSession();
        whole.start();
        whole.onReceived(input);
        IecModeCSession single = new IecModeCSession();
        single.start();
        for (byte[] piece : Pieces.oneByOne(input)) {
            single.onReceived(piece);
        }
        assertEquals(whole.state(), single.state());
        assertEquals(whole.identification(), single.identification());
        assertEquals(whole.readout(), single.readout());
        assertEquals(whole.failure(), single.failure());
        assertEquals(whole.state() == IecSessionState.COMPLETED, whole.readout().isPresent());
        assertEquals(whole.state() == IecSessionState.FAILED, whole.failure().isPresent());
        if (!whole.state().isFinal()) {
            whole.onTimeout();
            assertEquals(IecSessionState.FAILED, whole.state());
        }
        assertEquals(List.of(), whole.onReceived(input), "bytes after the end are ignored");
    }

    private static void follower(byte[] input, boolean stripParityBit) {
        List<String> whole = switches(new IecBaudFollower(stripParityBit), List.of(input));
        assertEquals(whole, switches(new IecBaudFollower(stripParityBit), Pieces.oneByOne(input)), "one byte at a time");
        assertEquals(whole, switches(new IecBaudFollower(stripParityBit), Pieces.steeredBy(input, 16)), "in pieces");
    }

    /** The follower's events as "direction position event", feeding every piece from the HES and then from the meter. */
    private static List<String> switches(IecBaudFollower follower, List<byte[]> pieces) {
        List<String> events = new ArrayList<>();
        LineSettings announced = LineSettings.IEC_SIGN_ON;
        for (boolean fromHes : new boolean[] {true, false}) {
            int start = 0;
            for (byte[] piece : pieces) {
                List<BaudFollowerEvent> found = fromHes ? follower.onHesToMeter(piece, 0, piece.length)
                        : follower.onMeterToHes(piece, 0, piece.length);
                for (BaudFollowerEvent event : found) {
                    if (event instanceof SwitchMeterLine s) {
                        assertTrue(s.afterBytes() >= 0 && s.afterBytes() <= piece.length, s::toString);
                        events.add((fromHes ? "hes " : "meter ") + (start + s.afterBytes()) + " " + s.settings()
                                + " " + s.reason());
                        announced = s.settings();
                    } else {
                        events.add((fromHes ? "hes " : "meter ") + event);
                    }
                }
                start += piece.length;
            }
        }
        assertEquals(announced, follower.meterLine(), "the line is the one the last switch announced");
        return events;
    }
}
