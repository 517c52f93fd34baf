package io.metermodem.cellular.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.testsupport.Gen;
import io.metermodem.testsupport.Property;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sans-I/O AT client core (HAL-7) on whole module transcripts: the events do not depend on how
 * the serial driver splits the bytes (every single cut point, and any set of up to twelve), and
 * nothing it holds grows beyond its bound whatever bytes and timing arrive.
 */
class AtClientCoreProperties {

    /** Answer to AT+CMGS with URCs, a multi-line URC and a prompt in it. */
    private static final String SMS_TRANSCRIPT = "AT+CMGS=23\r\r\n+CREG: 1,\"1A2B\",\"01C3D4E5\",7\r\n> "
            + "\r\n+CMT: ,24\r\n07914151551512F2040B9161\r\n\r\n+CMGS: 17\r\n\r\nRING\r\n\r\nOK\r\n"
            + "\r\n+CMTI: \"SM\",4\r\n";
    /** Answer to ATA, data with decoys of NO CARRIER, the real one, a URC after it. */
    private static final String CALL_TRANSCRIPT = "\r\nCONNECT 9600\r\n\r\n/ISk5\r\nNO CARRY\r\r\nNO CARRIER!"
            + "\r\n\r\nNO CARRIER\r\n\r\n+CMTI: \"SM\",1\r\n";
    private static final AtCommand CMGS =
            AtCommand.withPrompt("AT+CMGS=23", "0011000B916407281553F80000AA0AE8329BFD4697D9EC37");

    private static List<String> run(AtCommand command, byte[] input, List<Integer> cuts) {
        AtClientCore core = new AtClientCore(AtClientSettings.DEFAULTS, UrcTable.STANDARD);
        core.submit(command, 0);
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int from = 0;
        List<Integer> points = new ArrayList<>(cuts.stream().map(c -> Math.min(c, input.length)).sorted().toList());
        points.add(input.length);
        for (int to : points) {
            core.receive(input, from, to - from, 0);
            from = to;
            AtEvent e;
            while ((e = core.poll()) != null) {
                if (e instanceof AtEvent.Data d) {
                    data.writeBytes(d.bytes());
                    continue;
                }
                if (data.size() > 0) {
                    out.add("data " + data.toString(StandardCharsets.ISO_8859_1));
                    data.reset();
                }
                out.add(describe(e));
            }
        }
        if (data.size() > 0) {
            out.add("data " + data.toString(StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private static String describe(AtEvent e) {
        if (e instanceof AtEvent.Transmit t) {
            return "tx " + HexFormat.of().formatHex(t.bytes());
        }
        return e.toString();
    }

    private static byte[] bytes(String transcript) {
        return transcript.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Property(tries = 300)
    @DisplayName("HAL-7: the AT client gives the same events however the SMS answer is split (URCs, +CMT, prompt, +CMGS)")
    void smsAnswerSplitAnywhere(Gen gen) {
        List<Integer> cuts = gen.listOf(0, 12, () -> gen.intBetween(0, 200));
        byte[] input = bytes(SMS_TRANSCRIPT);
        List<String> whole = run(CMGS, input, List.of());
        assertEquals(whole, run(CMGS, input, cuts));
        assertTrue(whole.stream().anyMatch(s -> s.contains("+CMGS: 17")), whole.toString());
    }

    @Property(tries = 300)
    @DisplayName("HAL-7: the AT client gives the same data and the same end of the call however the data is split")
    void callSplitAnywhere(Gen gen) {
        List<Integer> cuts = gen.listOf(0, 12, () -> gen.intBetween(0, 120));
        byte[] input = bytes(CALL_TRANSCRIPT);
        List<String> whole = run(AtCommand.of("ATA"), input, List.of());
        assertEquals(whole, run(AtCommand.of("ATA"), input, cuts));
        assertTrue(whole.contains("data \r\n/ISk5\r\nNO CARRY\r\r\nNO CARRIER!\r\n"), whole.toString());
        assertTrue(whole.contains("DataModeEnded[]"), whole.toString());
    }

    static IntStream smsCutPoints() {
        return IntStream.rangeClosed(0, SMS_TRANSCRIPT.length());
    }

    @ParameterizedTest(name = "cut at {0}")
    @MethodSource("smsCutPoints")
    @DisplayName("HAL-7: the SMS answer cut at each single point gives the events of the whole answer")
    void smsAnswerCutAtEachPoint(int cut) {
        byte[] input = bytes(SMS_TRANSCRIPT);
        assertEquals(run(CMGS, input, List.of()), run(CMGS, input, List.of(cut)));
    }

    static IntStream callCutPoints() {
        return IntStream.rangeClosed(0, CALL_TRANSCRIPT.length());
    }

    @ParameterizedTest(name = "cut at {0}")
    @MethodSource("callCutPoints")
    @DisplayName("HAL-7: the call's data cut at each single point gives the same data and the same end of the call")
    void callCutAtEachPoint(int cut) {
        byte[] input = bytes(CALL_TRANSCRIPT);
        assertEquals(run(AtCommand.of("ATA"), input, List.of()), run(AtCommand.of("ATA"), input, List.of(cut)));
    }

    private static final List<String> TOKENS = List.of("\r", "\n", "OK", "ERROR", "> ", "+CMT: ,3", "CONNECT", "RING",
            "\r\nNO CARRIER\r\n", "+CME ERROR: ", "040", "+CREG: ", "\u001A", "x".repeat(300));

    /** Random bytes, or the tokens of a module's answers strung together in any order. */
    private static byte[] noise(Gen gen) {
        if (gen.bool()) {
            return gen.bytes(0, 3000);
        }
        List<String> tokens = gen.listOf(0, 200, () -> gen.oneOf(TOKENS));
        return String.join("", tokens).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Property(tries = 300)
    @DisplayName("HAL-7: fuzz: no exception escapes the AT client and what it holds stays bounded, whatever bytes and timing")
    void fuzz(Gen gen) {
        byte[] input = noise(gen);
        int chunk = gen.intBetween(1, 64);
        int stepMillis = gen.intBetween(0, 3000);
        AtClientSettings settings = AtClientSettings.DEFAULTS.withMaxLineLength(64);
        AtClientCore core = new AtClientCore(settings, UrcTable.STANDARD);
        long now = 0;
        int commands = 0;
        int bound = settings.maxLineLength() * (AtClientCore.MAX_RESPONSE_LINES + 6) + 64;
        for (int i = 0; i < input.length; i += chunk) {
            if (core.isReady()) {
                core.submit(commands++ % 3 == 0 ? AtCommand.withPrompt("AT+CMGS=5", "00AABBCCDDEE")
                        : AtCommand.of("AT+CSQ"), now);
            }
            core.receive(input, i, Math.min(chunk, input.length - i), now);
            now += stepMillis * 1_000_000L;
            core.advanceTime(now);
            int events = 0;
            while (core.poll() != null) {
                events++;
            }
            // a byte ends at most one line or prompt, the end of NO CARRIER also hands out the data before it,
            // the chunk's data is one more event; the submit and a timeout (completion, ESC, resync) add four
            assertTrue(events <= 2 * chunk + 4, "events " + events);
            assertTrue(core.bufferedBytes() <= bound, "held " + core.bufferedBytes());
        }
    }
}
